import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNow } from './createNow';

afterEach(() => vi.useRealTimers());

describe('createNow', () => {
  it('advances with the clock and stops once its owner is disposed', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    createRoot((dispose) => {
      const now = createNow(60_000);
      expect(now()).toBe(1_000_000);
      vi.advanceTimersByTime(60_000);
      expect(now()).toBe(1_060_000);
      dispose();
      vi.advanceTimersByTime(60_000);
      expect(now()).toBe(1_060_000);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});

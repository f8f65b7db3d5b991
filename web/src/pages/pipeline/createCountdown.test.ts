import { createRoot, createSignal } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCountdown } from './createCountdown';

describe('createCountdown', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts down each second from the last value, restarts on a new one and stops at zero', () => {
    createRoot((dispose) => {
      const [eta, setEta] = createSignal<number | null>(5_000);
      const left = createCountdown(eta);
      expect(left()).toBe(5_000);
      vi.advanceTimersByTime(2_000);
      expect(left()).toBe(3_000);
      setEta(3_000); // the same remaining time from an event: no jump
      vi.advanceTimersByTime(1_000);
      expect(left()).toBe(2_000);
      setEta(10_000);
      expect(left()).toBe(10_000);
      vi.advanceTimersByTime(60_000);
      expect(left()).toBe(0);
      setEta(null);
      expect(left()).toBeNull();
      dispose();
    });
  });
});

import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createLastKnown } from './createLastKnown';

describe('createLastKnown', () => {
  it('keeps the last loaded value when the source turns null, and follows the next value', () => {
    createRoot((dispose) => {
      const [source, setSource] = createSignal<{ nodes: string[] } | null | undefined>(undefined);
      const known = createLastKnown(source);
      expect(known()).toBeUndefined();
      setSource({ nodes: ['main'] });
      expect(known()).toEqual({ nodes: ['main'] });
      setSource(null);
      expect(known()).toEqual({ nodes: ['main'] });
      setSource({ nodes: ['main', 'system'] });
      expect(known()).toEqual({ nodes: ['main', 'system'] });
      dispose();
    });
  });
});

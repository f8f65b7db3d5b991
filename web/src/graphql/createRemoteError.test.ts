import { CombinedError } from '@urql/solid';
import { GraphQLError } from 'graphql';
import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createRemoteError } from './createRemoteError';

const unavailable = new CombinedError({
  graphQLErrors: [new GraphQLError('connect ECONNREFUSED', { extensions: { code: 'DATABRICKS_UNAVAILABLE' } })],
});

describe('createRemoteError', () => {
  it('keeps the error while the field stays null, and drops it once a value arrives', () => {
    createRoot((dispose) => {
      const [error, setError] = createSignal<CombinedError | undefined>(unavailable);
      const [value, setValue] = createSignal<number | null>(null);
      const remoteError = createRemoteError(error, () => value() !== null);
      expect(remoteError()).toBe(unavailable);

      setError(undefined); // re-read from the cache: same null field, no error
      expect(remoteError()).toBe(unavailable);

      setValue(42); // Databricks answered again
      expect(remoteError()).toBeUndefined();
      dispose();
    });
  });
});

import type { CombinedError } from '@urql/solid';
import { type Accessor, createComputed, createSignal } from 'solid-js';

/**
 * The error that nulled a remote (Databricks) field, kept while the field stays null.
 *
 * Graphcache does not cache errors: once another query touches the same entity, the result is re-read from
 * the cache with the field still null but the error gone. The user should keep seeing why the value is
 * missing (e.g. DATABRICKS_UNAVAILABLE) until a value arrives.
 */
export function createRemoteError(error: Accessor<CombinedError | undefined>, hasValue: Accessor<boolean>) {
  const [remembered, setRemembered] = createSignal<CombinedError>();
  createComputed(() => {
    const current = error();
    if (current) setRemembered(current);
    else if (hasValue()) setRemembered(undefined);
  });
  return remembered;
}

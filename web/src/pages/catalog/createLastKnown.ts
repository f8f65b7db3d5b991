import { type Accessor, createComputed, createSignal } from 'solid-js';

/**
 * The latest value that was neither null nor undefined. The catalog levels all select the workspace's one
 * `catalogs` field, so Graphcache shares it between them: a deeper level whose Databricks call failed
 * writes `catalogs: null` and would blank the levels above it, which had loaded fine.
 */
export function createLastKnown<Value>(value: Accessor<Value | null | undefined>): Accessor<Value | undefined> {
  const [kept, setKept] = createSignal<Value>();
  createComputed(() => {
    const current = value();
    if (current != null) setKept(() => current);
  });
  return kept;
}

import type { ObjectRef } from '@pothos/core';
import { DatabricksError } from '../../databricks/errors.js';
import type { Remote } from '../../databricks/remote-cache.js';
import { appError, describeError } from '../../errors.js';
import { builder } from '../builder.js';

/** Runs a remote read; a Databricks failure becomes a typed GraphQL error on that field only (the one vocabulary). */
export async function remote<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const described = error instanceof DatabricksError ? describeError(error) : undefined;
    if (described) throw appError(described.code, described.message, described.extensions);
    throw error;
  }
}

/** `{ nodes, stale, fetchedAt }`: a remote list that says whether it came from the cache while Databricks was down. */
export function remoteList<T>(name: string, item: ObjectRef<any, T>) {
  return builder.objectRef<Remote<T[]>>(name).implement({
    description: `A list read from Databricks. \`stale\` is true when Databricks was unreachable and this is the last known value.`,
    fields: (t) => ({
      nodes: t.field({ type: [item], resolve: (list) => list.value }),
      stale: t.exposeBoolean('stale'),
      fetchedAt: t.expose('fetchedAt', { type: 'DateTime' }),
    }),
  });
}

/** Epoch milliseconds as Databricks sends them; 0 and absent mean "not yet". */
export const epochToDate = (ms: number | undefined) => (ms ? new Date(ms) : null);

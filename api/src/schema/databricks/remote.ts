import type { ObjectRef } from '@pothos/core';
import { DatabricksError, type DatabricksErrorKind } from '../../databricks/errors.js';
import type { Remote } from '../../databricks/remote-cache.js';
import { appError, type ErrorCode } from '../../errors.js';
import { builder } from '../builder.js';

const CODES: Record<DatabricksErrorKind, ErrorCode> = {
  UNAVAILABLE: 'DATABRICKS_UNAVAILABLE',
  RATE_LIMITED: 'DATABRICKS_RATE_LIMITED',
  TIMEOUT: 'DATABRICKS_TIMEOUT',
  AUTH: 'DATABRICKS_AUTH',
  NOT_FOUND: 'NOT_FOUND',
  BAD_REQUEST: 'BAD_USER_INPUT',
};

/** Runs a remote read; a Databricks failure becomes a typed GraphQL error on that field only. */
export async function remote<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DatabricksError) {
      throw appError(
        CODES[error.kind],
        error.message,
        error.details.retryAfterMs ? { retryAfterMs: error.details.retryAfterMs } : {},
      );
    }
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

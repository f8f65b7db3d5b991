import { DatabricksError } from '../databricks/errors.js';
import type { SyncStatus } from '../generated/prisma/enums.js';

/**
 * The sync record every owned resource carries (as `sync*` columns of its row): where its Databricks copy
 * stands, the last failure, how often it was tried and when the reconciler tries next.
 */
export interface SyncRecord {
  status: SyncStatus;
  error: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  syncedAt: Date | null;
}

export interface SyncColumns {
  syncStatus: SyncStatus;
  syncError: string | null;
  syncAttempts: number;
  syncNextAttemptAt: Date | null;
  syncedAt: Date | null;
}

export const syncRecordOf = (row: SyncColumns): SyncRecord => ({
  status: row.syncStatus,
  error: row.syncError,
  attempts: row.syncAttempts,
  nextAttemptAt: row.syncNextAttemptAt,
  syncedAt: row.syncedAt,
});

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/** The sync columns of a new resource: queued for the reconciler, or DISABLED for good. */
export const initialSync = (databricksEnabled: boolean) =>
  databricksEnabled
    ? { syncStatus: 'PENDING' as const, syncNextAttemptAt: new Date() }
    : { syncStatus: 'DISABLED' as const, syncNextAttemptAt: null };

/** The sync columns once the remote copy matches. */
export const syncedColumns = () => ({
  syncStatus: 'SYNCED' as const,
  syncError: null,
  syncNextAttemptAt: null,
  syncedAt: new Date(),
});

/**
 * The sync columns after a failed attempt: LOCAL_ONLY while Databricks is unreachable (it will come back),
 * FAILED when it refused (credentials, a bad request), both retried with exponential back-off and jitter
 * so a recovering workspace is not hit by every resource at once.
 */
export function failedColumns(error: unknown, attempts: number, backoff: Backoff) {
  const unreachable = !(error instanceof DatabricksError) || error.retryable;
  const delay = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(attempts, 20));
  return {
    syncStatus: unreachable ? ('LOCAL_ONLY' as const) : ('FAILED' as const),
    syncError: error instanceof Error ? error.message : String(error),
    syncAttempts: attempts + 1,
    syncNextAttemptAt: new Date(Date.now() + delay * (0.75 + Math.random() * 0.5)),
  };
}

/** Rows the reconciler should look at now: due for another attempt, or tombstones to finish. */
export const dueForSync = (now: Date) => ({
  OR: [
    { syncStatus: { in: ['PENDING', 'LOCAL_ONLY', 'FAILED'] as SyncStatus[] }, syncNextAttemptAt: { lte: now } },
    // A tombstone whose push finished after the delete has no next attempt set: it is due at once.
    { deletedAt: { not: null }, OR: [{ syncNextAttemptAt: null }, { syncNextAttemptAt: { lte: now } }] },
  ],
});

/** The `findMany` of a model with the sync columns, as much of it as `dueIds` uses. */
interface SyncedRows {
  findMany(args: {
    where: ReturnType<typeof dueForSync>;
    select: { id: true };
    orderBy: { syncNextAttemptAt: 'asc' };
    take: number;
  }): Promise<{ id: string }[]>;
}

/** A handler's `due`: ids of up to `limit` rows due now (`dueForSync`), the longest waiting first. */
export async function dueIds(rows: SyncedRows, now: Date, limit: number): Promise<string[]> {
  const due = await rows.findMany({
    where: dueForSync(now),
    select: { id: true },
    orderBy: { syncNextAttemptAt: 'asc' },
    take: limit,
  });
  return due.map((row) => row.id);
}

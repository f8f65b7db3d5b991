import { SyncStatus } from '../generated/prisma/enums.js';
import { type SyncColumns, syncRecordOf } from '../sync/record.js';
import { builder } from './builder.js';

export const SyncStatusEnum = builder.enumType(SyncStatus, {
  name: 'SyncStatus',
  description:
    'SYNCED: the Databricks copy matches; PENDING: queued for Databricks; LOCAL_ONLY: Databricks could not be ' +
    'reached, retried with back-off; FAILED: Databricks refused, retried with back-off; DISABLED: Databricks is ' +
    'off for the customer, the resource is local only.',
});

export const SyncRecordType = builder.simpleObject('SyncRecord', {
  description: 'Where a resource owned by CoP OS stands with its Databricks copy (local first, Databricks second).',
  fields: (t) => ({
    status: t.field({ type: SyncStatusEnum }),
    error: t.string({ nullable: true, description: 'Why the last attempt failed.' }),
    attempts: t.int({ description: 'Failed attempts since the last success.' }),
    nextAttemptAt: t.field({ type: 'DateTime', nullable: true, description: 'When the reconciler tries again.' }),
    syncedAt: t.field({ type: 'DateTime', nullable: true }),
  }),
});

/** The `sync` field of an owned resource's type, from its row's sync columns. */
export const syncField = <Row extends SyncColumns>() => ({
  type: SyncRecordType,
  select: { syncStatus: true, syncError: true, syncAttempts: true, syncNextAttemptAt: true, syncedAt: true },
  resolve: (row: Row) => syncRecordOf(row),
});

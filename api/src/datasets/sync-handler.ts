import type { DatabricksRegistry } from '../databricks/registry.js';
import type { PrismaClient } from '../db/prisma.js';
import type { SyncHandler } from '../sync/reconciler.js';
import { type Backoff, dueForSync, failedColumns, syncedColumns } from '../sync/record.js';
import { syncTargetOf } from '../sync/target.js';
import type { LocalDatasets } from './local-engine.js';
import { datasetRemote, pushDataset, removeDataset } from './remote.js';

export interface DatasetSyncDeps {
  prisma: PrismaClient;
  registry: DatabricksRegistry;
  local: LocalDatasets;
  backoff: Backoff;
  uploadTimeoutMs: number;
}

/** How the reconciler brings a dataset's Delta table in line with its row, or finishes deleting it. */
export function datasetSyncHandler(deps: DatasetSyncDeps): SyncHandler {
  const { prisma } = deps;
  return {
    kind: 'dataset',
    due: async (now, limit) =>
      (
        await prisma.dataset.findMany({
          where: dueForSync(now),
          select: { id: true },
          orderBy: { syncNextAttemptAt: 'asc' },
          take: limit,
        })
      ).map((row) => row.id),
    async reconcile(id) {
      const row = await prisma.dataset.findUnique({ where: { id } });
      if (!row) return;
      try {
        const target = await syncTargetOf(prisma, row.customerId);
        const connection =
          target.enabled && target.integration ? deps.registry.forIntegration(target.integration) : undefined;
        const remote =
          target.enabled && target.integration ? datasetRemote(id, target.catalog, target.integration.id) : undefined;
        if (row.deletedAt) {
          if (connection && remote) await removeDataset(connection, remote);
          await deps.local.remove(id);
          await prisma.dataset.delete({ where: { id } });
          return;
        }
        if (!target.enabled) {
          await prisma.dataset.update({ where: { id }, data: { syncStatus: 'DISABLED', syncNextAttemptAt: null } });
          return;
        }
        if (!connection || !remote) throw new Error('The customer has no active Databricks integration');
        await pushDataset(connection, remote, deps.local.parquetPath(id), deps.uploadTimeoutMs);
        await prisma.dataset.update({ where: { id }, data: { ...syncedColumns(), remote: { ...remote } } });
      } catch (error) {
        await prisma.dataset.update({ where: { id }, data: failedColumns(error, row.syncAttempts, deps.backoff) });
      }
    },
  };
}

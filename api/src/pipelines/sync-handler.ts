import { connectionSelect, type DatabricksRegistry } from '../databricks/registry.js';
import type { PrismaClient } from '../db/prisma.js';
import type { SyncHandler } from '../sync/reconciler.js';
import { type Backoff, dueForSync, failedColumns, syncedColumns } from '../sync/record.js';
import { definitionOf } from './definition.js';
import { type PipelineRemote, pushPipeline, removePipeline } from './remote.js';

export interface PipelineSyncDeps {
  prisma: PrismaClient;
  registry: DatabricksRegistry;
  backoff: Backoff;
}

/** How the reconciler brings a pipeline's Databricks job in line with its row, or finishes deleting it. */
export function pipelineSyncHandler(deps: PipelineSyncDeps): SyncHandler {
  const { prisma } = deps;
  return {
    kind: 'pipeline',
    due: async (now, limit) =>
      (
        await prisma.pipeline.findMany({
          where: dueForSync(now),
          select: { id: true },
          orderBy: { syncNextAttemptAt: 'asc' },
          take: limit,
        })
      ).map((row) => row.id),
    async reconcile(id) {
      const row = await prisma.pipeline.findUnique({
        where: { id },
        include: {
          customer: { select: { databricksEnabled: true } },
          workspaceMapping: { select: { integration: { select: { ...connectionSelect, isActive: true } } } },
        },
      });
      if (!row) return;
      const { integration } = row.workspaceMapping;
      const known = row.remote as Partial<PipelineRemote>;
      const enabled = row.customer.databricksEnabled && integration.isActive;
      try {
        const rest = deps.registry.forIntegration(integration).rest;
        if (row.deletedAt) {
          // Only what was sent through this integration can exist remotely.
          if (known.integrationId === integration.id) await removePipeline(rest, id, known);
          await prisma.pipeline.delete({ where: { id } });
          return;
        }
        if (!enabled) {
          await prisma.pipeline.update({ where: { id }, data: { syncStatus: 'DISABLED', syncNextAttemptAt: null } });
          return;
        }
        const sameIntegration = known.integrationId === integration.id ? known : {};
        let recorded: Partial<PipelineRemote> = { ...sameIntegration, integrationId: integration.id };
        const pushed = await pushPipeline(rest, definitionOf(row), sameIntegration, async (patch) => {
          recorded = { ...recorded, ...patch };
          await prisma.pipeline.update({ where: { id }, data: { remote: recorded } });
        });
        const remote = { integrationId: integration.id, ...pushed };
        // SYNCED only if the definition is still the one pushed: a change made meanwhile stays PENDING.
        const synced = await prisma.pipeline.updateMany({
          where: {
            id,
            name: row.name,
            tasks: { equals: row.tasks as object },
            scheduleCron: row.scheduleCron,
            scheduleTimezone: row.scheduleTimezone,
            schedulePaused: row.schedulePaused,
          },
          data: { ...syncedColumns(), syncAttempts: 0, remote },
        });
        if (synced.count === 0) await prisma.pipeline.updateMany({ where: { id }, data: { remote } });
      } catch (error) {
        await prisma.pipeline.updateMany({
          where: { id },
          data: failedColumns(error, row.syncAttempts, deps.backoff),
        });
      }
    },
  };
}

import type { Viewer } from '../auth/viewer.js';
import type { PrismaClient } from '../db/prisma.js';
import type { Prisma } from '../generated/prisma/client.js';
import { mayIngestFor } from './access.js';
import { UsageAccessError, UsageAttributionError } from './errors.js';
import { kpiUpsertArgs } from './kpi-upsert.js';
import type { UsageReport } from './report.js';

export interface IngestionResult {
  /** Number of `KpiMetric` rows written (inserted or updated). */
  processed: number;
  /** The CoPs the report was attributed to. */
  copIds: string[];
}

/**
 * The usage ingestion service, whatever transport delivered the report (the REST endpoint the daily job
 * posts to, or the `ingestUsage` mutation): checks that `viewer` may report for the customer, then stores
 * the report as `KpiMetric` rows, one per attributed CoP and metric, in one transaction. Replaying a report
 * updates the same rows (idempotent per CoP, metric and date). Throws `UsageAccessError` or
 * `UsageAttributionError`, and then nothing was written.
 */
export async function ingestUsage(prisma: PrismaClient, viewer: Viewer, report: UsageReport): Promise<IngestionResult> {
  if (!mayIngestFor(viewer, report.customerId)) throw new UsageAccessError();
  return prisma.$transaction(async (tx) => {
    const copIds = await attributedCopIds(tx, report);
    for (const copId of copIds) {
      for (const metric of report.metrics) {
        await tx.kpiMetric.upsert(
          kpiUpsertArgs({
            copId,
            metricName: metric.name,
            metricValue: metric.value,
            metricDate: report.metricDate,
            metadata: metric.metadata,
            source: 'USAGE_REPORT',
          }),
        );
      }
    }
    return { processed: copIds.length * report.metrics.length, copIds };
  });
}

/** The named CoP; else the CoPs mapped to the workspace; else every active CoP of the customer. */
async function attributedCopIds(
  tx: Prisma.TransactionClient,
  { customerId, copId, workspaceId }: UsageReport,
): Promise<string[]> {
  if (copId) {
    const cop = await tx.cop.findFirst({ where: { id: copId, customerId }, select: { id: true } });
    if (!cop) throw new UsageAttributionError('COP_NOT_FOUND', `CoP ${copId} does not exist for this customer.`);
    return [cop.id];
  }
  if (workspaceId) {
    const mappings = await tx.workspaceMapping.findMany({
      where: { workspaceId, isActive: true, copId: { not: null }, integration: { customerId } },
      select: { copId: true },
      distinct: ['copId'],
      orderBy: { copId: 'asc' },
    });
    if (mappings.length === 0) {
      throw new UsageAttributionError(
        'WORKSPACE_NOT_MAPPED',
        `Workspace ${workspaceId} is not mapped to any CoP of this customer.`,
      );
    }
    return mappings.flatMap((mapping) => (mapping.copId ? [mapping.copId] : []));
  }
  const cops = await tx.cop.findMany({
    where: { customerId, isActive: true },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  if (cops.length === 0) throw new UsageAttributionError('NO_ACTIVE_COPS', 'This customer has no active CoP.');
  return cops.map((cop) => cop.id);
}

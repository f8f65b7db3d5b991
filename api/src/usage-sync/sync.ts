import type { Viewer } from '../auth/viewer.js';
import { connectionSelect, type DatabricksRegistry } from '../databricks/registry.js';
import { PLATFORM_METRICS, type PlatformMetric, queryDailyUsage } from '../databricks/usage-query.js';
import type { PrismaClient } from '../db/prisma.js';
import { mayIngestFor } from '../usage/access.js';
import { UsageAccessError } from '../usage/errors.js';
import { storeUsage } from '../usage/ingest.js';

export interface UsageSyncDeps {
  prisma: PrismaClient;
  registry: Pick<DatabricksRegistry, 'forIntegration'>;
}

export interface UsageSyncResult {
  /** The day synced, YYYY-MM-DD. */
  date: string;
  /** `KpiMetric` rows written. */
  processed: number;
  copIds: string[];
  /** Integrations that could not be read (e.g. no SQL warehouse configured), in words. */
  warnings: string[];
}

const DAY_MS = 86_400_000;

/** A date's UTC day, YYYY-MM-DD. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The last complete day in UTC, YYYY-MM-DD: system tables hold whole days only once the day is over. */
export const yesterday = (now = new Date()) => isoDay(new Date(now.getTime() - DAY_MS));

/** `syncCustomerUsage` asked for by `viewer` (not the schedule): the same access rule as a usage report. */
export async function syncUsageFor(
  deps: UsageSyncDeps,
  viewer: Viewer,
  customerId: string,
  day: string,
): Promise<UsageSyncResult> {
  if (!mayIngestFor(viewer, customerId)) throw new UsageAccessError();
  return syncCustomerUsage(deps, customerId, day);
}

/** The CoP mappings whose workspaces feed `Cop.platformUsage`: active, of an active Databricks integration. */
const syncedMappings = {
  where: { isActive: true, copId: { not: null } },
  select: { workspaceId: true, copId: true },
} as const;

/**
 * Copies one day of platform usage from the system tables into `KpiMetric`: one SQL statement per
 * integration over all its mapped workspaces, summed per CoP over its workspaces as `Cop.platformUsage` does,
 * then stored through the usage ingestion (same attribution checks, same idempotent upsert). A day without
 * activity stores zeros, so every synced day is complete. Reads all integrations before writing anything.
 */
export async function syncCustomerUsage(
  deps: UsageSyncDeps,
  customerId: string,
  date: string,
): Promise<UsageSyncResult> {
  const integrations = await deps.prisma.integration.findMany({
    where: { customerId, type: 'DATABRICKS', isActive: true, workspaceMappings: { some: syncedMappings.where } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      ...connectionSelect,
      displayName: true,
      workspaceMappings: syncedMappings,
    },
  });
  const warnings: string[] = [];
  const totals = new Map<string, Map<PlatformMetric, number>>();
  const reads = await Promise.all(
    integrations.map(async (integration) => {
      const { sql } = deps.registry.forIntegration(integration);
      if (!sql) {
        warnings.push(`${integration.displayName}: no SQL warehouse is configured, its usage was not synced.`);
        return undefined;
      }
      const workspaceIds = [...new Set(integration.workspaceMappings.map((mapping) => mapping.workspaceId))];
      return { mappings: integration.workspaceMappings, rows: await queryDailyUsage(sql, workspaceIds, date, date) };
    }),
  );
  for (const read of reads) {
    for (const { workspaceId, copId } of read?.mappings ?? []) {
      if (!copId) continue;
      const copTotals = totals.get(copId) ?? new Map<PlatformMetric, number>();
      for (const row of read?.rows ?? []) {
        if (row.workspaceId === workspaceId) copTotals.set(row.metric, (copTotals.get(row.metric) ?? 0) + row.value);
      }
      totals.set(copId, copTotals);
    }
  }
  let processed = 0;
  for (const [copId, copTotals] of totals) {
    const result = await storeUsage(deps.prisma, {
      customerId,
      copId,
      metricDate: new Date(`${date}T00:00:00Z`),
      metrics: PLATFORM_METRICS.map((name) => ({
        name,
        value: copTotals.get(name) ?? 0,
        metadata: { source: 'system-tables' },
      })),
    });
    processed += result.processed;
  }
  return { date, processed, copIds: [...totals.keys()], warnings };
}

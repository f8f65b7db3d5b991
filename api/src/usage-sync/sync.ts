import type { Viewer } from '../auth/viewer.js';
import { connectionSelect, type DatabricksRegistry } from '../databricks/registry.js';
import { PLATFORM_METRICS, queryDailyUsage } from '../databricks/usage-query.js';
import type { PrismaClient } from '../db/prisma.js';
import { mayIngestFor } from '../usage/access.js';
import { UsageAccessError } from '../usage/errors.js';
import { writePlatformUsage } from './platform-kpis.js';
import { usageCollectionOf } from './settings.js';
import { markSyncedDays } from './synced-days.js';

export interface UsageSyncDeps {
  prisma: PrismaClient;
  registry: Pick<DatabricksRegistry, 'forIntegration'>;
}

/** Days to sync, YYYY-MM-DD, both included. */
export interface DayRange {
  from: string;
  to: string;
}

export interface UsageSyncResult extends DayRange {
  /** `KpiMetric` rows written. */
  processed: number;
  copIds: string[];
  /** Integrations that could not be read (e.g. no SQL warehouse configured), in words. */
  warnings: string[];
}

const DAY_MS = 86_400_000;
/** Longest range one sync reads: a quarter, what the dashboards chart. */
export const MAX_SYNC_DAYS = 90;

/** A date's UTC day, YYYY-MM-DD. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** `day` moved by `days`, YYYY-MM-DD. */
export const addDays = (day: string, days: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/** The last complete day in UTC, YYYY-MM-DD: system tables hold whole days only once the day is over. */
export const yesterday = (now = new Date()) => isoDay(new Date(now.getTime() - DAY_MS));

/** Every day of a range, in order. */
export function daysOf({ from, to }: DayRange): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** `syncCustomerUsage` asked for by `viewer` (not the schedule): the same access rule as a usage report. */
export async function syncUsageFor(
  deps: UsageSyncDeps,
  viewer: Viewer,
  customerId: string,
  range: DayRange,
): Promise<UsageSyncResult> {
  if (!mayIngestFor(viewer, customerId)) throw new UsageAccessError();
  return syncCustomerUsage(deps, customerId, range, { trigger: 'mutation' });
}

/** The CoP mappings whose workspaces feed `Cop.platformUsage`: active, of an active Databricks integration. */
const syncedMappings = {
  where: { isActive: true, copId: { not: null } },
  select: { workspaceId: true, copId: true },
} as const;

/**
 * Copies a range of days of platform usage from the system tables into `KpiMetric` (`PLATFORM_SYNC` rows): one SQL
 * statement per integration over all its mapped workspaces and days, summed per CoP over its workspaces as
 * `Cop.platformUsage` does, then written in one statement. Integrations whose usage collection is off, or done by
 * their own job, are not read. A day without activity stores zeros, so every synced day is complete; finished days
 * are marked synced (the schedule's catch-up skips them). Reads all integrations before writing anything.
 */
export async function syncCustomerUsage(
  deps: UsageSyncDeps,
  customerId: string,
  range: DayRange,
  { trigger, today = isoDay(new Date()) }: { trigger: 'schedule' | 'mutation'; today?: string },
): Promise<UsageSyncResult> {
  const candidates = await deps.prisma.integration.findMany({
    where: { customerId, type: 'DATABRICKS', isActive: true, workspaceMappings: { some: syncedMappings.where } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { ...connectionSelect, displayName: true, usageCollection: true, workspaceMappings: syncedMappings },
  });
  const integrations = candidates.filter((integration) => {
    const settings = usageCollectionOf(integration.usageCollection);
    return settings.enabled && !settings.jobId;
  });
  const warnings: string[] = [];
  const reads = await Promise.all(
    integrations.map(async (integration) => {
      const { sql } = deps.registry.forIntegration(integration);
      if (!sql) {
        warnings.push(`${integration.displayName}: no SQL warehouse is configured, its usage was not synced.`);
        return undefined;
      }
      const workspaceIds = [...new Set(integration.workspaceMappings.map((mapping) => mapping.workspaceId))];
      const rows = await queryDailyUsage(sql, workspaceIds, range.from, range.to);
      return { mappings: integration.workspaceMappings, rows };
    }),
  );
  // copId → day → metric → value, every day and metric present (zeros where the system tables have nothing).
  const totals = new Map<string, Map<string, Map<string, number>>>();
  const days = daysOf(range);
  for (const read of reads) {
    for (const { workspaceId, copId } of read?.mappings ?? []) {
      if (!copId) continue;
      const copDays =
        totals.get(copId) ??
        new Map(days.map((day) => [day, new Map<string, number>(PLATFORM_METRICS.map((metric) => [metric, 0]))]));
      for (const row of read?.rows ?? []) {
        const metrics = row.workspaceId === workspaceId ? copDays.get(row.date) : undefined;
        metrics?.set(row.metric, (metrics.get(row.metric) ?? 0) + row.value);
      }
      totals.set(copId, copDays);
    }
  }
  const processed = await writePlatformUsage(deps.prisma, totals);
  const finished = days.filter((day) => day < today);
  if (reads.some(Boolean)) await markSyncedDays(deps.prisma, customerId, finished, { trigger, processed });
  return { ...range, processed, copIds: [...totals.keys()], warnings };
}

import type { Logger } from 'pino';
import { runNow } from '../databricks/api/jobs.js';
import { connectionSelect } from '../databricks/registry.js';
import { computeKpis } from '../kpis/compute.js';
import { type UsageCollection, usageCollectionOf } from './settings.js';
import {
  addDays,
  type DayRange,
  daysOf,
  isoDay,
  MAX_SYNC_DAYS,
  syncCustomerUsage,
  type UsageSyncDeps,
} from './sync.js';
import { syncedDays } from './synced-days.js';

export interface UsageSyncScheduleDeps extends UsageSyncDeps {
  log: Logger;
}

export type ScheduledSyncOutcome =
  | { status: 'locked' }
  | {
      status: 'ran';
      /** The customers synced, and the days read for each. */
      synced: ({ customerId: string } & DayRange)[];
      failed: string[];
      /** Integrations whose own usage-collection job was started, and its run (the same one for a repeated period). */
      jobsStarted: { integrationId: string; runId: number }[];
      /** Computed KPI rows written (MAP and NPS, by default of yesterday and today). */
      kpisWritten: number;
    };

/** Names the advisory lock that lets one instance at a time run the schedule. */
const LOCK_NAME = 'cop-os:usage-sync';
/** How long the lock may be held: the whole tick over every customer must fit. */
const LOCK_TIMEOUT_MS = 60 * 60_000;
/** Hour (UTC) from which yesterday counts as due: system tables settle in the first hours of a day. */
export const DAILY_HOUR_UTC = 3;
const HOUR_MS = 3_600_000;
/** Days of MAP and NPS a process's first tick computes. */
const KPI_CATCH_UP_DAYS = 90;

/** Milliseconds from `now` to the next full hour. */
export const msUntilNextHour = (now: Date) => HOUR_MS - (now.getTime() % HOUR_MS);

/**
 * Starts the usage schedule: one tick right away (catching up what was missed while no instance ran), then one at
 * every full hour. Each integration's own settings say whether and how often it is collected. `stop()` cancels
 * the next tick.
 */
export function startUsageSyncSchedule(deps: UsageSyncScheduleDeps): { stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // The first tick of a process recomputes a quarter of MAP and NPS (history after a deploy); later ones two days.
  let kpiDays = KPI_CATCH_UP_DAYS;
  const tick = () => {
    const days = kpiDays;
    kpiDays = 2;
    runScheduledUsageSync(deps, { kpiDays: days })
      .catch((error: unknown) => deps.log.error({ err: error }, 'Scheduled usage sync failed'))
      .finally(scheduleNext);
  };
  const scheduleNext = () => {
    if (stopped) return;
    timer = setTimeout(tick, msUntilNextHour(new Date()));
    // The schedule alone never keeps the process alive.
    timer.unref();
  };
  timer = setTimeout(tick, 0);
  timer.unref();
  return {
    stop: () => {
      // A tick in progress finishes, but schedules no next one.
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export interface ScheduledSyncScope {
  /** The tick's time; default now. */
  now?: Date;
  /** Only these customers (e.g. to catch up a few after an outage); default every customer. */
  customerIds?: string[];
  /** Days of MAP and NPS to compute, up to today; default 2 (yesterday and today). */
  kpiDays?: number;
}

interface CollectingIntegration {
  id: string;
  customerId: string;
  settings: UsageCollection;
}

/**
 * One tick, under a Postgres advisory lock (held by a transaction, so it is released on the very connection that
 * took it): for every customer whose integrations collect from the system tables, syncs the finished days of the
 * last 90 that no sync has covered yet (in one read) — and today too when one of them is `HOURLY`; starts the
 * usage-collection job of integrations that have one; then computes MAP and NPS (yesterday and today). One
 * customer's failure does not stop the others.
 */
export async function runScheduledUsageSync(
  deps: UsageSyncScheduleDeps,
  { now = new Date(), customerIds, kpiDays = 2 }: ScheduledSyncScope = {},
): Promise<ScheduledSyncOutcome> {
  return deps.prisma.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(hashtext(${LOCK_NAME})) AS locked`;
      if (!lock?.locked) {
        deps.log.info('Scheduled usage sync skipped: another instance holds the lock');
        return { status: 'locked' as const };
      }
      const integrations = await collectingIntegrations(deps, customerIds);
      const today = isoDay(now);
      const lastDueDay = addDays(today, now.getUTCHours() >= DAILY_HOUR_UTC ? -1 : -2);
      const synced: ({ customerId: string } & DayRange)[] = [];
      const failed: string[] = [];
      for (const [customerId, ofCustomer] of groupByCustomer(integrations.filter((i) => !i.settings.jobId))) {
        try {
          const range = await rangeToSync(deps, customerId, { today, lastDueDay }, ofCustomer);
          if (!range) continue;
          const result = await syncCustomerUsage(deps, customerId, range, { trigger: 'schedule', today });
          deps.log.info({ customerId, ...result }, 'Synced platform usage');
          synced.push({ customerId, ...range });
        } catch (error) {
          deps.log.error({ err: error, customerId }, 'Platform usage sync failed for a customer');
          failed.push(customerId);
        }
      }
      const jobsStarted = await startCollectionJobs(deps, integrations, { now, lastDueDay });
      const { written } = await computeKpis(deps.prisma, { from: addDays(today, 1 - kpiDays), to: today });
      const kpisWritten = written.MAP + written.NPS;
      deps.log.info(
        { synced: synced.length, failed: failed.length, jobsStarted: jobsStarted.length, kpisWritten },
        'Usage sync tick done',
      );
      return { status: 'ran' as const, synced, failed, jobsStarted, kpisWritten };
    },
    { timeout: LOCK_TIMEOUT_MS, maxWait: 10_000 },
  );
}

/** Active Databricks integrations with mapped CoPs whose usage collection is on. */
async function collectingIntegrations(deps: UsageSyncDeps, customerIds?: string[]): Promise<CollectingIntegration[]> {
  const rows = await deps.prisma.integration.findMany({
    where: {
      type: 'DATABRICKS',
      isActive: true,
      ...(customerIds ? { customerId: { in: customerIds } } : {}),
      workspaceMappings: { some: { isActive: true, copId: { not: null } } },
    },
    orderBy: [{ customerId: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, customerId: true, usageCollection: true },
  });
  return rows
    .map((row) => ({ id: row.id, customerId: row.customerId, settings: usageCollectionOf(row.usageCollection) }))
    .filter((integration) => integration.settings.enabled);
}

function groupByCustomer(integrations: CollectingIntegration[]): Map<string, CollectingIntegration[]> {
  const groups = new Map<string, CollectingIntegration[]>();
  for (const integration of integrations)
    groups.set(integration.customerId, [...(groups.get(integration.customerId) ?? []), integration]);
  return groups;
}

/** From the first due day not synced yet (within the last 90) to the last due day, or to today when hourly. */
async function rangeToSync(
  deps: UsageSyncDeps,
  customerId: string,
  { today, lastDueDay }: { today: string; lastDueDay: string },
  integrations: CollectingIntegration[],
): Promise<DayRange | undefined> {
  const due = daysOf({ from: addDays(today, -MAX_SYNC_DAYS), to: lastDueDay });
  const done = await syncedDays(deps.prisma, customerId, due);
  const firstMissing = due.find((day) => !done.has(day));
  const hourly = integrations.some((integration) => integration.settings.schedule === 'HOURLY');
  if (hourly) return { from: firstMissing ?? today, to: today };
  return firstMissing ? { from: firstMissing, to: lastDueDay } : undefined;
}

/**
 * Starts each usage-collection job once per due period: the idempotency token names the integration and the day
 * (daily) or hour (hourly), so Databricks starts one run however many ticks or instances ask.
 */
async function startCollectionJobs(
  deps: UsageSyncScheduleDeps,
  integrations: CollectingIntegration[],
  { now, lastDueDay }: { now: Date; lastDueDay: string },
): Promise<{ integrationId: string; runId: number }[]> {
  const withJobs = integrations.filter((integration) => integration.settings.jobId);
  if (withJobs.length === 0) return [];
  const rows = await deps.prisma.integration.findMany({
    where: { id: { in: withJobs.map((integration) => integration.id) } },
    select: connectionSelect,
  });
  const started: { integrationId: string; runId: number }[] = [];
  for (const integration of withJobs) {
    const row = rows.find((candidate) => candidate.id === integration.id);
    if (!row) continue;
    const period =
      integration.settings.schedule === 'HOURLY' ? now.toISOString().slice(0, 13).replace('T', '-') : lastDueDay;
    try {
      const { run_id: runId } = await runNow(deps.registry.forIntegration(row).rest, {
        job_id: Number(integration.settings.jobId),
        idempotency_token: `copos-usage-${integration.id}-${period}`,
      });
      started.push({ integrationId: integration.id, runId });
    } catch (error) {
      deps.log.error({ err: error, integrationId: integration.id }, 'Could not start the usage-collection job');
    }
  }
  return started;
}

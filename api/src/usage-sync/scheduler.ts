import type { Logger } from 'pino';
import { syncCustomerUsage, type UsageSyncDeps, yesterday } from './sync.js';

export interface UsageSyncScheduleOptions {
  /** Whether the daily sync runs in this process. Default: true (turn it off in tests and one-off scripts). */
  enabled?: boolean;
  /** Hour of the day (0–23, UTC) at which the previous day is synced. Default: 3, after system tables settle. */
  hourUtc?: number;
}

export interface UsageSyncScheduleDeps extends UsageSyncDeps {
  log: Logger;
}

export type ScheduledSyncOutcome =
  | { status: 'locked' }
  | { status: 'ran'; date: string; synced: string[]; failed: string[]; alreadySynced: number };

/** Names the advisory lock that lets one instance at a time run the sync. */
const LOCK_NAME = 'cop-os:usage-sync';
/** How long the lock may be held: the whole sync of every customer must fit. */
const LOCK_TIMEOUT_MS = 60 * 60_000;
/** Marks, in the audit log, a customer whose day the schedule has synced, so no instance syncs it twice. */
const SCHEDULED_ACTION = 'syncPlatformUsage';
const SCHEDULED_ENTITY = 'UsageSyncDay';

/** Milliseconds from `now` to the next `hourUtc`:00 UTC (tomorrow's when today's has passed). */
export function msUntilNextRun(now: Date, hourUtc: number): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc);
  return next > now.getTime() ? next - now.getTime() : next + 86_400_000 - now.getTime();
}

/** Starts the daily usage sync of every customer; `stop()` cancels the next run. */
export function startUsageSyncSchedule(
  deps: UsageSyncScheduleDeps,
  options: UsageSyncScheduleOptions = {},
): { stop: () => void } {
  const { enabled = true, hourUtc = 3 } = options;
  if (!enabled) {
    deps.log.info('Daily usage sync is off');
    return { stop: () => {} };
  }
  if (!Number.isInteger(hourUtc) || hourUtc < 0 || hourUtc > 23)
    throw new RangeError(`hourUtc must be 0–23, got ${hourUtc}`);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const scheduleNext = () => {
    if (stopped) return;
    const delay = msUntilNextRun(new Date(), hourUtc);
    deps.log.info({ nextRunAt: new Date(Date.now() + delay).toISOString() }, 'Daily usage sync scheduled');
    timer = setTimeout(() => {
      runScheduledUsageSync(deps)
        .catch((error: unknown) => deps.log.error({ err: error }, 'Daily usage sync failed'))
        .finally(scheduleNext);
    }, delay);
    // The schedule alone never keeps the process alive.
    timer.unref();
  };
  scheduleNext();
  return {
    stop: () => {
      // A run in progress finishes, but schedules no next one.
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export interface ScheduledSyncScope {
  /** The day to sync, YYYY-MM-DD; default yesterday. */
  date?: string;
  /** Only these customers (e.g. to catch up a few after an outage); default every customer. */
  customerIds?: string[];
}

/**
 * One scheduled run: under a Postgres advisory lock (held by a transaction, so it is released on the very
 * connection that took it), syncs the day for every customer with mapped workspaces that no instance has
 * synced yet. One customer's failure does not stop the others.
 */
export async function runScheduledUsageSync(
  deps: UsageSyncScheduleDeps,
  { date = yesterday(), customerIds }: ScheduledSyncScope = {},
): Promise<ScheduledSyncOutcome> {
  return deps.prisma.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(hashtext(${LOCK_NAME})) AS locked`;
      if (!lock?.locked) {
        deps.log.info({ date }, 'Daily usage sync skipped: another instance holds the lock');
        return { status: 'locked' as const };
      }
      const done = await deps.prisma.auditLog.findMany({
        where: {
          action: SCHEDULED_ACTION,
          entityType: SCHEDULED_ENTITY,
          entityId: date,
          ...(customerIds ? { customerId: { in: customerIds } } : {}),
        },
        select: { customerId: true },
      });
      const doneIds = done.flatMap((row) => (row.customerId ? [row.customerId] : []));
      const customers = await deps.prisma.customer.findMany({
        where: {
          id: { notIn: doneIds, ...(customerIds ? { in: customerIds } : {}) },
          integrations: {
            some: {
              type: 'DATABRICKS',
              isActive: true,
              workspaceMappings: { some: { isActive: true, copId: { not: null } } },
            },
          },
        },
        orderBy: { name: 'asc' },
        select: { id: true, name: true },
      });
      const synced: string[] = [];
      const failed: string[] = [];
      for (const customer of customers) {
        try {
          const result = await syncCustomerUsage(deps, customer.id, date);
          await deps.prisma.auditLog.create({
            data: {
              customerId: customer.id,
              actorType: 'system',
              action: SCHEDULED_ACTION,
              entityType: SCHEDULED_ENTITY,
              entityId: date,
              details: { succeeded: true, trigger: 'schedule', ...result },
            },
          });
          deps.log.info({ customer: customer.name, ...result }, 'Synced platform usage');
          synced.push(customer.id);
        } catch (error) {
          deps.log.error({ err: error, customer: customer.name, date }, 'Platform usage sync failed for a customer');
          failed.push(customer.id);
        }
      }
      deps.log.info(
        { date, synced: synced.length, failed: failed.length, alreadySynced: doneIds.length },
        'Daily usage sync done',
      );
      return { status: 'ran' as const, date, synced, failed, alreadySynced: doneIds.length };
    },
    { timeout: LOCK_TIMEOUT_MS, maxWait: 10_000 },
  );
}

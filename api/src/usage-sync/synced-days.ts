import type { PrismaClient } from '../db/prisma.js';

/** An audit row per customer and finished day synced, so the schedule never syncs a day twice. */
const MARK = { actorType: 'system', action: 'syncPlatformUsage', entityType: 'UsageSyncDay' } as const;

/** The days of `days` already synced for the customer. */
export async function syncedDays(prisma: PrismaClient, customerId: string, days: string[]): Promise<Set<string>> {
  const rows = await prisma.auditLog.findMany({
    where: { customerId, action: MARK.action, entityType: MARK.entityType, entityId: { in: days } },
    select: { entityId: true },
  });
  return new Set(rows.flatMap((row) => (row.entityId ? [row.entityId] : [])));
}

/** Marks the days synced (those not marked yet), with who synced them and how many rows the sync wrote. */
export async function markSyncedDays(
  prisma: PrismaClient,
  customerId: string,
  days: string[],
  details: { trigger: 'schedule' | 'mutation'; processed: number },
): Promise<void> {
  const done = await syncedDays(prisma, customerId, days);
  const missing = days.filter((day) => !done.has(day));
  if (missing.length === 0) return;
  await prisma.auditLog.createMany({
    data: missing.map((day) => ({ ...MARK, customerId, entityId: day, details: { succeeded: true, ...details } })),
  });
}

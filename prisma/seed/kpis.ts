import type { PrismaClient } from '@cop-os/api/db/prisma';
import { computeKpis } from '@cop-os/api/kpis/compute';
import { addDays } from './rows.js';
import type { SeededCop } from './tenants.js';

export const KPI_DAYS = 90;

/**
 * 90 days of MAP and NPS per CoP, computed from the seeded activity and surveys exactly as the daily computation
 * does (the same service), so the dashboard and the surveys agree. Platform usage KPIs are not invented here: the
 * api's usage schedule syncs them from the system tables on its first tick.
 */
export async function seedKpis(prisma: PrismaClient, cops: SeededCop[], today: Date) {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  await computeKpis(prisma, {
    from: day(addDays(today, 1 - KPI_DAYS)),
    to: day(today),
    copIds: cops.map((cop) => cop.id),
  });
}

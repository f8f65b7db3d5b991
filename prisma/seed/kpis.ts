import type { PrismaClient } from '@cop-os/api/db/prisma';
import type { CopPhase } from '@cop-os/api/prisma/enums';
import type { CopPeople } from './people.js';
import { randomFrom } from './random.js';
import { addDays } from './rows.js';
import type { SeededCop } from './tenants.js';

export const KPI_DAYS = 90;

interface VolumeShape {
  /** Today's typical weekday value by CoP phase. */
  base: Record<CopPhase, number>;
  /** Relative growth across the window (negative: falling, e.g. DBUs of an optimizing CoP). */
  growth: number | Record<CopPhase, number>;
  /** Weekend value as a share of a weekday's. */
  weekend: number;
  /** Relative day-to-day noise. */
  noise: number;
}

/** Platform usage metrics, shaped like the usage job would report them. */
const VOLUMES: Record<string, VolumeShape> = {
  ACTIVE_USERS: {
    base: { FOUNDATION: 14, GROWTH: 38, SCALE: 85, OPTIMIZATION: 130 },
    growth: 0.35,
    weekend: 0.3,
    noise: 0.1,
  },
  DBU: {
    base: { FOUNDATION: 90, GROWTH: 380, SCALE: 1150, OPTIMIZATION: 1600 },
    growth: { FOUNDATION: 0.5, GROWTH: 0.4, SCALE: 0.2, OPTIMIZATION: -0.2 },
    weekend: 0.55,
    noise: 0.12,
  },
  JOBS_RUN: {
    base: { FOUNDATION: 12, GROWTH: 75, SCALE: 240, OPTIMIZATION: 410 },
    growth: 0.3,
    weekend: 0.75,
    noise: 0.08,
  },
  QUERIES_EXECUTED: {
    base: { FOUNDATION: 260, GROWTH: 1400, SCALE: 5200, OPTIMIZATION: 7800 },
    growth: 0.3,
    weekend: 0.2,
    noise: 0.15,
  },
  MODEL_REQUESTS: {
    base: { FOUNDATION: 20, GROWTH: 420, SCALE: 1800, OPTIMIZATION: 5200 },
    growth: 0.6,
    weekend: 0.4,
    noise: 0.2,
  },
};
const NPS_BASE: Record<CopPhase, number> = { FOUNDATION: 18, GROWTH: 32, SCALE: 45, OPTIMIZATION: 52 };

const isWeekend = (date: Date) => date.getUTCDay() === 0 || date.getUTCDay() === 6;

/** One metric on one day: a trend over the window, a weekday pattern and seeded noise. */
function metricValue(cop: SeededCop, metric: string, date: Date, progress: number, members: number): number {
  const random = randomFrom(`kpi:${cop.spec.name}:${metric}:${date.toISOString().slice(0, 10)}`);
  const jitter = random() * 2 - 1;
  const { phase } = cop.spec;
  if (metric === 'NPS')
    return Math.max(-100, Math.min(100, Math.round(NPS_BASE[phase] - 10 * (1 - progress) + 4 * jitter)));
  // Monthly active participants: the share of members active in the last 30 days.
  if (metric === 'MAP') return Math.min(members, Math.round(members * (0.5 + 0.3 * progress) + 2 * jitter));
  const shape = VOLUMES[metric];
  const growth = typeof shape.growth === 'number' ? shape.growth : shape.growth[phase];
  const trend = shape.base[phase] * (1 + growth * (progress - 1));
  const value = trend * (isWeekend(date) ? shape.weekend : 1) * (1 + shape.noise * jitter);
  return metric === 'DBU' ? Math.round(value * 100) / 100 : Math.max(0, Math.round(value));
}

export const KPI_METRICS = ['MAP', 'NPS', ...Object.keys(VOLUMES)];

/**
 * 90 days of daily KPIs per CoP in one `INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING` on the KPI key:
 * existing (CoP, metric, date) rows are kept. Prisma's `createMany` takes seconds for these ~4,000 rows.
 */
export async function seedKpis(prisma: PrismaClient, cops: SeededCop[], people: Map<string, CopPeople>, today: Date) {
  const rows = cops.flatMap((cop) =>
    Array.from({ length: KPI_DAYS }, (_, index) => {
      const metricDate = addDays(today, index - KPI_DAYS + 1);
      const progress = index / (KPI_DAYS - 1);
      return KPI_METRICS.map((metricName) => ({
        copId: cop.id,
        metricName,
        metricDate,
        metricValue: metricValue(cop, metricName, metricDate, progress, people.get(cop.id)!.memberIds.length),
      }));
    }).flat(),
  );
  const column = <K extends keyof (typeof rows)[number]>(name: K) => rows.map((row) => row[name]);
  await prisma.$executeRaw`
    INSERT INTO "KpiMetric" ("id", "copId", "metricName", "metricDate", "metricValue", "metadata", "updatedAt")
    SELECT gen_random_uuid()::text, kpi.cop, kpi.metric, kpi.day, kpi.value, '{"source":"demo-seed"}'::jsonb, now()
    FROM unnest(${column('copId')}::text[], ${column('metricName')}::text[], ${rows.map((row) => row.metricDate.toISOString().slice(0, 10))}::date[], ${column('metricValue')}::float8[])
      AS kpi(cop, metric, day, value)
    ON CONFLICT ("copId", "metricName", "metricDate") DO NOTHING`;
}

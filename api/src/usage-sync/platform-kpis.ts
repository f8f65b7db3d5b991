import type { PrismaClient } from '../db/prisma.js';

/**
 * Writes platform usage (copId → day → metric → value) as `PLATFORM_SYNC` KPI rows in one
 * `INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE`: replaying a range overwrites it. Answers the rows written.
 */
export async function writePlatformUsage(
  prisma: PrismaClient,
  totals: Map<string, Map<string, Map<string, number>>>,
): Promise<number> {
  const copIds: string[] = [];
  const days: string[] = [];
  const names: string[] = [];
  const values: number[] = [];
  for (const [copId, byDay] of totals) {
    for (const [day, metrics] of byDay) {
      for (const [name, value] of metrics) {
        copIds.push(copId);
        days.push(day);
        names.push(name);
        values.push(value);
      }
    }
  }
  if (copIds.length === 0) return 0;
  return prisma.$executeRaw`
    INSERT INTO "KpiMetric" ("id", "copId", "metricName", "metricDate", "metricValue", "metadata", "source", "updatedAt")
    SELECT gen_random_uuid()::text, kpi.cop, kpi.metric, kpi.day, kpi.value, '{"source":"system-tables"}'::jsonb,
           'PLATFORM_SYNC'::"KpiSource", now()
      FROM unnest(${copIds}::text[], ${names}::text[], ${days}::date[], ${values}::float8[]) AS kpi(cop, metric, day, value)
    ON CONFLICT ("copId", "metricName", "metricDate") DO UPDATE
       SET "metricValue" = EXCLUDED."metricValue", "metadata" = EXCLUDED."metadata", "source" = EXCLUDED."source",
           "updatedAt" = now()`;
}

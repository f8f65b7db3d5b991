import pg from 'pg';

/**
 * Makes every CoP's KPI history `factor` times as long by copying the existing days further into the past (the
 * newest days, hence the README query's answer, stay the same). Then refreshes the planner's statistics.
 * Returns the number of KPI rows afterwards.
 */
export async function lengthenKpiHistory(databaseUrl: string, factor: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "KpiMetric" ("id", "copId", "metricName", "metricDate", "metricValue", "metadata", "updatedAt")
       SELECT gen_random_uuid()::text, k."copId", k."metricName",
              k."metricDate" - (copy * span.days)::int, k."metricValue", k."metadata", now()
         FROM "KpiMetric" k,
              (SELECT max("metricDate") - min("metricDate") + 1 AS days FROM "KpiMetric") span,
              generate_series(1, $1::int - 1) copy`,
      [factor],
    );
    await client.query('ANALYZE "KpiMetric"');
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM "KpiMetric"');
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

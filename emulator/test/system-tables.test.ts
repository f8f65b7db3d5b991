import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../src/contracts.js';
import { createSqlEngine } from '../src/sql/engine.js';

const WORKSPACES = ['1111111111111111', '2222222222222222', '3333333333333333'];

describe('generated system tables', () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await createSqlEngine({ seed: 11, workspaceIds: WORKSPACES });
  });
  afterAll(() => engine?.close());

  // Start-up and query latency are measured in bench/ (emulator.bench.ts), not asserted here.
  it('aggregates 90 days of usage to one row per workspace and day', async () => {
    const { rows } = await engine.execute(
      'SELECT workspace_id, usage_date, SUM(usage_quantity) AS dbus FROM system.billing.usage WHERE usage_date >= date_sub(current_date(), 90) GROUP BY ALL ORDER BY 1, 2',
    );
    expect(rows.length).toBe(WORKSPACES.length * 90);
  });

  it('computes every daily metric for every workspace and day', async () => {
    const { rows } = await engine.execute(`
      WITH days AS (SELECT workspace_id, usage_date AS day, SUM(usage_quantity) AS dbus FROM system.billing.usage GROUP BY ALL),
      users AS (SELECT workspace_id, event_date AS day, COUNT(DISTINCT user_identity.email) AS active_users FROM system.access.audit GROUP BY ALL),
      jobs AS (SELECT workspace_id, CAST(period_start_time AS DATE) AS day, COUNT(*) AS jobs_run FROM system.lakeflow.job_run_timeline GROUP BY ALL),
      queries AS (SELECT workspace_id, CAST(start_time AS DATE) AS day, COUNT(*) AS queries FROM system.query.history GROUP BY ALL),
      requests AS (SELECT workspace_id, CAST(request_time AS DATE) AS day, COUNT(*) AS requests FROM system.serving.endpoint_usage GROUP BY ALL)
      SELECT COUNT(*) AS days, MIN(dbus) > 0 AS dbus, MIN(active_users) AS min_users, MIN(jobs_run) AS min_jobs,
             MIN(queries) AS min_queries, MIN(requests) AS min_requests
      FROM days JOIN users USING (workspace_id, day) JOIN jobs USING (workspace_id, day)
        JOIN queries USING (workspace_id, day) JOIN requests USING (workspace_id, day)
      -- Today holds only the job runs that have ended so far (none before the working day starts).
      WHERE day < current_date`);
    const [days, positiveDbus, minUsers, minJobs, minQueries, minRequests] = rows[0] as number[];
    expect(Number(days)).toBe(WORKSPACES.length * 89);
    expect(positiveDbus).toBe(true);
    for (const minimum of [minUsers, minJobs, minQueries, minRequests]) expect(Number(minimum)).toBeGreaterThan(0);
  });

  it('grows over the period and dips at weekends', async () => {
    const { rows } = await engine.execute(`
      SELECT
        SUM(dbus) FILTER (WHERE usage_date >= current_date() - 30) / SUM(dbus) FILTER (WHERE usage_date < current_date() - 59) AS growth,
        AVG(dbus) FILTER (WHERE dayofweek(usage_date) IN (0, 6)) / AVG(dbus) FILTER (WHERE dayofweek(usage_date) NOT IN (0, 6)) AS weekend_ratio
      FROM (SELECT usage_date, SUM(usage_quantity) AS dbus FROM system.billing.usage GROUP BY usage_date)`);
    const [growth, weekendRatio] = rows[0] as number[];
    expect(growth).toBeGreaterThan(1.2);
    expect(weekendRatio).toBeLessThan(0.6);
  });

  it('generates the same data for the same seed', async () => {
    const other = await createSqlEngine({ seed: 11, days: 5, workspaceIds: WORKSPACES.slice(0, 1) });
    const sql = 'SELECT record_id, usage_quantity FROM system.billing.usage ORDER BY record_id LIMIT 5';
    const again = await createSqlEngine({ seed: 11, days: 5, workspaceIds: WORKSPACES.slice(0, 1) });
    expect((await other.execute(sql)).rows).toEqual((await again.execute(sql)).rows);
    await Promise.all([other.close(), again.close()]);
  });

  it('serves concurrent queries safely through one connection', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        engine.execute('SELECT :n AS n, COUNT(*) FROM system.query.history', { n: i }),
      ),
    );
    expect(results.map((r) => Number(r.rows[0][0]))).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

import type { DatabricksSqlClient, SqlCallOptions } from './sql-client.js';

/** Successful runs per task the median is taken over, and how far back they may be. */
const RECENT_RUNS = 10;
const LOOKBACK_DAYS = 60;

/**
 * The median duration (ms) of each task of a job over its recent successful runs, from
 * `system.lakeflow.job_task_run_timeline` in ONE statement. A long task run spans several hourly rows there,
 * so rows are summed per task run first.
 */
export async function queryTaskDurations(
  sql: DatabricksSqlClient,
  key: { workspaceId: string; jobId: number },
  options: SqlCallOptions = {},
): Promise<Map<string, number>> {
  const statement = `
    WITH task_runs AS (
      SELECT task_key, run_id, MAX(period_end_time) AS ended_at,
             SUM(unix_millis(period_end_time) - unix_millis(period_start_time)) AS duration_ms,
             MAX(result_state) AS result_state
        FROM system.lakeflow.job_task_run_timeline
       WHERE workspace_id = :workspace_id AND job_id = :job_id
         AND period_start_time >= current_timestamp - INTERVAL ${LOOKBACK_DAYS} DAYS
       GROUP BY task_key, run_id
    ), recent AS (
      SELECT task_key, duration_ms, ROW_NUMBER() OVER (PARTITION BY task_key ORDER BY ended_at DESC) AS recency
        FROM task_runs WHERE result_state = 'SUCCEEDED'
    )
    SELECT task_key, CAST(median(duration_ms) AS DOUBLE) AS median_ms
      FROM recent WHERE recency <= :recent_runs GROUP BY task_key`;
  const { rows } = await sql.query<{ task_key: string; median_ms: number }>(
    { sql: statement, params: { workspace_id: key.workspaceId, job_id: String(key.jobId), recent_runs: RECENT_RUNS } },
    options,
  );
  return new Map(rows.map((row) => [row.task_key, Math.round(Number(row.median_ms))]));
}

import { INFERENCE_TABLE } from './ops-query.js';
import type { DatabricksSqlClient, SqlCallOptions } from './sql-client.js';
import { namedInList } from './sql-in-list.js';

/** A job run that ended in failure (`system.lakeflow.job_run_timeline`). */
export interface FailedRun {
  workspaceId: string;
  jobId: string;
  runId: string;
  resultState: string;
  endedAt: string;
}

export interface AlertSignals {
  failedRuns: FailedRun[];
  /** p95 of serving latency in its window; null when no request was logged. */
  servingP95Ms: number | null;
  servingRequests: number;
}

/** Results Databricks counts as a run's failure (a cancellation is somebody's choice). */
const FAILED_RESULTS = ['FAILED', 'TIMED_OUT', 'ERROR'];

/** Databricks casts `yyyy-MM-dd HH:mm:ss.SSS` to TIMESTAMP in the session's zone, UTC unless set otherwise. */
const sqlTimestamp = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

/**
 * What the alert rules look at, in ONE statement over a connection's workspaces: the job runs that failed since
 * `jobsSince` (a run is recorded when it has ended, so there is no upper bound: an emulated workspace whose clock
 * runs fast records ends ahead of ours) and the serving latency p95 of (servingSince, until] (endpoint_usage
 * joined with the AI Gateway inference table, like `opsMetrics.serving`).
 */
export async function queryAlertSignals(
  sql: DatabricksSqlClient,
  {
    workspaceIds,
    jobsSince,
    servingSince,
    until,
  }: { workspaceIds: string[]; jobsSince: Date; servingSince: Date; until: Date },
  options: SqlCallOptions = {},
): Promise<AlertSignals> {
  if (workspaceIds.length === 0) return { failedRuns: [], servingP95Ms: null, servingRequests: 0 };
  const workspaces = namedInList('ws', workspaceIds);
  const failed = namedInList('result', FAILED_RESULTS);
  const statement = `
    SELECT 'failed_run' AS section, workspace_id, job_id, run_id, result_state, period_end_time AS at,
           CAST(NULL AS DOUBLE) AS value, CAST(NULL AS DOUBLE) AS requests
      FROM system.lakeflow.job_run_timeline
     WHERE workspace_id IN ${workspaces.sql} AND result_state IN ${failed.sql}
       AND period_end_time > CAST(:jobs_since AS TIMESTAMP)
    UNION ALL
    SELECT 'serving', NULL, NULL, NULL, NULL, NULL,
           CAST(percentile_cont(0.95) WITHIN GROUP (ORDER BY p.execution_duration_ms) AS DOUBLE),
           CAST(COUNT(p.execution_duration_ms) AS DOUBLE)
      FROM system.serving.endpoint_usage u
      JOIN ${INFERENCE_TABLE} p ON p.databricks_request_id = u.databricks_request_id
     WHERE u.workspace_id IN ${workspaces.sql}
       AND u.request_time > CAST(:serving_since AS TIMESTAMP) AND u.request_time <= CAST(:until AS TIMESTAMP)`;
  const { rows } = await sql.query<{
    section: 'failed_run' | 'serving';
    workspace_id: string;
    job_id: string;
    run_id: string;
    result_state: string;
    at: Date | string;
    value: number | null;
    requests: number | null;
  }>(
    {
      sql: statement,
      params: {
        ...workspaces.params,
        ...failed.params,
        jobs_since: sqlTimestamp(jobsSince),
        serving_since: sqlTimestamp(servingSince),
        until: sqlTimestamp(until),
      },
      rowLimit: 10_000,
    },
    options,
  );
  const serving = rows.find((row) => row.section === 'serving');
  return {
    failedRuns: rows
      .filter((row) => row.section === 'failed_run')
      .map((row) => ({
        workspaceId: row.workspace_id,
        jobId: row.job_id,
        runId: row.run_id,
        resultState: row.result_state,
        endedAt: new Date(row.at).toISOString(),
      }))
      .sort((a, b) => a.endedAt.localeCompare(b.endedAt)),
    servingP95Ms: serving?.value === null || serving?.value === undefined ? null : Number(serving.value),
    servingRequests: Number(serving?.requests ?? 0),
  };
}

import { servingLatencySql } from './ops-query.js';
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

/** Results Databricks counts as a run's failure (a cancellation is somebody's choice). */
const FAILED_RESULTS = ['FAILED', 'TIMED_OUT', 'ERROR'];

/** Databricks casts `yyyy-MM-dd HH:mm:ss.SSS` to TIMESTAMP in the session's zone, UTC unless set otherwise. */
const sqlTimestamp = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

/**
 * The job runs of the workspaces that failed since `since`, oldest first, in one statement. A run is recorded when
 * it has ended, so there is no upper bound (an emulated workspace whose clock runs fast records ends ahead of ours).
 */
export async function queryFailedRuns(
  sql: DatabricksSqlClient,
  { workspaceIds, since }: { workspaceIds: string[]; since: Date },
  options: SqlCallOptions = {},
): Promise<FailedRun[]> {
  if (workspaceIds.length === 0) return [];
  const workspaces = namedInList('ws', workspaceIds);
  const failed = namedInList('result', FAILED_RESULTS);
  const { rows } = await sql.query<{
    workspace_id: string;
    job_id: string;
    run_id: string;
    result_state: string;
    ended_at: Date | string;
  }>(
    {
      sql: `SELECT workspace_id, job_id, run_id, result_state, period_end_time AS ended_at
              FROM system.lakeflow.job_run_timeline
             WHERE workspace_id IN ${workspaces.sql} AND result_state IN ${failed.sql}
               AND period_end_time > CAST(:since AS TIMESTAMP)
             ORDER BY period_end_time`,
      params: { ...workspaces.params, ...failed.params, since: sqlTimestamp(since) },
      rowLimit: 10_000,
    },
    options,
  );
  return rows.map((row) => ({
    workspaceId: row.workspace_id,
    jobId: row.job_id,
    runId: row.run_id,
    resultState: row.result_state,
    endedAt: new Date(row.ended_at).toISOString(),
  }));
}

/** Serving latency p95 of the requests in (since, until], as `opsMetrics.serving.latencyP95Ms` reads it. */
export async function queryServingWindowP95(
  sql: DatabricksSqlClient,
  { workspaceIds, since, until }: { workspaceIds: string[]; since: Date; until: Date },
  options: SqlCallOptions = {},
): Promise<{ p95Ms: number | null; requests: number }> {
  if (workspaceIds.length === 0) return { p95Ms: null, requests: 0 };
  const workspaces = namedInList('ws', workspaceIds);
  const { rows } = await sql.query<{ p95: number | null; requests: number | null }>(
    {
      sql: servingLatencySql(
        `u.workspace_id IN ${workspaces.sql} AND u.request_time > CAST(:since AS TIMESTAMP) AND u.request_time <= CAST(:until AS TIMESTAMP)`,
      ),
      params: { ...workspaces.params, since: sqlTimestamp(since), until: sqlTimestamp(until) },
    },
    options,
  );
  const p95 = rows[0]?.p95;
  return { p95Ms: p95 === null || p95 === undefined ? null : Number(p95), requests: Number(rows[0]?.requests ?? 0) };
}

import type { DatabricksSqlClient, SqlCallOptions } from './sql-client.js';
import { namedInList } from './sql-in-list.js';

export interface OpsMetrics {
  jobs: {
    runs: number;
    successRate: number | null;
    retries: number;
    durationP50Seconds: number | null;
    durationP95Seconds: number | null;
    durationP99Seconds: number | null;
  };
  sqlWarehouse: { queries: number; latencyP50Ms: number | null; latencyP95Ms: number | null };
  serving: { requests: number; errorRate: number | null };
}

/** The figures of a tenant without workspaces: nothing ran. */
export const NO_OPS: OpsMetrics = {
  jobs: {
    runs: 0,
    successRate: null,
    retries: 0,
    durationP50Seconds: null,
    durationP95Seconds: null,
    durationP99Seconds: null,
  },
  sqlWarehouse: { queries: 0, latencyP50Ms: null, latencyP95Ms: null },
  serving: { requests: 0, errorRate: null },
};

/** The rows of the workspaces (`IN` list) whose `time` falls on the days :from_date … :to_date. */
const inRange = (workspaces: string, time: string, workspaceId = 'workspace_id') =>
  `${workspaceId} IN ${workspaces} AND CAST(${time} AS DATE) BETWEEN CAST(:from_date AS DATE) AND CAST(:to_date AS DATE)`;

/** p50, p95 and p99 of `value` as columns of those names. */
const percentiles = (value: string) =>
  Object.entries({ p50: 0.5, p95: 0.95, p99: 0.99 })
    .map(([name, p]) => `CAST(percentile_cont(${p}) WITHIN GROUP (ORDER BY ${value}) AS DOUBLE) AS ${name}`)
    .join(', ');

const RUN_SECONDS = '(unix_millis(period_end_time) - unix_millis(period_start_time)) / 1000.0';
const SUCCESS_RATE = "CAST(AVG(CASE WHEN result_state = 'SUCCEEDED' THEN 1.0 ELSE 0.0 END) AS DOUBLE)";

/** Where serving latency is logged: the endpoints' AI Gateway inference table (`execution_duration_ms`). */
export const INFERENCE_TABLE = 'system.serving.inference_payload';

type Section = 'jobs' | 'sql' | 'serving';
interface SectionRow {
  section: Section;
  total: number | null;
  rate: number | null;
  extra: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/**
 * A tenant's operational figures from the system tables in ONE statement (one row per section): job runs,
 * their success rate, retries and duration percentiles from `system.lakeflow.job_run_timeline`; warehouse
 * queries and latency from `system.query.history`; serving requests and their error rate from
 * `system.serving.endpoint_usage` (which records no latency: see `queryServingLatencyP95`).
 */
export async function queryOpsMetrics(
  sql: DatabricksSqlClient,
  { workspaceIds, from, to }: { workspaceIds: string[]; from: string; to: string },
  options: SqlCallOptions = {},
): Promise<OpsMetrics> {
  if (workspaceIds.length === 0) return NO_OPS;
  const workspaces = namedInList('ws', workspaceIds);
  const scoped = (time: string) => inRange(workspaces.sql, time);
  const statement = `
    SELECT 'jobs' AS section, CAST(COUNT(*) AS DOUBLE) AS total,
           ${SUCCESS_RATE} AS rate,
           CAST(SUM(CASE WHEN trigger_type = 'RETRY' THEN 1 ELSE 0 END) AS DOUBLE) AS extra,
           ${percentiles(RUN_SECONDS)}
      FROM system.lakeflow.job_run_timeline WHERE ${scoped('period_start_time')}
    UNION ALL
    SELECT 'sql', CAST(COUNT(*) AS DOUBLE), NULL, NULL, ${percentiles('total_duration_ms')}
      FROM system.query.history WHERE ${scoped('start_time')}
    UNION ALL
    SELECT 'serving', CAST(COUNT(*) AS DOUBLE),
           CAST(AVG(CASE WHEN status_code >= 400 THEN 1.0 ELSE 0.0 END) AS DOUBLE), NULL, NULL, NULL, NULL
      FROM system.serving.endpoint_usage WHERE ${scoped('request_time')}`;
  const { rows } = await sql.query<SectionRow>(
    { sql: statement, params: { ...workspaces.params, from_date: from, to_date: to } },
    options,
  );
  const section = (name: Section) => rows.find((row) => row.section === name);
  const jobs = section('jobs');
  const queries = section('sql');
  const serving = section('serving');
  const count = (row?: SectionRow) => Number(row?.total ?? 0);
  const maybe = (value: number | null | undefined) => (value === null || value === undefined ? null : Number(value));
  return {
    jobs: {
      runs: count(jobs),
      successRate: maybe(jobs?.rate),
      retries: Number(jobs?.extra ?? 0),
      durationP50Seconds: maybe(jobs?.p50),
      durationP95Seconds: maybe(jobs?.p95),
      durationP99Seconds: maybe(jobs?.p99),
    },
    sqlWarehouse: { queries: count(queries), latencyP50Ms: maybe(queries?.p50), latencyP95Ms: maybe(queries?.p95) },
    serving: { requests: count(serving), errorRate: maybe(serving?.rate) },
  };
}

/** The SQL of serving latency p95 over `endpoint_usage` rows matching `where` (joined with the inference table). */
export const servingLatencySql = (where: string) => `
  SELECT CAST(percentile_cont(0.95) WITHIN GROUP (ORDER BY p.execution_duration_ms) AS DOUBLE) AS p95,
         CAST(COUNT(p.execution_duration_ms) AS DOUBLE) AS requests
    FROM system.serving.endpoint_usage u
    JOIN ${INFERENCE_TABLE} p ON p.databricks_request_id = u.databricks_request_id
   WHERE ${where}`;

/**
 * Serving latency p95 of the days asked for, in its own statement: `endpoint_usage` records no latency, so it comes
 * from the AI Gateway inference table joined on `databricks_request_id`. A workspace without that table fails this
 * statement alone, not the other figures. Null when no request was logged.
 */
export async function queryServingLatencyP95(
  sql: DatabricksSqlClient,
  { workspaceIds, from, to }: { workspaceIds: string[]; from: string; to: string },
  options: SqlCallOptions = {},
): Promise<number | null> {
  if (workspaceIds.length === 0) return null;
  const workspaces = namedInList('ws', workspaceIds);
  const { rows } = await sql.query<{ p95: number | null }>(
    {
      sql: servingLatencySql(inRange(workspaces.sql, 'u.request_time', 'u.workspace_id')),
      params: { ...workspaces.params, from_date: from, to_date: to },
    },
    options,
  );
  const p95 = rows[0]?.p95;
  return p95 === null || p95 === undefined ? null : Number(p95);
}

/** One day of job runs: how many, how many succeeded, how long they took. */
export interface JobDay {
  day: string;
  runs: number;
  successRate: number | null;
  durationP50Seconds: number | null;
  durationP95Seconds: number | null;
  durationP99Seconds: number | null;
}

/** Job runs per day (of their start) with success rate and duration percentiles, in ONE statement. */
export async function queryJobsByDay(
  sql: DatabricksSqlClient,
  { workspaceIds, from, to }: { workspaceIds: string[]; from: string; to: string },
  options: SqlCallOptions = {},
): Promise<JobDay[]> {
  if (workspaceIds.length === 0) return [];
  const workspaces = namedInList('ws', workspaceIds);
  const { rows } = await sql.query<
    { day: string; runs: number; rate: number | null } & Record<'p50' | 'p95' | 'p99', number | null>
  >(
    {
      sql: `SELECT CAST(CAST(period_start_time AS DATE) AS STRING) AS day, CAST(COUNT(*) AS DOUBLE) AS runs,
                   ${SUCCESS_RATE} AS rate, ${percentiles(RUN_SECONDS)}
              FROM system.lakeflow.job_run_timeline WHERE ${inRange(workspaces.sql, 'period_start_time')}
             GROUP BY CAST(period_start_time AS DATE) ORDER BY day`,
      params: { ...workspaces.params, from_date: from, to_date: to },
      rowLimit: 1_000,
    },
    options,
  );
  const maybe = (value: number | null) => (value === null ? null : Number(value));
  return rows.map((row) => ({
    day: row.day,
    runs: Number(row.runs),
    successRate: maybe(row.rate),
    durationP50Seconds: maybe(row.p50),
    durationP95Seconds: maybe(row.p95),
    durationP99Seconds: maybe(row.p99),
  }));
}

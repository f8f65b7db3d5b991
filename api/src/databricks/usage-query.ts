import type { DatabricksSqlClient, SqlCallOptions } from './sql-client.js';
import { namedInList } from './sql-in-list.js';

/** The daily platform metrics CoP OS tracks, as named in `KpiMetric.metricName`. */
export const PLATFORM_METRICS = ['DBU', 'ACTIVE_USERS', 'JOBS_RUN', 'QUERIES_EXECUTED', 'MODEL_REQUESTS'] as const;
export type PlatformMetric = (typeof PLATFORM_METRICS)[number];

export interface UsageRow {
  workspaceId: string;
  date: string;
  metric: PlatformMetric;
  value: number;
}

/**
 * Daily usage of several workspaces from the system tables in ONE statement: DBUs from billing, active
 * users from the audit log, job runs from Lakeflow, queries from query history, model requests from serving.
 */
export async function queryDailyUsage(
  sql: DatabricksSqlClient,
  workspaceIds: string[],
  from: string,
  to: string,
  options: SqlCallOptions = {},
): Promise<UsageRow[]> {
  if (workspaceIds.length === 0) return [];
  const workspaces = namedInList('ws', workspaceIds);
  const params = { ...workspaces.params, from_date: from, to_date: to };
  const between = (dateExpression: string) =>
    `workspace_id IN ${workspaces.sql} AND ${dateExpression} BETWEEN CAST(:from_date AS DATE) AND CAST(:to_date AS DATE)`;
  const statement = `
    SELECT workspace_id, CAST(usage_date AS STRING) AS day, 'DBU' AS metric, CAST(SUM(usage_quantity) AS DOUBLE) AS value
      FROM system.billing.usage WHERE ${between('usage_date')} AND usage_unit = 'DBU' GROUP BY workspace_id, usage_date
    UNION ALL
    SELECT workspace_id, CAST(event_date AS STRING), 'ACTIVE_USERS', CAST(COUNT(DISTINCT user_identity.email) AS DOUBLE)
      FROM system.access.audit WHERE ${between('event_date')} GROUP BY workspace_id, event_date
    UNION ALL
    SELECT workspace_id, CAST(CAST(period_start_time AS DATE) AS STRING), 'JOBS_RUN', CAST(COUNT(DISTINCT run_id) AS DOUBLE)
      FROM system.lakeflow.job_run_timeline WHERE ${between('CAST(period_start_time AS DATE)')} GROUP BY workspace_id, CAST(period_start_time AS DATE)
    UNION ALL
    SELECT workspace_id, CAST(CAST(start_time AS DATE) AS STRING), 'QUERIES_EXECUTED', CAST(COUNT(*) AS DOUBLE)
      FROM system.query.history WHERE ${between('CAST(start_time AS DATE)')} GROUP BY workspace_id, CAST(start_time AS DATE)
    UNION ALL
    SELECT workspace_id, CAST(CAST(request_time AS DATE) AS STRING), 'MODEL_REQUESTS', CAST(COUNT(*) AS DOUBLE)
      FROM system.serving.endpoint_usage WHERE ${between('CAST(request_time AS DATE)')} GROUP BY workspace_id, CAST(request_time AS DATE)`;
  const { rows } = await sql.query<{ workspace_id: string; day: string; metric: PlatformMetric; value: number }>(
    {
      sql: statement,
      params,
      rowLimit: 100_000,
    },
    options,
  );
  return rows.map((row) => ({
    workspaceId: row.workspace_id,
    date: row.day,
    metric: row.metric,
    value: Number(row.value),
  }));
}

export interface ActiveUsersKey {
  /** The workspaces counted together (a CoP's, a customer's). */
  workspaceIds: string[];
  from: string;
  to: string;
}

/**
 * Distinct active users of several sets of workspaces, each over its own range, in ONE statement: a person active
 * on many days (or in several of a set's workspaces) counts once, unlike a sum of the daily ACTIVE_USERS. Answers
 * the counts in the order of `keys`.
 */
export async function queryActiveUsers(
  sql: DatabricksSqlClient,
  keys: readonly ActiveUsersKey[],
  options: SqlCallOptions = {},
): Promise<number[]> {
  const params: Record<string, string> = {};
  const tuples: string[] = [];
  keys.forEach((key, k) => {
    params[`from${k}`] = key.from;
    params[`to${k}`] = key.to;
    key.workspaceIds.forEach((workspaceId, w) => {
      params[`ws${k}_${w}`] = workspaceId;
      tuples.push(`(${k}, :ws${k}_${w}, CAST(:from${k} AS DATE), CAST(:to${k} AS DATE))`);
    });
  });
  if (tuples.length === 0) return keys.map(() => 0);
  const { rows } = await sql.query<{ k: number; users: number }>(
    {
      sql: `SELECT sets.k, CAST(COUNT(DISTINCT audit.user_identity.email) AS DOUBLE) AS users
              FROM (VALUES ${tuples.join(', ')}) AS sets(k, workspace_id, from_date, to_date)
              JOIN system.access.audit AS audit
                ON audit.workspace_id = sets.workspace_id AND audit.event_date BETWEEN sets.from_date AND sets.to_date
             GROUP BY sets.k`,
      params,
      rowLimit: keys.length,
    },
    options,
  );
  const byKey = new Map(rows.map((row) => [Number(row.k), Number(row.users)]));
  return keys.map((_key, k) => byKey.get(k) ?? 0);
}

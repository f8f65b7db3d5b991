import type { DatabricksSqlClient, SqlCallOptions } from './sql-client.js';

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
  const params: Record<string, string> = { from_date: from, to_date: to };
  workspaceIds.forEach((id, index) => {
    params[`ws${index}`] = id;
  });
  const inList = workspaceIds.map((_id, index) => `:ws${index}`).join(', ');
  const between = (dateExpression: string) =>
    `workspace_id IN (${inList}) AND ${dateExpression} BETWEEN CAST(:from_date AS DATE) AND CAST(:to_date AS DATE)`;
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

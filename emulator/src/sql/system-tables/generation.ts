/**
 * Shared building blocks for the generated system tables. Everything is generated inside DuckDB with
 * `range()` and `hash()` (fast, deterministic for a seed) from two small driving tables:
 * `gen_workspaces(workspace_id, ws_index)` and `gen_days(day, days_ago, activity)`.
 */

export const ACCOUNT_ID = 'e7a3c1d2-5b4f-4e8a-9c6d-0f1e2d3c4b5a';
export const USERS_PER_WORKSPACE = 60;
export const JOBS_PER_WORKSPACE = 24;
export const ENDPOINTS = ['copos-advisor', 'survey-summarizer', 'claims-classifier', 'pet-risk-model'] as const;

/** Macros and driving tables; `activity` grows over the period and drops at weekends so charts look real. */
export function generationSetup(seed: number, days: number, workspaceIds: string[]): string[] {
  const workspaces = workspaceIds.map((id, i) => `(${sqlString(id)}, ${i})`).join(', ');
  return [
    `CREATE OR REPLACE TEMP MACRO rnd(a, b, c) AS (hash(${seed}, a, b, c) % 1000000)::DOUBLE / 1000000`,
    `CREATE OR REPLACE TEMP MACRO uuid_of(a, b, c) AS md5(concat_ws('/', ${seed}, a, b, c))::UUID::VARCHAR`,
    `CREATE OR REPLACE TEMP MACRO user_email(ws, n) AS list_element(['ana','ben','chloe','diego','emma','farid','grace','hugo','ines','jonas','kim','liam','maya','noah','olga'], 1 + (n % 15)::INT) || '.' || list_element(['silva','berg','chen','dubois','evans','fischer','garcia','haddad'], 1 + ((n // 15 + ws) % 8)::INT) || '@petinsure360.com'`,
    `CREATE OR REPLACE TEMP TABLE gen_workspaces(workspace_id VARCHAR, ws_index INTEGER)`,
    ...(workspaces ? [`INSERT INTO gen_workspaces VALUES ${workspaces}`] : []),
    `CREATE OR REPLACE TEMP TABLE gen_days AS
       SELECT (current_date - i::INTEGER)::DATE AS day, i AS days_ago,
              (0.5 + 0.5 * (${days} - i) / ${days}) * (CASE WHEN dayofweek(current_date - i::INTEGER) IN (0, 6) THEN 0.3 ELSE 1.0 END) AS activity
       FROM range(0, ${days}) t(i)`,
  ];
}

/** A timestamp inside `day` at business hours most of the time (`r` in [0,1)). */
export function timeOfDay(dayColumn: string, r: string): string {
  return `(${dayColumn}::TIMESTAMP + to_microseconds((6 * 3600 + (${r}) * 14 * 3600)::BIGINT * 1000000))`;
}

export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

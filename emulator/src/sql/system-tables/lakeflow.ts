import { ACCOUNT_ID, JOBS_PER_WORKSPACE, timeOfDay } from './generation.js';

const JOB_NAMES = [
  'PetInsure360 bronze ingestion',
  'PetInsure360 silver transformations',
  'PetInsure360 gold aggregations',
  'CoPOS daily usage collection',
  'claims fraud scoring',
  'policy renewals export',
  'vet network sync',
  'customer 360 refresh',
  'marketing attribution',
  'survey responses load',
  'model retraining',
  'data quality checks',
];

/** Job ids line up with `usage_metadata.job_id` in billing: 1000 + 100 * workspace index + job slot. */
export const lakeflowSql = (catalog: string) => `
CREATE SCHEMA IF NOT EXISTS ${catalog}.lakeflow;
CREATE OR REPLACE TABLE ${catalog}.lakeflow.jobs AS
SELECT
  '${ACCOUNT_ID}' AS account_id,
  w.workspace_id,
  (1000 + w.ws_index * 100 + j.slot)::VARCHAR AS job_id,
  list_element(${sqlList(JOB_NAMES)}, 1 + (j.slot % ${JOB_NAMES.length})::INT) || CASE WHEN j.slot >= ${JOB_NAMES.length} THEN ' (' || (j.slot // ${JOB_NAMES.length} + 1) || ')' ELSE '' END AS name,
  'Scheduled job ' || j.slot AS description,
  (7000000000 + w.ws_index * 1000 + j.slot)::VARCHAR AS creator_id,
  MAP {'team': list_element(['claims', 'underwriting', 'marketing', 'platform'], 1 + (j.slot % 4)::INT)} AS tags,
  (current_date - 120 + j.slot::INTEGER)::TIMESTAMP AS change_time,
  NULL::TIMESTAMP AS delete_time,
  user_email(w.ws_index, j.slot) AS run_as
FROM gen_workspaces w, range(0, ${JOBS_PER_WORKSPACE}) j(slot);

CREATE OR REPLACE TABLE ${catalog}.lakeflow.job_run_timeline AS
WITH runs AS (
  SELECT w.workspace_id, w.ws_index, d.day, d.activity, j.slot, k.k, rnd(w.workspace_id, d.day, j.slot * 10 + k.k) AS r
  FROM gen_workspaces w, gen_days d, range(0, ${JOBS_PER_WORKSPACE}) j(slot), range(0, 6) k(k)
  WHERE k.k <= j.slot % 6 AND rnd(w.workspace_id, d.day, j.slot * 10 + k.k + 500000) < 0.35 + 0.65 * d.activity
), timed AS (
  SELECT *, ${timeOfDay('day', '(k + r) / 7')} AS start_time, (60 + pow(r, 2) * 3600)::BIGINT AS seconds FROM runs
)
SELECT
  '${ACCOUNT_ID}' AS account_id,
  workspace_id,
  (1000 + ws_index * 100 + slot)::VARCHAR AS job_id,
  (hash(workspace_id, slot, day, k) % 900000000000 + 100000000000)::VARCHAR AS run_id,
  start_time AS period_start_time,
  start_time + to_seconds(seconds) AS period_end_time,
  -- The run after a failed run of the same job that day is its retry.
  CASE WHEN lag(r) OVER (PARTITION BY workspace_id, slot, day ORDER BY k) < 0.06 THEN 'RETRY'
       WHEN k = 0 AND slot % 3 = 0 THEN 'ONE_TIME' ELSE 'CRON' END AS trigger_type,
  'JOB_RUN' AS run_type,
  NULL::VARCHAR AS run_name,
  ['0' || ws_index || '-' || slot || '-job-cluster'] AS compute_ids,
  CASE WHEN r < 0.06 THEN 'FAILED' WHEN r < 0.07 THEN 'CANCELLED' WHEN r < 0.075 THEN 'TIMED_OUT' ELSE 'SUCCEEDED' END AS result_state,
  CASE WHEN r < 0.06 THEN 'RUN_EXECUTION_ERROR' WHEN r < 0.07 THEN 'CANCELED' WHEN r < 0.075 THEN 'TIMED_OUT' ELSE 'SUCCESS' END AS termination_code,
  MAP {'run_date': day::VARCHAR} AS job_parameters
FROM timed
-- Only runs that have ended by now: Databricks records a run when it ends, never ahead of time.
WHERE start_time + to_seconds(seconds) <= (now() AT TIME ZONE 'UTC');

-- One row per task run (per hour slice in Databricks; whole task runs here), written as runs finish.
CREATE OR REPLACE TABLE ${catalog}.lakeflow.job_task_run_timeline (
  account_id VARCHAR, workspace_id VARCHAR, job_id VARCHAR, run_id VARCHAR, job_run_id VARCHAR, parent_run_id VARCHAR,
  period_start_time TIMESTAMP, period_end_time TIMESTAMP, task_key VARCHAR, compute_ids VARCHAR[],
  result_state VARCHAR, termination_code VARCHAR
);
`;

function sqlList(values: readonly string[]): string {
  return `[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}]`;
}

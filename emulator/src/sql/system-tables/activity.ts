import { ACCOUNT_ID, timeOfDay, USERS_PER_WORKSPACE } from './generation.js';

/**
 * The people's side of the workspaces: `system.access.audit` and `system.query.history`. The pool of users
 * active on a day grows with `activity`, so distinct active users per day trend like the DBUs.
 */
const activeUserIndex = `floor(rnd(w.workspace_id, d.day, n + 7) * ${USERS_PER_WORKSPACE} * d.activity)::BIGINT AS user_index`;
const activeUser = 'user_email(ws_index, user_index)';
const activeUserId = '(7000000000 + ws_index * 1000 + user_index)::VARCHAR';

export const auditSql = (catalog: string) => `
CREATE SCHEMA IF NOT EXISTS ${catalog}.access;
CREATE OR REPLACE TABLE ${catalog}.access.audit AS
WITH events AS (
  SELECT w.workspace_id, w.ws_index, d.day, e.n, rnd(w.workspace_id, d.day, e.n) AS r, ${activeUserIndex}
  FROM gen_workspaces w, gen_days d, range(0, 500) e(n)
  WHERE rnd(w.workspace_id, d.day, e.n + 100000) < d.activity * 0.9
), typed AS (
  SELECT *, list_element([
    ['unityCatalog', 'getTable'], ['unityCatalog', 'listTables'], ['databrickssql', 'commandSubmit'],
    ['notebook', 'runCommand'], ['jobs', 'runNow'], ['accounts', 'login'], ['serving', 'queryEndpoint'],
    ['clusters', 'start'], ['workspace', 'getStatus'], ['databrickssql', 'getQueryResult']
  ], 1 + (n % 10)::INT) AS service_action
  FROM events
)
SELECT
  '${ACCOUNT_ID}' AS account_id,
  workspace_id,
  '2.0' AS version,
  ${timeOfDay('day', 'r')} AS event_time,
  day AS event_date,
  printf('10.%d.%d.%d', 20 + ws_index, n % 250, (n * 7) % 250) AS source_ip_address,
  list_element(['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Chrome/126.0', 'Databricks-SDK/0.30 python/3.11', 'NodejsDatabricksSqlConnector/2.1.0'], 1 + (n % 3)::INT) AS user_agent,
  uuid_of('session', workspace_id, day::VARCHAR || (n // 20)) AS session_id,
  {'email': email, 'subject_name': NULL::VARCHAR} AS user_identity,
  service_action[1] AS service_name,
  service_action[2] AS action_name,
  'ServiceMain-' || (hash(workspace_id, day, n) % 10000000000) AS request_id,
  MAP {'workspace_id': workspace_id, 'full_name_arg': 'main.default.table_' || (n % 30)} AS request_params,
  {'status_code': CASE WHEN r < 0.03 THEN 403 WHEN r < 0.05 THEN 500 ELSE 200 END,
   'error_message': CASE WHEN r < 0.03 THEN 'PERMISSION_DENIED' WHEN r < 0.05 THEN 'INTERNAL_ERROR' END,
   'result': NULL::VARCHAR} AS response,
  'WORKSPACE_LEVEL' AS audit_level,
  md5(concat_ws('/', 'event', workspace_id, day, n)) AS event_id,
  {'run_by': email, 'run_as': email} AS identity_metadata
FROM (SELECT *, ${activeUser} AS email FROM typed);
`;

export const queryHistorySql = (catalog: string) => `
CREATE SCHEMA IF NOT EXISTS ${catalog}.query;
CREATE OR REPLACE TABLE ${catalog}.query.history AS
WITH queries AS (
  SELECT w.workspace_id, w.ws_index, d.day, q.n, rnd(w.workspace_id, d.day, q.n + 200000) AS r, ${activeUserIndex},
         list_element(['SELECT', 'SELECT', 'SELECT', 'SELECT', 'INSERT', 'MERGE', 'CREATE', 'UPDATE'], 1 + (q.n % 8)::INT) AS statement_type
  FROM gen_workspaces w, gen_days d, range(0, 400) q(n)
  WHERE rnd(w.workspace_id, d.day, q.n + 300000) < d.activity * 0.8
), timed AS (
  SELECT *, ${activeUser} AS email, ${timeOfDay('day', 'r')} AS start_time, (50 + pow(rnd(workspace_id, day, n + 400000), 3) * 60000)::BIGINT AS duration_ms
  FROM queries
)
SELECT
  '${ACCOUNT_ID}' AS account_id,
  workspace_id,
  uuid_of('statement', workspace_id, day::VARCHAR || '-' || n) AS statement_id,
  uuid_of('session', workspace_id, day::VARCHAR || (n // 20)) AS session_id,
  CASE WHEN r < 0.04 THEN 'FAILED' WHEN r < 0.05 THEN 'CANCELED' ELSE 'FINISHED' END AS execution_status,
  {'type': 'WAREHOUSE', 'cluster_id': NULL::VARCHAR, 'warehouse_id': 'ab12cd34ef56ab78'} AS compute,
  ${activeUserId} AS executed_by_user_id,
  email AS executed_by,
  CASE statement_type WHEN 'SELECT' THEN 'SELECT usage_date, SUM(usage_quantity) FROM system.billing.usage GROUP BY 1'
       ELSE statement_type || ' INTO main.claims.policies ...' END AS statement_text,
  statement_type,
  CASE WHEN r < 0.04 THEN '[TABLE_OR_VIEW_NOT_FOUND] The table or view cannot be found.' END AS error_message,
  list_element(['Databricks SQL Editor', 'Tableau', 'Power BI', 'Databricks SQL Dashboard'], 1 + (n % 4)::INT) AS client_application,
  list_element(['Databricks SQL Driver for Node.js', 'Databricks JDBC Driver', NULL], 1 + (n % 3)::INT) AS client_driver,
  duration_ms AS total_duration_ms,
  (duration_ms * 0.05)::BIGINT AS waiting_for_compute_duration_ms,
  0::BIGINT AS waiting_at_capacity_duration_ms,
  (duration_ms * 0.8)::BIGINT AS execution_duration_ms,
  (duration_ms * 0.1)::BIGINT AS compilation_duration_ms,
  (duration_ms * 3)::BIGINT AS total_task_duration_ms,
  (duration_ms * 0.05)::BIGINT AS result_fetch_duration_ms,
  start_time,
  start_time + to_milliseconds(duration_ms) AS end_time,
  start_time + to_milliseconds(duration_ms) AS update_time,
  (n % 12)::BIGINT AS read_partitions,
  (n % 40)::BIGINT AS pruned_files,
  (1 + n % 25)::BIGINT AS read_files,
  (r * 5000000)::BIGINT AS read_rows,
  CASE WHEN statement_type = 'SELECT' THEN (r * 2000)::BIGINT ELSE 0 END AS produced_rows,
  (r * 800000000)::BIGINT AS read_bytes,
  (n % 100)::INT AS read_io_cache_percent,
  n % 9 = 0 AS from_result_cache,
  0::BIGINT AS spilled_local_bytes,
  CASE WHEN statement_type = 'SELECT' THEN 0 ELSE (r * 50000000)::BIGINT END AS written_bytes,
  (r * 10000000)::BIGINT AS shuffle_read_bytes,
  email AS executed_as,
  ${activeUserId} AS executed_as_user_id
FROM timed;
`;

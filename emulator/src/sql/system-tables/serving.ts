import { ACCOUNT_ID, ENDPOINTS, sqlString, timeOfDay } from './generation.js';

const endpointList = `[${ENDPOINTS.map(sqlString).join(', ')}]`;

/**
 * `system.serving.served_entities` (one entity per endpoint), `system.serving.endpoint_usage` (requests, which
 * Databricks records without latency) and `system.serving.inference_payload`: the AI Gateway inference table in
 * Databricks' column layout (`execution_duration_ms` per `databricks_request_id`). In Databricks each endpoint logs
 * to an inference table in a catalog of its choosing; the emulator keeps one for all endpoints beside the system
 * tables, so latency joins `endpoint_usage` the way Databricks' own AI Gateway dashboard does.
 */
export const servingSql = (catalog: string) => `
CREATE SCHEMA IF NOT EXISTS ${catalog}.serving;
CREATE OR REPLACE TABLE ${catalog}.serving.served_entities AS
SELECT
  uuid_of('entity', w.workspace_id, e.i) AS served_entity_id,
  '${ACCOUNT_ID}' AS account_id,
  w.workspace_id,
  user_email(w.ws_index, e.i) AS created_by,
  list_element(${endpointList}, (e.i + 1)::INT) AS endpoint_name,
  uuid_of('endpoint', w.workspace_id, e.i) AS endpoint_id,
  list_element(${endpointList}, (e.i + 1)::INT) || '-entity' AS served_entity_name,
  CASE WHEN e.i < 2 THEN 'FOUNDATION_MODEL' ELSE 'CUSTOM_MODEL' END AS entity_type,
  CASE WHEN e.i < 2 THEN 'databricks-meta-llama-3-3-70b-instruct' ELSE 'main.models.' || replace(list_element(${endpointList}, (e.i + 1)::INT), '-', '_') END AS entity_name,
  (1 + e.i % 3)::VARCHAR AS entity_version,
  1::BIGINT AS endpoint_config_version,
  CASE WHEN e.i < 2 THEN 'llm/v1/chat' ELSE NULL END AS task,
  (current_date - 100)::TIMESTAMP AS change_time,
  NULL::TIMESTAMP AS endpoint_delete_time
FROM gen_workspaces w, range(0, ${ENDPOINTS.length}) e(i);

CREATE OR REPLACE TABLE ${catalog}.serving.endpoint_usage AS
WITH requests AS (
  SELECT w.workspace_id, w.ws_index, d.day, d.activity, q.n, q.n % ${ENDPOINTS.length} AS endpoint, rnd(w.workspace_id, d.day, q.n + 600000) AS r
  FROM gen_workspaces w, gen_days d, range(0, 400) q(n)
  WHERE rnd(w.workspace_id, d.day, q.n + 700000) < d.activity * d.activity * 0.9
)
SELECT
  '${ACCOUNT_ID}' AS account_id,
  workspace_id,
  uuid_of('client-request', workspace_id, day::VARCHAR || '-' || n) AS client_request_id,
  uuid_of('request', workspace_id, day::VARCHAR || '-' || n) AS databricks_request_id,
  user_email(ws_index, n % 20) AS requester,
  CASE WHEN r < 0.02 THEN 429 WHEN r < 0.03 THEN 500 ELSE 200 END::INT AS status_code,
  ${timeOfDay('day', 'r')} AS request_time,
  CASE WHEN endpoint < 2 THEN (200 + r * 1800)::BIGINT ELSE 0 END AS input_token_count,
  CASE WHEN endpoint < 2 THEN (50 + r * 600)::BIGINT ELSE 0 END AS output_token_count,
  (800 + r * 7000)::BIGINT AS input_character_count,
  (200 + r * 2400)::BIGINT AS output_character_count,
  MAP {'cop': 'data-engineering'} AS usage_context,
  endpoint < 2 AND n % 2 = 0 AS request_streaming,
  uuid_of('entity', workspace_id, endpoint) AS served_entity_id
FROM requests;

CREATE OR REPLACE TABLE ${catalog}.serving.inference_payload AS
SELECT
  CAST(request_time AS DATE) AS request_date,
  databricks_request_id,
  client_request_id,
  request_time,
  status_code,
  1.0::DOUBLE AS sampling_fraction,
  -- Chat models answer in seconds, the small custom models in tens of milliseconds.
  CASE WHEN input_token_count > 0 THEN (250 + pow(rnd(workspace_id, databricks_request_id, 1), 3) * 2600)
       ELSE (15 + rnd(workspace_id, databricks_request_id, 2) * 120) END::BIGINT AS execution_duration_ms,
  '{}' AS request,
  '{}' AS response,
  served_entity_id,
  NULL::VARCHAR[] AS logging_error_codes,
  requester
FROM ${catalog}.serving.endpoint_usage;
`;

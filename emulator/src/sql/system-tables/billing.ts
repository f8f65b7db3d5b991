import { ACCOUNT_ID, ENDPOINTS, JOBS_PER_WORKSPACE } from './generation.js';

/**
 * `system.billing.usage`: hourly DBU records per workspace for jobs, SQL warehouses, notebooks (all-purpose
 * clusters), model serving and pipelines. Resource slots 0..59 of each workspace map to one product each.
 */
export const billingUsageSql = (catalog: string) => `
CREATE SCHEMA IF NOT EXISTS ${catalog}.billing;
CREATE OR REPLACE TABLE ${catalog}.billing.usage AS
WITH slots AS (
  SELECT w.workspace_id, w.ws_index, d.day, d.activity, s.slot, h.hour,
         CASE WHEN s.slot < ${JOBS_PER_WORKSPACE} THEN 'JOBS' WHEN s.slot < 34 THEN 'SQL' WHEN s.slot < 48 THEN 'ALL_PURPOSE'
              WHEN s.slot < 52 THEN 'MODEL_SERVING' ELSE 'DLT' END AS product
  FROM gen_workspaces w, gen_days d, range(0, 60) s(slot), range(0, 24) h(hour)
), kept AS (
  SELECT *, rnd(workspace_id, day, slot * 24 + hour) AS r FROM slots
  WHERE rnd(workspace_id, day, slot * 100 + hour) < activity * (CASE WHEN hour BETWEEN 7 AND 19 THEN 0.55 ELSE 0.12 END)
)
SELECT
  '${ACCOUNT_ID}' AS account_id,
  workspace_id,
  uuid_of('usage', workspace_id, day::VARCHAR || slot || '-' || hour) AS record_id,
  CASE product WHEN 'JOBS' THEN 'PREMIUM_JOBS_SERVERLESS_COMPUTE_US_EAST_1' WHEN 'SQL' THEN 'PREMIUM_SERVERLESS_SQL_COMPUTE_US_EAST_1'
       WHEN 'ALL_PURPOSE' THEN 'PREMIUM_ALL_PURPOSE_COMPUTE' WHEN 'MODEL_SERVING' THEN 'PREMIUM_SERVERLESS_REAL_TIME_INFERENCE_US_EAST_1'
       ELSE 'PREMIUM_DLT_CORE_COMPUTE' END AS sku_name,
  'AWS' AS cloud,
  (day::TIMESTAMP + to_hours(hour::BIGINT)) AS usage_start_time,
  (day::TIMESTAMP + to_hours(hour::BIGINT + 1)) AS usage_end_time,
  day AS usage_date,
  MAP {'team': list_element(['claims', 'underwriting', 'marketing', 'platform'], 1 + (slot % 4)::INT), 'cop': 'data-engineering'} AS custom_tags,
  'DBU' AS usage_unit,
  (CASE product WHEN 'SQL' THEN 6 WHEN 'ALL_PURPOSE' THEN 2.5 WHEN 'JOBS' THEN 1.8 WHEN 'DLT' THEN 3 ELSE 0.7 END * (0.2 + r * 1.6))::DECIMAL(38, 18) AS usage_quantity,
  {
    'cluster_id': CASE WHEN product = 'ALL_PURPOSE' THEN printf('0%03d-%06d-cop%02d', ws_index, slot, slot) END,
    'job_id': CASE WHEN product = 'JOBS' THEN (1000 + ws_index * 100 + slot)::VARCHAR END,
    'warehouse_id': CASE WHEN product = 'SQL' THEN printf('ab12cd34ef56ab%02d', slot - ${JOBS_PER_WORKSPACE}) END,
    'instance_pool_id': NULL::VARCHAR,
    'node_type': CASE WHEN product = 'ALL_PURPOSE' THEN 'i3.xlarge' END,
    'job_run_id': CASE WHEN product = 'JOBS' THEN (hash(workspace_id, slot, day, hour) % 900000000000 + 100000000000)::VARCHAR END,
    'notebook_id': CASE WHEN product = 'ALL_PURPOSE' THEN (4000000 + ws_index * 1000 + slot)::VARCHAR END,
    'dlt_pipeline_id': CASE WHEN product = 'DLT' THEN uuid_of('pipeline', workspace_id, slot) END,
    'endpoint_name': CASE WHEN product = 'MODEL_SERVING' THEN list_element(${JSON.stringify(ENDPOINTS).replaceAll('"', "'")}, (slot - 47)::INT) END,
    'endpoint_id': CASE WHEN product = 'MODEL_SERVING' THEN uuid_of('endpoint', workspace_id, slot - 48) END,
    'dlt_update_id': NULL::VARCHAR,
    'dlt_maintenance_id': NULL::VARCHAR,
    'run_name': NULL::VARCHAR,
    'job_name': NULL::VARCHAR,
    'notebook_path': CASE WHEN product = 'ALL_PURPOSE' THEN '/PetInsure360/notebook_' || slot END,
    'app_id': NULL::VARCHAR,
    'app_name': NULL::VARCHAR,
    'metastore_id': NULL::VARCHAR
  } AS usage_metadata,
  {'run_as': user_email(ws_index, slot), 'owned_by': NULL::VARCHAR, 'created_by': NULL::VARCHAR} AS identity_metadata,
  'ORIGINAL' AS record_type,
  (day + 1)::DATE AS ingestion_date,
  product AS billing_origin_product,
  {
    'jobs_tier': CASE WHEN product = 'JOBS' THEN 'PREMIUM' END,
    'sql_tier': CASE WHEN product = 'SQL' THEN 'PREMIUM' END,
    'dlt_tier': CASE WHEN product = 'DLT' THEN 'CORE' END,
    'is_serverless': product IN ('JOBS', 'SQL', 'MODEL_SERVING'),
    'is_photon': product IN ('SQL', 'DLT'),
    'serving_type': CASE WHEN product = 'MODEL_SERVING' THEN 'MODEL' END
  } AS product_features,
  'COMPUTE_TIME' AS usage_type
FROM kept;
`;

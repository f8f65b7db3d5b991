import { DELTA_LOG_CATALOG } from '../delta-log.js';
import { INFORMATION_SCHEMA_ALIAS, MAIN_CATALOG_ALIAS, SYSTEM_CATALOG_ALIAS } from '../translate.js';

/**
 * `system.information_schema.tables`: every table of every catalog, in Databricks' columns, with `created` and
 * `last_altered` (and who) from the tables' Delta history, so a table's freshness reads as it does in Databricks.
 * A view over DuckDB's catalog and the commit log: always current, nothing to keep in step.
 */
export const informationSchemaSql = (catalog: string) => `
CREATE SCHEMA IF NOT EXISTS ${catalog}.${INFORMATION_SCHEMA_ALIAS};
CREATE OR REPLACE VIEW ${catalog}.${INFORMATION_SCHEMA_ALIAS}.tables AS
WITH history AS (
  SELECT catalog, schema, table_name, min(ts) AS created, arg_min(user_name, version) AS created_by,
         max(ts) AS last_altered, arg_max(user_name, version) AS last_altered_by
  FROM ${DELTA_LOG_CATALOG}.main.commits GROUP BY ALL
)
SELECT
  CASE t.database_name WHEN '${MAIN_CATALOG_ALIAS}' THEN 'main' WHEN '${SYSTEM_CATALOG_ALIAS}' THEN 'system' ELSE t.database_name END AS table_catalog,
  t.schema_name AS table_schema,
  t.table_name,
  'MANAGED' AS table_type,
  'YES' AS is_insertable_into,
  'PRESERVE' AS commit_action,
  h.created_by AS table_owner,
  t.comment,
  h.created,
  h.created_by,
  h.last_altered,
  h.last_altered_by,
  'DELTA' AS data_source_format
FROM duckdb_tables() t
LEFT JOIN history h ON h.catalog = t.database_name AND h.schema = t.schema_name AND h.table_name = t.table_name
WHERE t.schema_name <> '${INFORMATION_SCHEMA_ALIAS}' AND t.database_name NOT IN ('${DELTA_LOG_CATALOG}', 'temp', 'memory', 'system') AND NOT t.temporary;
`;

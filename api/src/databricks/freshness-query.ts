import type { DatabricksSqlClient, SqlCallOptions } from './sql-client.js';

export interface TableFreshness {
  /** `catalog.schema.table`. */
  table: string;
  /** The table's last write (Delta commit), null when Unity Catalog does not know it. */
  lastUpdatedAt: Date | null;
}

/**
 * When each table of a catalog was last written, from `system.information_schema.tables.last_altered`: one
 * statement for every table of the catalog, stalest first.
 */
export async function queryFreshness(
  sql: DatabricksSqlClient,
  catalog: string,
  options: SqlCallOptions = {},
): Promise<TableFreshness[]> {
  const { rows } = await sql.query<{ table_schema: string; table_name: string; last_altered: Date | string | null }>(
    {
      sql: `SELECT table_schema, table_name, last_altered FROM system.information_schema.tables
             WHERE table_catalog = :catalog AND table_schema <> 'information_schema'
             ORDER BY last_altered ASC NULLS FIRST, table_schema, table_name`,
      params: { catalog },
    },
    options,
  );
  return rows.map((row) => ({
    table: `${catalog}.${row.table_schema}.${row.table_name}`,
    lastUpdatedAt: row.last_altered === null ? null : new Date(row.last_altered),
  }));
}

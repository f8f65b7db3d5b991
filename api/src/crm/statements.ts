/**
 * Statement pieces shared by the CRM's reads and writes: rows in and out of the driver's shape, and a
 * parameterized inline source of rows for MERGE. Values always travel as named parameters.
 */
import type { SqlParameterValue } from '../databricks/sql-client.js';
import { type Column, type CrmRow, type CrmTable, columnList } from './tables.js';

export type Params = Record<string, SqlParameterValue>;

/** The warehouse's current time, to the millisecond: `updated_at` round-trips exactly through clients. */
export const NOW = "date_trunc('MILLISECOND', current_timestamp())";

const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined) return null;
  const date =
    value instanceof Date
      ? value
      : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(String(value)) ? String(value) : `${String(value).replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
};

/**
 * A driver row (column names) as a service row (field names, Date for dates and times), of `columns` (all the
 * table's by default). A plain loop: a page of nested rows is tens of thousands of them.
 */
export function toRow(
  table: CrmTable,
  raw: Record<string, unknown>,
  columns: readonly Column[] = table.columns,
): CrmRow {
  const row: CrmRow = {};
  for (const c of columns) {
    const value = raw[c.column];
    row[c.field] = c.type === 'STRING' ? (value === null || value === undefined ? null : String(value)) : toDate(value);
  }
  return row;
}

/** A parameter value for a column: dates as `YYYY-MM-DD`, timestamps as ISO strings. */
export function paramValue(column: Column, value: unknown): SqlParameterValue {
  if (value === null || value === undefined || value === '') return null;
  if (column.type === 'DATE') return (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10);
  if (column.type === 'TIMESTAMP') return value instanceof Date ? value.toISOString() : String(value);
  return String(value);
}

/** `(SELECT explode(…))` of a JSON array of strings passed as the one parameter `name`: an IN list of any length. */
export const keysIn = (name: string) => `(SELECT explode(from_json(:${name}, 'ARRAY<STRING>')))`;

/** `CAST(:p AS TYPE)`: a typed marker, so that a null parameter still has the column's type. */
export const typed = (column: Column, name: string) => `CAST(:${name} AS ${column.type})`;

/**
 * An inline table of `rows` (service rows) that travels as ONE parameter, `name`, a JSON array of objects keyed
 * by column: `SELECT <typed columns> FROM (SELECT explode(from_json(:name, 'ARRAY<STRUCT<…>>')) AS r)`. A
 * thousand rows cost the warehouse one value to bind, not one per cell, so batches can be large. `now`
 * columns take the warehouse time instead.
 */
export function rowsSource(
  table: CrmTable,
  rows: CrmRow[],
  name: string,
  now: readonly string[] = ['created_at', 'updated_at'],
): { sql: string; params: Params } {
  const given = table.columns.filter((c) => !now.includes(c.column));
  const values = rows.map((row) => Object.fromEntries(given.map((c) => [c.column, paramValue(c, row[c.field])])));
  const schema = `ARRAY<STRUCT<${given.map((c) => `\`${c.column}\`: STRING`).join(', ')}>>`;
  const select = table.columns.map((c) =>
    now.includes(c.column) ? `${NOW} AS \`${c.column}\`` : `CAST(r.\`${c.column}\` AS ${c.type}) AS \`${c.column}\``,
  );
  return {
    sql: `SELECT ${select.join(', ')} FROM (SELECT explode(from_json(:${name}, '${schema}')) AS r) AS j`,
    params: { [name]: JSON.stringify(values) },
  };
}

/** `MERGE INTO target USING (source) s ON key WHEN NOT MATCHED THEN INSERT …`, plus an optional update. */
export function mergeSql(target: string, table: CrmTable, source: string, update?: string): string {
  const key = `t.\`${table.key}\` = s.\`${table.key}\``;
  return [
    `MERGE INTO ${target} AS t USING (${source}) AS s ON ${key}`,
    ...(update ? [`WHEN MATCHED THEN UPDATE SET ${update}`] : []),
    `WHEN NOT MATCHED THEN INSERT (${columnList(table)}) VALUES (${columnList(table, 's')})`,
  ].join(' ');
}

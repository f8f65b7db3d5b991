/**
 * Reads and writes of CRM rows in one workspace's warehouse. A write is answered only once the warehouse has
 * committed it (the statement returned); every write is one statement, or, for an account's delete, an order
 * of statements that leaves no orphan if it stops half-way (children first, the account last).
 */
import { createHash } from 'node:crypto';
import { CrmError } from './errors.js';
import { keysIn, mergeSql, NOW, type Params, paramValue, rowsSource, toRow, typed } from './statements.js';
import { ACCOUNTS, CHILD_TABLES, type Column, type CrmRow, type CrmTable, columnList, qualified } from './tables.js';
import type { CrmWarehouse } from './warehouse.js';

/** Rows one statement may return; more is a failure, never a silent truncation. */
const MAX_ROWS = 99_999;

/** The table a record was read from: a record read with a projection may lack the columns that would tell. */
export const TABLE_OF = Symbol('CRM table');

/** A row and the scope of the CRM it is in (see warehouse.ts). */
export type CrmRecord = CrmRow & { scope: string; [TABLE_OF]?: CrmTable['name'] };

export const inScope = (w: CrmWarehouse, row: CrmRow, table?: CrmTable): CrmRecord =>
  Object.assign(row, { scope: w.scope, [TABLE_OF]: table?.name });

export async function selectRows(
  w: CrmWarehouse,
  table: CrmTable,
  sqlTail: string,
  params: Params,
  { from = qualified(w.ns, table), columns = table.columns }: { from?: string; columns?: readonly Column[] } = {},
): Promise<CrmRecord[]> {
  const { rows, truncated } = await w.sql.query<Record<string, unknown>>({
    sql: `SELECT ${columnList(table, undefined, columns)} FROM ${from} ${sqlTail}`,
    params,
    rowLimit: MAX_ROWS,
  });
  if (truncated) throw new CrmError('BAD_INPUT', `More than ${MAX_ROWS} ${table.name} rows were asked for at once.`);
  return rows.map((raw) => inScope(w, toRow(table, raw, columns), table));
}

/**
 * Rows whose `column` is one of `values`: one statement whatever their number (the loaders' batch), the values
 * as one JSON array parameter (a thousand markers cost the warehouse more to bind and plan than the read).
 */
export function rowsWhereIn(
  w: CrmWarehouse,
  table: CrmTable,
  column: string,
  values: readonly string[],
  columns?: readonly Column[],
) {
  if (values.length === 0) return Promise.resolve([]);
  const order = table === ACCOUNTS ? '' : ' ORDER BY `created_at`, `id`';
  return selectRows(
    w,
    table,
    `WHERE \`${column}\` IN ${keysIn('keys')}${order}`,
    { keys: JSON.stringify(values) },
    {
      columns,
    },
  );
}

export async function findRow(w: CrmWarehouse, table: CrmTable, key: string): Promise<CrmRecord | undefined> {
  return (await selectRows(w, table, `WHERE \`${table.key}\` = :key`, { key }))[0];
}

const noun = (table: CrmTable) =>
  ({ accounts: 'Account', platforms_status: 'Platform status', use_cases: 'Use case', updates: 'Update' })[table.name];

/** A child's id for an idempotency key: the same key in the same workspace and table makes the same row. */
export const idForKey = (w: CrmWarehouse, table: CrmTable, idempotencyKey: string) => {
  const hex = createHash('sha256').update(`${w.scope}\n${table.name}\n${idempotencyKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** Required fields present on create, and never emptied by an update; dates shaped as dates. */
function validate(table: CrmTable, input: Record<string, unknown>, creating: boolean): void {
  for (const column of table.columns) {
    const value = input[column.field];
    const empty = value === null || value === '' || (creating && value === undefined);
    if (column.required && empty) {
      throw new CrmError('BAD_INPUT', `${noun(table)} needs a ${column.field}.`, { field: column.field });
    }
    if (column.type === 'DATE' && typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      throw new CrmError('BAD_INPUT', `${column.field} must be a date (YYYY-MM-DD).`, { field: column.field });
    }
  }
}

const sameContent = (table: CrmTable, row: CrmRow, input: CrmRow) =>
  table.columns
    .filter((c) => c.field in input && !['created_at', 'updated_at'].includes(c.column))
    .every((c) => paramValue(c, row[c.field]) === paramValue(c, input[c.field]));

/**
 * Creates a row with a MERGE on its key, so a retried create finds the row it made instead of making a second
 * one: the key is the account's bsnid, or the child id derived from the idempotency key. A child names an
 * existing account, checked in the same statement (its source is empty otherwise); the same key with
 * different content is a CONFLICT.
 */
export async function createRow(w: CrmWarehouse, table: CrmTable, input: CrmRow, idempotencyKey?: string) {
  const row: CrmRow = { ...input };
  if (table !== ACCOUNTS) {
    if (!idempotencyKey)
      throw new CrmError('BAD_INPUT', 'A create needs an idempotencyKey.', { field: 'idempotencyKey' });
    row.id = idForKey(w, table, idempotencyKey);
  }
  validate(table, row, true);
  const source = rowsSource(table, [row], 'n');
  const guarded =
    table === ACCOUNTS
      ? source.sql
      : `SELECT s.* FROM (${source.sql}) AS s WHERE EXISTS (SELECT 1 FROM ${qualified(w.ns, ACCOUNTS)} AS a WHERE a.bsnid = s.account_bsnid)`;
  await w.sql.query({ sql: mergeSql(qualified(w.ns, table), table, guarded), params: source.params });
  const created = await findRow(w, table, String(row[table.key]));
  if (!created) {
    throw new CrmError('BAD_INPUT', `There is no account ${String(row.accountBsnid)} in this workspace.`, {
      field: 'accountId',
    });
  }
  if (!sameContent(table, created, row)) {
    throw new CrmError(
      'CONFLICT',
      table === ACCOUNTS
        ? `An account with bsnid ${String(row.bsnid)} exists already.`
        : 'That idempotency key was used for a different create.',
      { current: created },
    );
  }
  return created;
}

/**
 * Updates a row only if it is still the version the caller read (`updated_at` = `expectedUpdatedAt`): a stale
 * write changes nothing and is a CONFLICT carrying the current row, so no update is ever lost.
 */
export async function updateRow(
  w: CrmWarehouse,
  table: CrmTable,
  key: string,
  patch: CrmRow,
  expectedUpdatedAt: Date,
): Promise<CrmRecord> {
  const changes = table.editable.filter((field) => patch[field] !== undefined);
  validate(table, patch, false);
  const params: Params = { key, expected: expectedUpdatedAt.toISOString() };
  const assignments = changes.map((field) => {
    const column = table.columns.find((c) => c.field === field)!;
    params[`v_${field}`] = paramValue(column, patch[field]);
    return `\`${column.column}\` = ${typed(column, `v_${field}`)}`;
  });
  const { rows } = await w.sql.query<{ num_affected_rows: unknown }>({
    sql: `UPDATE ${qualified(w.ns, table)} SET ${[...assignments, `updated_at = ${NOW}`].join(', ')}
      WHERE \`${table.key}\` = :key AND updated_at = CAST(:expected AS TIMESTAMP)`,
    params,
  });
  const current = await findRow(w, table, key);
  if (!current) throw new CrmError('NOT_FOUND', `${noun(table)} was not found.`);
  if (Number(rows[0]?.num_affected_rows ?? 0) === 0) {
    throw new CrmError('CONFLICT', `${noun(table)} was changed by someone else since you read it.`, { current });
  }
  return current;
}

export async function deleteRow(w: CrmWarehouse, table: CrmTable, key: string): Promise<void> {
  if (!(await findRow(w, table, key))) throw new CrmError('NOT_FOUND', `${noun(table)} was not found.`);
  // Databricks' foreign keys are informational: the account's rows go first, the account last, so a failure
  // half-way leaves an account with fewer rows, never a row without its account.
  if (table === ACCOUNTS) {
    for (const child of CHILD_TABLES) {
      await w.sql.query({ sql: `DELETE FROM ${qualified(w.ns, child)} WHERE account_bsnid = :key`, params: { key } });
    }
  }
  await w.sql.query({ sql: `DELETE FROM ${qualified(w.ns, table)} WHERE \`${table.key}\` = :key`, params: { key } });
}

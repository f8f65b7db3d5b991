/**
 * Moving an account book in and out. Export: all four tables, as JSON (one document) or CSV (one file per
 * table). Import: the JSON document, validated row by row (a rejected row is reported with its reason and
 * written nowhere), then written with batched MERGEs on the keys — accounts first, so that no accepted row
 * ever names a missing account; each batch reports what it inserted and what it updated.
 */
import { stringify } from 'csv-stringify/sync';
import { CrmError } from './errors.js';
import { rowsWhereIn, selectRows } from './records.js';
import { mergeSql, NOW, paramValue, rowsSource } from './statements.js';
import { ACCOUNTS, ALL_TABLES, type CrmRow, type CrmTable, qualified } from './tables.js';
import type { CrmWarehouse } from './warehouse.js';

/** The document's key for each table (field names, as in the graph). */
const DOCUMENT_KEYS: Record<CrmTable['name'], string> = {
  accounts: 'accounts',
  platforms_status: 'platformStatuses',
  use_cases: 'useCases',
  updates: 'updates',
};

export type ExportFormat = 'JSON' | 'CSV';

export interface ExportFile {
  name: string;
  contentType: string;
  content: string;
}

export async function exportCrm(w: CrmWarehouse, format: ExportFormat): Promise<ExportFile[]> {
  const tables = await Promise.all(
    ALL_TABLES.map(async (table) => {
      const rows = await selectRows(w, table, `ORDER BY \`${table.key}\``, {});
      return { table, rows: rows.map(({ scope: _scope, ...row }) => row) };
    }),
  );
  if (format === 'JSON') {
    const document = Object.fromEntries(tables.map(({ table, rows }) => [DOCUMENT_KEYS[table.name], rows]));
    return [{ name: 'crm.json', contentType: 'application/json', content: JSON.stringify(document, null, 2) }];
  }
  return tables.map(({ table, rows }) => ({
    name: `${table.name}.csv`,
    contentType: 'text/csv',
    content: stringify(
      rows.map((row) => table.columns.map((c) => paramValue(c, row[c.field]) ?? '')),
      { header: true, columns: table.columns.map((c) => c.column) },
    ),
  }));
}

export interface ImportReport {
  tables: { table: string; inserted: number; updated: number; rejected: number }[];
  rejections: { table: string; index: number; key: string | null; reason: string }[];
}

/** Rows per MERGE statement. */
const BATCH = 500;
const MAX_ROWS = 200_000;
const MAX_REJECTIONS_LISTED = 200;

export async function importCrm(w: CrmWarehouse, text: string): Promise<ImportReport> {
  let document: Record<string, unknown>;
  try {
    document = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new CrmError('BAD_INPUT', 'The file is not JSON (export the account book as JSON to import it).', {
      field: 'file',
    });
  }
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    throw new CrmError('BAD_INPUT', 'The file must be an object with accounts, platformStatuses, useCases, updates.');
  }
  const total = ALL_TABLES.reduce((sum, t) => sum + (asArray(document[DOCUMENT_KEYS[t.name]])?.length ?? 0), 0);
  if (total > MAX_ROWS) throw new CrmError('BAD_INPUT', `An import holds at most ${MAX_ROWS} rows.`, { field: 'file' });

  const report: ImportReport = { tables: [], rejections: [] };
  const reject = (table: CrmTable, index: number, key: unknown, reason: string) => {
    if (report.rejections.length < MAX_REJECTIONS_LISTED) {
      report.rejections.push({ table: table.name, index, key: typeof key === 'string' ? key : null, reason });
    }
  };
  const accepted = new Set<string>();
  for (const table of ALL_TABLES) {
    const given = asArray(document[DOCUMENT_KEYS[table.name]]) ?? [];
    const valid: CrmRow[] = [];
    const seen = new Set<string>();
    let rejected = 0;
    const known = table === ACCOUNTS ? new Set<string>() : await existingAccounts(w, given, accepted);
    given.forEach((raw, index) => {
      const problem = rowProblem(table, raw, seen, table === ACCOUNTS ? undefined : known);
      const key = (raw as Record<string, unknown> | null)?.[fieldOf(table, table.key)];
      if (problem) {
        rejected++;
        reject(table, index, key, problem);
        return;
      }
      seen.add(String(key));
      valid.push(raw as CrmRow);
    });
    let inserted = 0;
    for (let start = 0; start < valid.length; start += BATCH) {
      inserted += await mergeBatch(w, table, valid.slice(start, start + BATCH));
    }
    if (table === ACCOUNTS) for (const row of valid) accepted.add(String(row.bsnid));
    report.tables.push({ table: table.name, inserted, updated: valid.length - inserted, rejected });
  }
  return report;
}

const asArray = (value: unknown) => (Array.isArray(value) ? (value as unknown[]) : undefined);
const fieldOf = (table: CrmTable, column: string) => table.columns.find((c) => c.column === column)!.field;

function rowProblem(table: CrmTable, raw: unknown, seen: Set<string>, accounts?: Set<string>): string | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'not an object';
  const row = raw as Record<string, unknown>;
  for (const column of table.columns) {
    const value = row[column.field];
    if (['created_at', 'updated_at'].includes(column.column)) continue;
    if (column.required && (value === undefined || value === null || value === '')) return `${column.field} is missing`;
    if (value !== undefined && value !== null && typeof value !== 'string') return `${column.field} is not text`;
    if (column.type === 'DATE' && typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}/.test(value)) {
      return `${column.field} is not a date (YYYY-MM-DD)`;
    }
  }
  const key = String(row[fieldOf(table, table.key)]);
  if (seen.has(key)) return `${table.key} ${key} appears twice in the file`;
  if (accounts && !accounts.has(String(row.accountBsnid))) return `there is no account ${String(row.accountBsnid)}`;
  return undefined;
}

/** Accounts children may name: accepted from the file, or already in the warehouse. */
async function existingAccounts(w: CrmWarehouse, rows: unknown[], accepted: Set<string>): Promise<Set<string>> {
  const named = new Set(
    rows
      .map((r) => (r as Record<string, unknown> | null)?.accountBsnid)
      .filter((b): b is string => typeof b === 'string'),
  );
  const missing = [...named].filter((bsnid) => !accepted.has(bsnid));
  const known = new Set(accepted);
  for (let start = 0; start < missing.length; start += BATCH) {
    for (const row of await rowsWhereIn(w, ACCOUNTS, 'bsnid', missing.slice(start, start + BATCH))) {
      known.add(String(row.bsnid));
    }
  }
  return known;
}

/** One MERGE of a batch (updates of existing keys, inserts of new ones); returns how many were new. */
async function mergeBatch(w: CrmWarehouse, table: CrmTable, rows: CrmRow[]): Promise<number> {
  const keyField = fieldOf(table, table.key);
  const existing = await rowsWhereIn(
    w,
    table,
    table.key,
    rows.map((r) => String(r[keyField])),
  );
  // Imported rows keep their created_at when they have one; updated_at is the warehouse's time of the import.
  const source = rowsSource(
    table,
    rows.map((r) => ({ ...r, createdAt: r.createdAt ?? null })),
    'i',
    ['updated_at'],
  );
  const sourceSql = `SELECT ${table.columns
    .map((c) => (c.column === 'created_at' ? `coalesce(\`created_at\`, ${NOW}) AS \`created_at\`` : `\`${c.column}\``))
    .join(', ')} FROM (${source.sql}) AS r`;
  const update = [...table.editable.map((f) => fieldColumn(table, f)), 'updated_at']
    .map((column) => `\`${column}\` = s.\`${column}\``)
    .join(', ');
  await w.sql.query({ sql: mergeSql(qualified(w.ns, table), table, sourceSql, update), params: source.params });
  return rows.length - existing.length;
}

const fieldColumn = (table: CrmTable, field: string) => table.columns.find((c) => c.field === field)!.column;

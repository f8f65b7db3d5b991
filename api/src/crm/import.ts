/**
 * Moving an account book in: the JSON document `exportCrm` gives (all four tables), or one of its CSV files (one
 * table; `import-csv.ts`). Rows are validated one by one (a rejected row is reported with its reason, its
 * position and, for CSV, its line, and written nowhere), then written with batched MERGEs on the keys, each
 * batch one parameter (see `rowsSource`) — accounts first, so that no accepted row ever names a missing
 * account. The report says per table what was inserted, updated and rejected.
 */
import { CrmError } from './errors.js';
import { csvRows, type ImportedRow } from './import-csv.js';
import { rowsWhereIn } from './records.js';
import { mergeSql, NOW, rowsSource } from './statements.js';
import { ACCOUNTS, ALL_TABLES, type CrmRow, type CrmTable, qualified } from './tables.js';
import { DOCUMENT_KEYS } from './transfer.js';
import type { CrmWarehouse } from './warehouse.js';

export interface ImportReport {
  tables: { table: string; inserted: number; updated: number; rejected: number }[];
  rejections: { table: string; index: number; line: number | null; key: string | null; reason: string }[];
}

/**
 * Rows per MERGE. One JSON parameter carries the batch, so a batch's cost is the rows it writes, and every
 * statement makes a table version (Delta copies on write): fewer, larger batches.
 */
const BATCH = 5_000;
const MAX_ROWS = 200_000;
const MAX_REJECTIONS_LISTED = 200;

const badFile = (message: string) => new CrmError('BAD_INPUT', message, { field: 'file' });

function jsonRows(text: string): Map<CrmTable, ImportedRow[]> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw badFile('The file is neither a JSON account book nor a CSV table (export one to see the shape).');
  }
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    throw badFile('The file must be an object with accounts, platformStatuses, useCases, updates.');
  }
  const given = document as Record<string, unknown>;
  return new Map(
    ALL_TABLES.map((table) => {
      const list = given[DOCUMENT_KEYS[table.name]];
      const rows = Array.isArray(list) ? list.map((raw, position) => ({ position, raw })) : [];
      return [table, rows];
    }),
  );
}

/** The file's rows by table: a JSON document if it is an object, else one CSV table. */
function readFile(text: string): Map<CrmTable, ImportedRow[]> {
  if (text.trimStart().startsWith('{')) return jsonRows(text);
  const { table, rows } = csvRows(text);
  return new Map([[table, rows]]);
}

export async function importCrm(w: CrmWarehouse, text: string): Promise<ImportReport> {
  const book = readFile(text);
  const total = [...book.values()].reduce((sum, rows) => sum + rows.length, 0);
  if (total > MAX_ROWS) throw badFile(`An import holds at most ${MAX_ROWS} rows.`);

  const report: ImportReport = { tables: [], rejections: [] };
  const accepted = new Set<string>();
  for (const table of ALL_TABLES) {
    const given = book.get(table);
    if (!given) continue;
    const valid: CrmRow[] = [];
    const seen = new Set<string>();
    let rejected = 0;
    const known = table === ACCOUNTS ? undefined : await existingAccounts(w, given, accepted);
    for (const row of given) {
      const problem = row.problem ?? rowProblem(table, row.raw, seen, known);
      const key = (row.raw as Record<string, unknown> | null | undefined)?.[fieldOf(table, table.key)];
      if (problem) {
        rejected++;
        if (report.rejections.length < MAX_REJECTIONS_LISTED) {
          report.rejections.push({
            table: table.name,
            index: row.position,
            line: row.line ?? null,
            key: typeof key === 'string' ? key : null,
            reason: problem,
          });
        }
        continue;
      }
      seen.add(String(key));
      valid.push(row.raw as CrmRow);
    }
    let inserted = 0;
    for (let start = 0; start < valid.length; start += BATCH) {
      inserted += await mergeBatch(w, table, valid.slice(start, start + BATCH));
    }
    if (table === ACCOUNTS) for (const row of valid) accepted.add(String(row.bsnid));
    report.tables.push({ table: table.name, inserted, updated: valid.length - inserted, rejected });
  }
  return report;
}

const fieldOf = (table: CrmTable, column: string) => table.columns.find((c) => c.column === column)!.field;

function rowProblem(table: CrmTable, raw: unknown, seen: Set<string>, accounts?: Set<string>): string | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'not an object';
  const row = raw as Record<string, unknown>;
  for (const column of table.columns) {
    const value = row[column.field];
    if (value !== undefined && value !== null && typeof value !== 'string') return `${column.field} is not text`;
    if (column.type === 'TIMESTAMP') {
      if (typeof value === 'string' && Number.isNaN(Date.parse(value))) return `${column.field} is not a time`;
      continue;
    }
    if (column.required && (value === undefined || value === null || value === '')) return `${column.field} is missing`;
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
async function existingAccounts(w: CrmWarehouse, rows: ImportedRow[], accepted: Set<string>): Promise<Set<string>> {
  const named = new Set(
    rows
      .map((r) => (r.raw as Record<string, unknown> | null | undefined)?.accountBsnid)
      .filter((b): b is string => typeof b === 'string'),
  );
  const missing = [...named].filter((bsnid) => !accepted.has(bsnid));
  const known = new Set(accepted);
  for (let start = 0; start < missing.length; start += BATCH) {
    const batch = missing.slice(start, start + BATCH);
    for (const row of await rowsWhereIn(w, ACCOUNTS, 'bsnid', batch, [ACCOUNTS.columns[0]!])) {
      known.add(String(row.bsnid));
    }
  }
  return known;
}

/** One MERGE of a batch (updates of existing keys, inserts of new ones); returns how many were new. */
async function mergeBatch(w: CrmWarehouse, table: CrmTable, rows: CrmRow[]): Promise<number> {
  const keyField = fieldOf(table, table.key);
  const keyColumn = table.columns.filter((c) => c.column === table.key);
  const existing = await rowsWhereIn(
    w,
    table,
    table.key,
    rows.map((r) => String(r[keyField])),
    keyColumn,
  );
  // Imported rows keep their created_at when they have one; updated_at is the warehouse's time of the import.
  const source = rowsSource(
    table,
    rows.map((r) => ({ ...r, createdAt: r.createdAt ?? null })),
    'rows',
    ['updated_at'],
  );
  const sourceSql = `SELECT ${table.columns
    .map((c) => (c.column === 'created_at' ? `coalesce(\`created_at\`, ${NOW}) AS \`created_at\`` : `\`${c.column}\``))
    .join(', ')} FROM (${source.sql}) AS s`;
  const update = [...table.editable.map((f) => fieldColumn(table, f)), 'updated_at']
    .map((column) => `\`${column}\` = s.\`${column}\``)
    .join(', ');
  await w.sql.query({ sql: mergeSql(qualified(w.ns, table), table, sourceSql, update), params: source.params });
  return rows.length - existing.length;
}

const fieldColumn = (table: CrmTable, field: string) => table.columns.find((c) => c.field === field)!.column;

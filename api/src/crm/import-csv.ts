/**
 * One CSV file of an account book (as `exportCrm(format: CSV)` writes them: one table per file, a header of
 * column names) as rows of that table. The header tells the table: the one table whose columns include every
 * name in it (column or field names, any case) and whose required columns are all there. Empty cells are null.
 * A record not as wide as the header is kept as a problem for the report, with its line.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { CrmError } from './errors.js';
import { ALL_TABLES, type Column, type CrmTable } from './tables.js';

/** A row of an imported file: its value, or why it could not even be read as a row. */
export interface ImportedRow {
  /** Position in its list (JSON) or among the file's records (CSV), from 0. */
  position: number;
  /** Line in the file (CSV). */
  line?: number;
  raw?: unknown;
  problem?: string;
}

const badFile = (message: string) => new CrmError('BAD_INPUT', message, { field: 'file' });

function tableOfHeader(header: string[]): { table: CrmTable; columns: Column[] } {
  const names = header.map((name) => name.trim().toLowerCase());
  const matches = ALL_TABLES.flatMap((table) => {
    const columns = names.map((name) => table.columns.find((c) => c.column === name || c.field.toLowerCase() === name));
    const complete = table.columns.every((c) => !c.required || columns.includes(c));
    return columns.every(Boolean) && complete ? [{ table, columns: columns as Column[] }] : [];
  });
  if (matches.length !== 1) {
    throw badFile(
      `The CSV header (${header.join(', ')}) is not that of one CRM table: give the columns of accounts, platforms_status, use_cases or updates as exportCrm writes them.`,
    );
  }
  return matches[0]!;
}

export function csvRows(text: string): { table: CrmTable; rows: ImportedRow[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (error) {
    if (error instanceof CsvError) throw badFile(`The CSV file cannot be read: ${error.message}`);
    throw error;
  }
  const [head, ...body] = records;
  if (!head) throw badFile('The CSV file is empty.');
  const { table, columns } = tableOfHeader(head.record);
  const rows = body.map(({ record, info }, position): ImportedRow => {
    if (record.length !== columns.length) {
      return { position, line: info.lines, problem: `${record.length} fields where the header has ${columns.length}` };
    }
    const row = Object.fromEntries(columns.map((c, i) => [c.field, record[i] === '' ? null : record[i]]));
    return { position, line: info.lines, raw: row };
  });
  return { table, rows };
}

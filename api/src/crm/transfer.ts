/**
 * Moving an account book out: all four tables, as JSON (one document keyed as `DOCUMENT_KEYS`) or CSV (one file
 * per table, named after it, a header of column names). `import.ts` takes either back in.
 */
import { stringify } from 'csv-stringify/sync';
import { selectRows } from './records.js';
import { paramValue } from './statements.js';
import { ALL_TABLES, type CrmTable } from './tables.js';
import type { CrmWarehouse } from './warehouse.js';

/** The document's key for each table (field names, as in the graph). */
export const DOCUMENT_KEYS: Record<CrmTable['name'], string> = {
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

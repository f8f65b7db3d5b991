/**
 * The CRM's Delta tables: their columns (the one description every statement is built from), their DDL with
 * the informational keys Databricks allows, and the GraphQL-free row shapes.
 */

export type ColumnType = 'STRING' | 'TIMESTAMP' | 'DATE';

export interface Column {
  /** The column in the warehouse. */
  column: string;
  /** The field of the row object (and of the GraphQL type). */
  field: string;
  type: ColumnType;
  /** Required on create (and never null). */
  required?: boolean;
}

export interface CrmTable {
  name: 'accounts' | 'platforms_status' | 'use_cases' | 'updates';
  /** The key column: `bsnid` for accounts, `id` for the others. */
  key: string;
  columns: Column[];
  /** Columns the caller may set (the key and the account link are set on create only). */
  editable: string[];
}

const timestamps: Column[] = [
  { column: 'created_at', field: 'createdAt', type: 'TIMESTAMP' },
  { column: 'updated_at', field: 'updatedAt', type: 'TIMESTAMP' },
];
const childKeys: Column[] = [
  { column: 'id', field: 'id', type: 'STRING', required: true },
  { column: 'account_bsnid', field: 'accountBsnid', type: 'STRING', required: true },
];
const text = (column: string, field: string, required = false): Column => ({ column, field, type: 'STRING', required });
const editable = (columns: Column[]) =>
  columns
    .filter((c) => !['id', 'bsnid', 'account_bsnid', 'created_at', 'updated_at'].includes(c.column))
    .map((c) => c.field);

function table(name: CrmTable['name'], key: string, columns: Column[]): CrmTable {
  return { name, key, columns, editable: editable(columns) };
}

export const ACCOUNTS = table('accounts', 'bsnid', [
  text('bsnid', 'bsnid', true),
  text('team', 'team', true),
  text('business_area', 'businessArea', true),
  text('vp', 'vp'),
  text('admin', 'admin'),
  text('primary_it_partner', 'primaryItPartner'),
  text('azure_devops_link', 'azureDevopsLink'),
  text('artifacts_folder_link', 'artifactsFolderLink'),
  ...timestamps,
]);

export const PLATFORM_STATUSES = table('platforms_status', 'id', [
  ...childKeys,
  text('platform', 'platform', true),
  text('status', 'status', true),
  ...timestamps,
]);

export const USE_CASES = table('use_cases', 'id', [
  ...childKeys,
  text('problem', 'problem', true),
  text('solution', 'solution'),
  text('leader', 'leader'),
  text('status', 'status', true),
  text('enablement_tier', 'enablementTier'),
  text('platform', 'platform'),
  ...timestamps,
]);

export const UPDATES = table('updates', 'id', [
  ...childKeys,
  text('author', 'author', true),
  { column: 'date', field: 'date', type: 'DATE', required: true },
  text('platform', 'platform'),
  text('description', 'description', true),
  ...timestamps,
]);

export const CHILD_TABLES = [PLATFORM_STATUSES, USE_CASES, UPDATES] as const;
export const ALL_TABLES = [ACCOUNTS, ...CHILD_TABLES] as const;

/** A row as the service hands it out: field names, dates as Date, absent values null. */
export type CrmRow = Record<string, string | Date | null>;

/** Where one workspace keeps its CRM: a Unity Catalog catalog and schema. */
export interface CrmNamespace {
  catalog: string;
  schema: string;
}

/** `catalog`.`schema`.`table`: names come from validated settings (see namespace.ts), never from requests. */
export const qualified = (ns: CrmNamespace, t: CrmTable) => `\`${ns.catalog}\`.\`${ns.schema}\`.\`${t.name}\``;

/** Every column (or those given), quoted (`date` is a keyword). */
export const columnList = (t: CrmTable, alias?: string, columns: readonly Column[] = t.columns) =>
  columns.map((c) => `${alias ? `${alias}.` : ''}\`${c.column}\``).join(', ');

/**
 * The columns a read of `fields` needs (every column when not given): an account's bsnid always (its children
 * are found by it), a child's link to its account always (rows are grouped by it), a child's id with the node
 * `id`. Reading only what is asked keeps wide pages cheap.
 */
export function projection(t: CrmTable, fields?: ReadonlySet<string>): readonly Column[] {
  if (!fields) return t.columns;
  // Asked once per row of a page with the same set of fields: the same list each time.
  const known = projections.get(fields) ?? new Map<CrmTable, readonly Column[]>();
  projections.set(fields, known);
  let columns = known.get(t);
  if (!columns) {
    const needed = (c: Column) =>
      c.column === 'bsnid' || c.column === 'account_bsnid' || (c.column === t.key && fields.has('id'));
    columns = t.columns.filter((c) => needed(c) || fields.has(c.field));
    known.set(t, columns);
  }
  return columns;
}
const projections = new WeakMap<ReadonlySet<string>, Map<CrmTable, readonly Column[]>>();

function createTable(ns: CrmNamespace, t: CrmTable): string {
  const columns = t.columns.map((c) => `\`${c.column}\` ${c.type}${c.required ? ' NOT NULL' : ''}`);
  const keys = [`CONSTRAINT ${t.name}_pk PRIMARY KEY (\`${t.key}\`)`];
  if (t !== ACCOUNTS) {
    keys.push(
      `CONSTRAINT ${t.name}_account_fk FOREIGN KEY (account_bsnid) REFERENCES ${qualified(ns, ACCOUNTS)} (bsnid)`,
    );
  }
  return `CREATE TABLE IF NOT EXISTS ${qualified(ns, t)} (${[...columns, ...keys].join(', ')}) USING DELTA`;
}

/** The DDL of a CRM, idempotent (every statement is IF NOT EXISTS), accounts before the tables naming them. */
export function crmDdl(ns: CrmNamespace): string[] {
  return [
    `CREATE CATALOG IF NOT EXISTS \`${ns.catalog}\``,
    `CREATE SCHEMA IF NOT EXISTS \`${ns.catalog}\`.\`${ns.schema}\``,
    ...ALL_TABLES.map((t) => createTable(ns, t)),
  ];
}

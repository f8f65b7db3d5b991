/**
 * Table names in translated (DuckDB) SQL: which table a write statement changes, and the fully qualified
 * name a one-, two- or three-part name means in the current catalog and schema (Databricks' resolution:
 * two parts are schema.table).
 */
import { unquoteIdentifier } from './translate.js';

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
/** A one- to three-part table name. */
export const TABLE_NAME = String.raw`${IDENT}(?:\s*\.\s*${IDENT}){0,2}`;

export interface QualifiedName {
  catalog: string;
  schema: string;
  table: string;
}

export interface Namespace {
  catalog: string;
  schema: string;
}

/** Splits a (possibly quoted) dotted name into its unquoted parts. */
export function nameParts(name: string): string[] {
  return [...name.matchAll(new RegExp(IDENT, 'g'))].map((m) => unquoteIdentifier(m[0]));
}

export function qualify(name: string, current: Namespace): QualifiedName {
  const parts = nameParts(name);
  const [catalog, schema, table] =
    parts.length === 3
      ? parts
      : parts.length === 2
        ? [current.catalog, parts[0], parts[1]]
        : [current.catalog, current.schema, parts[0]];
  return { catalog, schema, table };
}

/** Quotes a qualified name for DuckDB. */
export const quoteName = ({ catalog, schema, table }: QualifiedName) =>
  [catalog, schema, table].map((part) => `"${part.replaceAll('"', '""')}"`).join('.');

export type WriteKind = 'WRITE' | 'UPDATE' | 'DELETE' | 'MERGE' | 'TRUNCATE' | 'CREATE' | 'DROP';

export interface WriteTarget {
  kind: WriteKind;
  name: string;
  /** The CREATE TABLE's Databricks operation name (`CREATE TABLE`, `CREATE OR REPLACE TABLE`, …). */
  createOperation?: string;
  ifNotExists?: boolean;
}

const writeHead = new RegExp(
  String.raw`^(insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from|merge\s+into|truncate(?:\s+table)?|create\s+(or\s+replace\s+)?table(\s+if\s+not\s+exists)?|drop\s+table(?:\s+if\s+exists)?)\s+(${TABLE_NAME})`,
  'i',
);

/** The table a write statement changes, or undefined for statements that change no table's rows. */
export function writeTarget(sql: string): WriteTarget | undefined {
  const statement = sql.replace(/^(\s+|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  const head = writeHead.exec(statement);
  if (!head) return undefined;
  const verb = head[1].toLowerCase();
  const name = head[4];
  if (verb.startsWith('create')) {
    const asSelect = /^\s*as\b/i.test(statement.slice(head[0].length));
    const operation = head[2] ? 'CREATE OR REPLACE TABLE' : 'CREATE TABLE';
    return {
      kind: 'CREATE',
      name,
      createOperation: asSelect ? `${operation} AS SELECT` : operation,
      ifNotExists: Boolean(head[3]),
    };
  }
  const kind: WriteKind = verb.startsWith('insert')
    ? 'WRITE'
    : verb.startsWith('delete')
      ? 'DELETE'
      : verb.startsWith('merge')
        ? 'MERGE'
        : verb.startsWith('truncate')
          ? 'TRUNCATE'
          : verb.startsWith('drop')
            ? 'DROP'
            : 'UPDATE';
  return { kind, name };
}

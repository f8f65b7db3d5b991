/**
 * One read-only statement, checked with DuckDB's own parser (`json_serialize_sql`, which also gives every
 * table reference and its position): exactly one SELECT — no DDL or DML, no second statement, no table
 * function, no file read as a table — with every named parameter given a scalar value. What it may read is the
 * caller's rule (datasets: only `dataset`; `sqlQuery`: the role's schemas); `spliceTables` rewrites the
 * references it found, at the parser's positions.
 */
import { StatementError } from './errors.js';

export type ParameterValue = string | number | boolean | null;

/** DuckDB's parse of a statement as JSON (`LocalDatasets.parse`). */
export type ParseSql = (sql: string) => Promise<unknown>;

/** A table the statement reads, as written (parts lower-cased by the caller if it compares them). */
export interface TableReference {
  catalog?: string;
  schema?: string;
  table: string;
  /** Byte offset of the reference in the statement. */
  location: number;
}

export interface ReadOnlyStatement {
  /** The statement with DuckDB's `$name` markers. */
  duckSql: string;
  /** The tables it reads; names of its common table expressions are not among them. */
  tables: TableReference[];
  /** Its common table expressions' names, lower-cased. */
  cteNames: Set<string>;
  /** The parameters it uses, with their values. */
  parameters: Record<string, ParameterValue>;
}

/**
 * Databricks' `:name` markers as DuckDB's `$name` (same length, so parser positions stay valid), outside
 * string literals, quoted identifiers, comments and `::` casts.
 */
const MARKER_OR_SKIPPED = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|::|(?<![\w$]):([A-Za-z_]\w*)/g;
const toDuckMarkers = (sql: string) =>
  sql.replace(MARKER_OR_SKIPPED, (token, name?: string) => (name ? `$${name}` : token));

interface Parsed {
  error?: boolean;
  error_type?: string;
  error_message?: string;
  statements?: unknown[];
}

interface Node {
  type?: string;
  table_name?: string;
  schema_name?: string;
  catalog_name?: string;
  query_location?: number;
  function?: { function_name?: string };
  cte_map?: { map?: { key: string }[] };
  named_param_map?: { key: string }[];
}

const refuse = (message: string, refused: string) => new StatementError('STATEMENT_REFUSED', message, { refused });

/** Checks `statement`; `purpose` completes the refusals ("Only a SELECT can <purpose>"). */
export async function checkReadOnly(
  parse: ParseSql,
  statement: string,
  given: Record<string, unknown>,
  purpose: string,
): Promise<ReadOnlyStatement> {
  const duckSql = toDuckMarkers(statement);
  const parsed = (await parse(duckSql)) as Parsed;
  if (parsed.error) {
    if (parsed.error_type === 'parser') {
      throw refuse(`The statement does not parse: ${parsed.error_message}`, 'syntax');
    }
    const keyword = /^[\s(]*(\w+)/.exec(statement.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ''))?.[1]?.toUpperCase();
    throw refuse(
      `Only a SELECT can ${purpose}; a ${keyword ?? 'non-SELECT'} statement was refused.`,
      keyword ?? 'statement',
    );
  }
  const statements = parsed.statements ?? [];
  if (statements.length !== 1) {
    throw refuse(`Only one statement can ${purpose}; ${statements.length} were given.`, 'second statement');
  }
  const nodes = [...walk(statements[0])];
  const cteNames = new Set(nodes.flatMap((node) => node.cte_map?.map?.map((entry) => entry.key.toLowerCase()) ?? []));
  const bytes = Buffer.from(statement, 'utf8');
  const tables: TableReference[] = [];
  for (const node of nodes) {
    if (node.type === 'TABLE_FUNCTION') {
      const name = node.function?.function_name ?? 'a table function';
      throw refuse(`Only tables can be read; the table function ${name}() was refused.`, name);
    }
    if (node.type !== 'BASE_TABLE' || !node.table_name) continue;
    if (!node.schema_name && !node.catalog_name && cteNames.has(node.table_name.toLowerCase())) continue;
    const location = node.query_location ?? -1;
    // DuckDB reads a string in FROM as a file: not a table.
    if (bytes[location] === 0x27)
      throw refuse(`Only tables can be read; the file "${node.table_name}" was refused.`, node.table_name);
    tables.push({
      catalog: node.catalog_name || undefined,
      schema: node.schema_name || undefined,
      table: node.table_name,
      location,
    });
  }
  return { duckSql, tables, cteNames, parameters: parameterValues(nodes, given) };
}

function* walk(value: unknown): Generator<Node> {
  if (Array.isArray(value)) for (const item of value) yield* walk(item);
  else if (value && typeof value === 'object') {
    yield value as Node;
    for (const inner of Object.values(value)) yield* walk(inner);
  }
}

const IDENTIFIER = String.raw`(?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*)`;
const REFERENCE = new RegExp(String.raw`^${IDENTIFIER}(?:\s*\.\s*${IDENTIFIER}){0,2}`);

/** Replaces each table reference (the whole dotted name, at its parser byte offset) with `nameOf(reference)`. */
export function spliceTables(
  statement: string,
  tables: TableReference[],
  nameOf: (table: TableReference) => string,
): string {
  const bytes = Buffer.from(statement, 'utf8');
  let out = '';
  let from = 0;
  const byLocation = new Map(tables.map((table) => [table.location, table]));
  for (const at of [...byLocation.keys()].sort((a, b) => a - b)) {
    const rest = bytes.subarray(at).toString('utf8');
    const match = REFERENCE.exec(rest);
    if (!match) throw new Error(`No table reference at byte ${at} of the statement`);
    out += bytes.subarray(from, at).toString('utf8') + nameOf(byLocation.get(at)!);
    from = at + Buffer.byteLength(match[0], 'utf8');
  }
  return out + bytes.subarray(from).toString('utf8');
}

/** The values of the statement's named parameters; positional markers and missing or non-scalar values refused. */
function parameterValues(nodes: Node[], given: Record<string, unknown>): Record<string, ParameterValue> {
  const names = new Set(nodes.flatMap((node) => node.named_param_map?.map((entry) => entry.key) ?? []));
  const values: Record<string, ParameterValue> = {};
  for (const name of names) {
    if (/^\d+$/.test(name)) {
      throw new StatementError('PARAMETERS', 'Use named parameters (:name), not positional ones (?).');
    }
    const value = given[name];
    if (value === undefined) throw new StatementError('PARAMETERS', `The parameter :${name} has no value.`);
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      throw new StatementError('PARAMETERS', `The parameter :${name} must be a string, a number, a boolean or null.`);
    }
    values[name] = value as ParameterValue;
  }
  return values;
}

import { DatasetError } from './errors.js';
import type { LocalDatasets, ParameterValue } from './local-engine.js';

/** The one table a dataset statement may read. */
export const DATASET_TABLE = 'dataset';

export interface CheckedStatement {
  /** The statement with DuckDB's `$name` markers, for the local copy. */
  local: string;
  /** The statement for the warehouse, `dataset` replaced by the Delta table's (quoted) three-part name. */
  remote(table: string): string;
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

const refuse = (message: string, refused: string) => new DatasetError('STATEMENT_REFUSED', message, { refused });

/**
 * Checks a dataset statement with DuckDB's own parser (`json_serialize_sql`, the parser of the engine the
 * local copy runs on, which also gives every table reference's position): exactly one SELECT whose only
 * table is `dataset` — no DDL or DML, no second statement, no other table, no table function, no file —
 * with every named parameter given a value. Anything else is a `DatasetError` naming what was refused.
 */
export async function checkStatement(
  local: LocalDatasets,
  statement: string,
  given: Record<string, unknown>,
): Promise<CheckedStatement> {
  const duckSql = toDuckMarkers(statement);
  const parsed = (await local.parse(duckSql)) as Parsed;
  if (parsed.error) {
    if (parsed.error_type === 'parser') {
      throw refuse(`The statement does not parse: ${parsed.error_message}`, 'syntax');
    }
    const keyword = /^[\s(]*(\w+)/.exec(statement.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ''))?.[1]?.toUpperCase();
    throw refuse(
      `Only a SELECT can query a dataset; a ${keyword ?? 'non-SELECT'} statement was refused.`,
      keyword ?? 'statement',
    );
  }
  const statements = parsed.statements ?? [];
  if (statements.length !== 1) {
    throw refuse(`Only one statement can query a dataset; ${statements.length} were given.`, 'second statement');
  }
  const nodes = [...walk(statements[0])];
  const cteNames = new Set(nodes.flatMap((node) => node.cte_map?.map?.map((entry) => entry.key.toLowerCase()) ?? []));
  if (cteNames.has(DATASET_TABLE)) {
    throw refuse('A common table expression may not be named "dataset"; choose another name.', 'cte dataset');
  }
  const locations: number[] = [];
  for (const node of nodes) {
    if (node.type === 'TABLE_FUNCTION') {
      const name = node.function?.function_name ?? 'a table function';
      throw refuse(`Only the table "dataset" can be read; the table function ${name}() was refused.`, name);
    }
    if (node.type !== 'BASE_TABLE' || !node.table_name) continue;
    const qualified = [node.catalog_name, node.schema_name, node.table_name].filter(Boolean).join('.');
    const name = node.table_name.toLowerCase();
    if (!node.schema_name && !node.catalog_name && cteNames.has(name)) continue;
    if (qualified.toLowerCase() !== DATASET_TABLE) {
      throw refuse(`Only the table "dataset" can be read; the table "${qualified}" was refused.`, qualified);
    }
    locations.push(node.query_location ?? -1);
  }
  return {
    local: duckSql,
    remote: (table) => spliceTable(statement, locations, table),
    parameters: parameterValues(nodes, given),
  };
}

function* walk(value: unknown): Generator<Node> {
  if (Array.isArray(value)) for (const item of value) yield* walk(item);
  else if (value && typeof value === 'object') {
    yield value as Node;
    for (const inner of Object.values(value)) yield* walk(inner);
  }
}

/** Replaces each reference to `dataset` (at its parser byte offset) with the remote table's name. */
function spliceTable(statement: string, locations: number[], table: string): string {
  const bytes = Buffer.from(statement, 'utf8');
  const reference = /^("dataset"|dataset)/i;
  let out = '';
  let from = 0;
  for (const at of [...new Set(locations)].sort((a, b) => a - b)) {
    const match = reference.exec(bytes.subarray(at, at + 9).toString('utf8'));
    if (!match) throw new Error(`No reference to dataset at byte ${at} of the statement`);
    out += bytes.subarray(from, at).toString('utf8') + table;
    from = at + match[0].length;
  }
  return out + bytes.subarray(from).toString('utf8');
}

/** The values of the statement's named parameters; positional markers and missing or non-scalar values refused. */
function parameterValues(nodes: Node[], given: Record<string, unknown>): Record<string, ParameterValue> {
  const names = new Set(nodes.flatMap((node) => node.named_param_map?.map((entry) => entry.key) ?? []));
  const values: Record<string, ParameterValue> = {};
  for (const name of names) {
    if (/^\d+$/.test(name)) {
      throw new DatasetError('PARAMETERS', 'Use named parameters (:name), not positional ones (?).');
    }
    const value = given[name];
    if (value === undefined) throw new DatasetError('PARAMETERS', `The parameter :${name} has no value.`);
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      throw new DatasetError('PARAMETERS', `The parameter :${name} must be a string, a number, a boolean or null.`);
    }
    values[name] = value as ParameterValue;
  }
  return values;
}

/**
 * The warehouse's Unity Catalog gate in front of each statement: governance statements are answered here,
 * every other statement is checked against the caller's privileges before DuckDB sees it, and what it creates
 * or drops is recorded once it ran.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlParams, SqlResult } from '../contracts.js';
import type { Governance, Securable } from '../governance/store.js';
import type { VolumeStore } from '../volumes/store.js';
import { governanceStatement } from './grant-statements.js';
import { markParameters } from './parameters.js';
import {
  accessOf,
  authorize,
  InsufficientPermissionsError,
  type Namespace,
  type TableReference,
} from './privileges.js';
import { duckCatalogName, sqlLiteral, type TranslateOptions, translateStatement } from './translate.js';

export interface CheckedAccess {
  /** The result of a governance statement, which DuckDB does not run. */
  answered?: SqlResult;
  /** Records the statement's effects (owner of what it created, grants of what it dropped); the namespace after it. */
  settle(): Namespace;
}

/** What the gate reads of the engine: its connection (for the parser and the metastore) and volumes. */
export interface Session {
  connection: DuckDBConnection;
  translateOptions: TranslateOptions;
  volumes?: VolumeStore;
}

const QUERY = /^\s*(\(|select\b|with\b|values\b|from\b|table\b)/i;

export async function checkAccess(
  session: Session,
  governance: Governance,
  principal: string,
  statement: string,
  params: SqlParams,
  namespace: Namespace,
): Promise<CheckedAccess> {
  const exists = (securable: Securable) => securableExists(session, securable);
  const answered = await governanceStatement(statement, { governance, principal, namespace, exists });
  if (answered) return { answered, settle: () => namespace };
  const admin = governance.isAdmin(principal);
  const read = !admin && QUERY.test(statement) ? await queryTables(session, statement, params) : undefined;
  const access = accessOf(statement, namespace, read);
  authorize(governance, principal, access.requirements);
  return {
    settle: () => {
      if (access.creates && !admin && !governance.ownerOf(access.creates))
        governance.setOwner(access.creates, principal);
      if (access.drops) governance.forget(access.drops);
      return access.namespace ?? namespace;
    },
  };
}

/** Table functions a principal may call: Databricks' own, not DuckDB's file readers. */
const PRINCIPAL_TABLE_FUNCTIONS = new Set(['range', 'unnest', 'explode']);

interface ParsedNode {
  type?: string;
  table_name?: string;
  schema_name?: string;
  catalog_name?: string;
  function?: { function_name?: string };
  cte_map?: { map?: { key: string }[] };
}

/**
 * The tables a query reads, from DuckDB's parser; undefined when it does not parse (Databricks-only syntax):
 * the caller then falls back to the names the statement mentions.
 */
async function queryTables(
  session: Session,
  statement: string,
  params: SqlParams,
): Promise<TableReference[] | undefined> {
  const [translated] = translateStatement(statement, session.translateOptions);
  const reader = await session.connection.runAndReadAll(
    `SELECT json_serialize_sql(${sqlLiteral(markParameters(translated, params))})`,
  );
  const parsed = JSON.parse(String(reader.getRowsJS()[0]?.[0] ?? '{}')) as { error?: boolean; statements?: unknown[] };
  if (parsed.error || !parsed.statements) return undefined;
  const nodes = [...walk(parsed.statements)];
  const ctes = new Set(nodes.flatMap((node) => node.cte_map?.map?.map((entry) => entry.key.toLowerCase()) ?? []));
  const tables: TableReference[] = [];
  for (const node of nodes) {
    const fn = node.function?.function_name?.toLowerCase();
    if (node.type === 'TABLE_FUNCTION' && fn && !PRINCIPAL_TABLE_FUNCTIONS.has(fn)) {
      throw new InsufficientPermissionsError(`User does not have EXECUTE on Function '${fn}'.`);
    }
    if (node.type !== 'BASE_TABLE' || !node.table_name) continue;
    if (!node.schema_name && !node.catalog_name && ctes.has(node.table_name.toLowerCase())) continue;
    tables.push({
      catalog: node.catalog_name || undefined,
      schema: node.schema_name || undefined,
      table: node.table_name,
    });
  }
  return tables;
}

function* walk(value: unknown): Generator<ParsedNode> {
  if (Array.isArray(value)) for (const item of value) yield* walk(item);
  else if (value && typeof value === 'object') {
    yield value as ParsedNode;
    for (const inner of Object.values(value)) yield* walk(inner);
  }
}

async function securableExists(session: Session, securable: Securable): Promise<boolean> {
  const [catalog, schema, name] = securable.fullName.split('.');
  if (securable.type === 'volume') return Boolean(session.volumes?.list(catalog, schema).some((v) => v.name === name));
  const db = sqlLiteral(duckCatalogName(catalog));
  const sql = {
    catalog: `SELECT 1 FROM duckdb_databases() WHERE database_name = ${db}`,
    schema: `SELECT 1 FROM duckdb_schemas() WHERE database_name = ${db} AND schema_name = ${sqlLiteral(schema ?? '')}`,
    table: `SELECT 1 FROM duckdb_tables() WHERE database_name = ${db} AND schema_name = ${sqlLiteral(schema ?? '')} AND table_name = ${sqlLiteral(name ?? '')}
            UNION ALL SELECT 1 FROM duckdb_views() WHERE database_name = ${db} AND schema_name = ${sqlLiteral(schema ?? '')} AND view_name = ${sqlLiteral(name ?? '')}`,
  }[securable.type];
  return (await session.connection.runAndReadAll(sql)).getRowsJS().length > 0;
}

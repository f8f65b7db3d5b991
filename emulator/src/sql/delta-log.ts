/**
 * Delta's table history on DuckDB: every committed write to a table of a user catalog becomes a version
 * (0 for the CREATE, then one per write that changed rows), recorded in a commit log with a snapshot of the
 * table as that version left it. `DESCRIBE HISTORY` reads the log; `VERSION AS OF` / `TIMESTAMP AS OF`
 * read a snapshot. Snapshots are whole copies: simple and exactly right, at the cost of space on big tables.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlParams } from '../contracts.js';
import { type Namespace, type QualifiedName, qualify, quoteName, TABLE_NAME, writeTarget } from './table-names.js';
import { SYSTEM_CATALOG_ALIAS, splitSegments, sqlLiteral } from './translate.js';

export const DELTA_LOG_CATALOG = '__delta_log';
const COMMITS = `${DELTA_LOG_CATALOG}.main.commits`;

/** Catalogs whose tables have no history: DuckDB's own, the system tables, the log itself. */
const UNVERSIONED = new Set([SYSTEM_CATALOG_ALIAS, DELTA_LOG_CATALOG, 'memory', 'temp', 'system']);

/** Statements that set up the log, in a file (kept across restarts) or in memory. */
export function deltaLogSetup(file?: string): string[] {
  return [
    `ATTACH IF NOT EXISTS ${file ? sqlLiteral(file) : "':memory:'"} AS ${DELTA_LOG_CATALOG}`,
    `CREATE TABLE IF NOT EXISTS ${COMMITS} (
      catalog VARCHAR, schema VARCHAR, table_name VARCHAR, version BIGINT, ts TIMESTAMP, user_name VARCHAR,
      operation VARCHAR, operation_parameters MAP(VARCHAR, VARCHAR), operation_metrics MAP(VARCHAR, VARCHAR),
      snapshot VARCHAR, PRIMARY KEY (catalog, schema, table_name, version))`,
  ];
}

export class DeltaError extends Error {}

const describeHistory = new RegExp(String.raw`^\s*describe\s+history\s+(${TABLE_NAME})(?:\s+limit\s+(\d+))?\s*$`, 'i');
const timeTravel = new RegExp(
  String.raw`(${TABLE_NAME})\s+(version|timestamp)\s+as\s+of\s+(\d+|:[A-Za-z_]\w*|'(?:[^']|'')*')`,
  'gi',
);
const detachCatalog = /^\s*detach\s+(?:if\s+exists\s+)?("?[\w]+"?)\s*$/i;

/** What the engine runs for one translated statement, and what to do once it has run. */
export interface LoggedStatement {
  sql: string;
  /** Records the version the statement made (given the rows it changed). */
  commit(rowsChanged: number): Promise<void>;
}

export class DeltaLog {
  constructor(
    private readonly connection: DuckDBConnection,
    private readonly user: string,
  ) {}

  async prepare(sql: string, params: SqlParams): Promise<LoggedStatement> {
    const history = describeHistory.exec(sql);
    if (history) {
      const table = qualify(history[1], await this.namespace());
      await this.requireLogged(table);
      return { sql: historyQuery(table, history[2]), commit: async () => {} };
    }
    const detach = detachCatalog.exec(sql);
    if (detach) {
      const catalog = detach[1].replaceAll('"', '');
      return { sql, commit: () => this.forget({ catalog }) };
    }
    const rewritten = await this.rewriteTimeTravel(sql, params);
    const target = writeTarget(rewritten);
    if (!target) return { sql: rewritten, commit: async () => {} };
    const table = qualify(target.name, await this.namespace());
    if (UNVERSIONED.has(table.catalog)) return { sql: rewritten, commit: async () => {} };
    if (target.kind === 'DROP') return { sql: rewritten, commit: () => this.forget(table) };
    const existed = target.kind === 'CREATE' && (await this.exists(table));
    return {
      sql: rewritten,
      commit: async (rowsChanged) => {
        if (target.kind === 'CREATE' ? existed && target.ifNotExists : rowsChanged === 0) return;
        const operation = target.kind === 'CREATE' ? (target.createOperation ?? 'CREATE TABLE') : target.kind;
        await this.record(table, operation, rowsChanged);
      },
    };
  }

  private async record(table: QualifiedName, operation: string, rowsChanged: number) {
    const [[last]] = await this.rows(`SELECT max(version) FROM ${COMMITS} WHERE ${keyFilter(table)}`);
    const version = last === null ? 0 : Number(last) + 1;
    const snapshot = `${table.catalog}.${table.schema}.${table.table}@v${version}`;
    await this.connection.run(
      `CREATE OR REPLACE TABLE ${DELTA_LOG_CATALOG}.main.${quoteIdent(snapshot)} AS SELECT * FROM ${quoteName(table)}`,
    );
    const metrics: Record<string, string> = operation.startsWith('CREATE')
      ? {}
      : { numAffectedRows: String(rowsChanged) };
    await this.connection.run(
      `INSERT INTO ${COMMITS} VALUES (${[table.catalog, table.schema, table.table].map(sqlLiteral).join(', ')},
        ${version}, ${sqlLiteral(new Date().toISOString().replace('T', ' ').replace('Z', ''))}::TIMESTAMP,
        ${sqlLiteral(this.user)}, ${sqlLiteral(operation)}, ${mapLiteral({})}, ${mapLiteral(metrics)}, ${sqlLiteral(snapshot)})`,
    );
  }

  /** Drops the history of a table (DROP TABLE) or of every table of a catalog (DROP CATALOG). */
  private async forget(scope: Partial<QualifiedName> & { catalog: string }) {
    const filter = keyFilter(scope);
    for (const [snapshot] of await this.rows(`SELECT snapshot FROM ${COMMITS} WHERE ${filter}`)) {
      await this.connection.run(`DROP TABLE IF EXISTS ${DELTA_LOG_CATALOG}.main.${quoteIdent(String(snapshot))}`);
    }
    await this.connection.run(`DELETE FROM ${COMMITS} WHERE ${filter}`);
  }

  /** Replaces `t VERSION AS OF n` / `t TIMESTAMP AS OF ts` (outside literals) with the snapshot they name. */
  private async rewriteTimeTravel(sql: string, params: SqlParams): Promise<string> {
    const literals = literalRanges(sql);
    const matches = [...sql.matchAll(timeTravel)].filter(
      (m) => !literals.some(([a, b]) => m.index >= a && m.index < b),
    );
    if (matches.length === 0) return sql;
    const namespace = await this.namespace();
    let out = '';
    let from = 0;
    for (const match of matches) {
      const table = qualify(match[1], namespace);
      const snapshot = await this.snapshotAt(table, match[2].toLowerCase() as 'version' | 'timestamp', value(match[3]));
      out += `${sql.slice(from, match.index)}${DELTA_LOG_CATALOG}.main.${quoteIdent(snapshot)}`;
      from = match.index + match[0].length;
    }
    return out + sql.slice(from);

    function value(raw: string): string {
      if (raw.startsWith(':')) {
        const given = params[raw.slice(1)];
        if (given === undefined || given === null) throw new DeltaError(`No value for parameter ${raw}`);
        return String(given);
      }
      return raw.startsWith("'") ? raw.slice(1, -1).replaceAll("''", "'") : raw;
    }
  }

  private async snapshotAt(table: QualifiedName, by: 'version' | 'timestamp', raw: string): Promise<string> {
    const [range] = await this.requireLogged(table);
    const name = `${table.catalog}.${table.schema}.${table.table}`;
    if (by === 'version') {
      const version = Number(raw);
      if (!Number.isInteger(version) || version < Number(range[0]) || version > Number(range[1])) {
        throw new DeltaError(
          `[DELTA_VERSION_NOT_FOUND] Cannot time travel Delta table ${name} to version ${raw}. Available versions: [${range[0]}, ${range[1]}].`,
        );
      }
      return `${name}@v${version}`;
    }
    const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(raw) ? raw : `${raw.replace(' ', 'T')}Z`);
    if (Number.isNaN(ms)) throw new DeltaError(`[DELTA_TIMESTAMP_INVALID] '${raw}' is not a timestamp.`);
    const at = sqlLiteral(new Date(ms).toISOString().replace('T', ' ').replace('Z', ''));
    const [found] = await this.rows(
      `SELECT snapshot FROM ${COMMITS} WHERE ${keyFilter(table)} AND ts <= ${at}::TIMESTAMP ORDER BY version DESC LIMIT 1`,
    );
    if (!found) {
      throw new DeltaError(
        `[DELTA_TIMESTAMP_EARLIER_THAN_COMMIT_RETENTION] The provided timestamp (${raw}) is before the earliest version available to ${name}.`,
      );
    }
    return String(found[0]);
  }

  /** The table's [first, last] version; a table with no history is not found, as for Delta. */
  private async requireLogged(table: QualifiedName): Promise<unknown[][]> {
    const range = await this.rows(`SELECT min(version), max(version) FROM ${COMMITS} WHERE ${keyFilter(table)}`);
    if (range[0][0] === null) {
      throw new DeltaError(
        `[TABLE_OR_VIEW_NOT_FOUND] The table or view ${table.catalog}.${table.schema}.${table.table} cannot be found.`,
      );
    }
    return range;
  }

  private async exists(table: QualifiedName): Promise<boolean> {
    const found = await this.rows(
      `SELECT 1 FROM duckdb_tables() WHERE database_name = ${sqlLiteral(table.catalog)} AND schema_name = ${sqlLiteral(table.schema)} AND table_name = ${sqlLiteral(table.table)}`,
    );
    return found.length > 0;
  }

  private async namespace(): Promise<Namespace> {
    const [[catalog, schema]] = await this.rows('SELECT current_database(), current_schema()');
    return { catalog: String(catalog), schema: String(schema) };
  }

  private async rows(sql: string): Promise<unknown[][]> {
    return (await this.connection.runAndReadAll(sql)).getRowsJS() as unknown[][];
  }
}

function historyQuery(table: QualifiedName, limit?: string): string {
  return `SELECT version, ts AS "timestamp", user_name AS "userName", operation,
      operation_parameters AS "operationParameters",
      CASE WHEN version > 0 THEN version - 1 END AS "readVersion", 'WriteSerializable' AS "isolationLevel",
      operation = 'WRITE' AS "isBlindAppend", operation_metrics AS "operationMetrics",
      'cop-os-emulator' AS "engineInfo"
    FROM ${COMMITS} WHERE ${keyFilter(table)} ORDER BY version DESC${limit ? ` LIMIT ${Number(limit)}` : ''}`;
}

function keyFilter(scope: Partial<QualifiedName>): string {
  const columns = { catalog: 'catalog', schema: 'schema', table: 'table_name' } as const;
  return (Object.keys(columns) as (keyof QualifiedName)[])
    .filter((key) => scope[key] !== undefined)
    .map((key) => `${columns[key]} = ${sqlLiteral(String(scope[key]))}`)
    .join(' AND ');
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

const mapLiteral = (entries: Record<string, string>) => {
  const list = (items: string[]) => `[${items.map(sqlLiteral).join(', ')}]::VARCHAR[]`;
  return `MAP(${list(Object.keys(entries))}, ${list(Object.values(entries))})`;
};

/** [start, end) offsets of the string literals and comments of a statement (not its quoted identifiers). */
function literalRanges(sql: string): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const segment of splitSegments(sql)) {
    if (!segment.code && !segment.text.startsWith('"')) ranges.push([offset, offset + segment.text.length]);
    offset += segment.text.length;
  }
  return ranges;
}

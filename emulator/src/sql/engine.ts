/**
 * The emulated SQL warehouse: DuckDB, holding Databricks' system tables (generated from a seed, in memory)
 * and the catalogs the api creates (in memory, or one database file each under `dataDir`, so that they
 * survive a restart), speaking enough of Databricks' dialect for the api and the tests, with Delta's table
 * history (see delta-log.ts).
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBResultReader, StatementType } from '@duckdb/node-api';
import { DEFAULT_USER } from '../config.js';
import type { ExecuteOptions, SqlEngine, SqlParams, SqlResult } from '../contracts.js';
import type { Governance } from '../governance/store.js';
import type { VolumeStore } from '../volumes/store.js';
import { DeltaLog, deltaLogSetup } from './delta-log.js';
import { bindParameters, markParameters } from './parameters.js';
import { checkAccess } from './statement-access.js';
import { systemTablesScript } from './system-tables/index.js';
import {
  DEFAULT_SCHEMA,
  MAIN_CATALOG_ALIAS,
  SYSTEM_CATALOG_ALIAS,
  splitStatements,
  sqlLiteral,
  type TranslateOptions,
  translateStatement,
} from './translate.js';
import { databricksTypeName, toPlainValue } from './types.js';
import { volumeStatements } from './volume-statements.js';

/** Databricks' default namespace (`main.default`) for unqualified names. */
const DEFAULT_CATALOG = MAIN_CATALOG_ALIAS;

/** Databricks functions DuckDB lacks or names differently (see the rewrites in translate.ts). */
const dialectMacros = [
  'CREATE OR REPLACE TEMP MACRO dbx_date_sub(d, n) AS CAST(d AS DATE) - CAST(n AS INTEGER)',
  'CREATE OR REPLACE TEMP MACRO dbx_date_add(d, n) AS CAST(d AS DATE) + CAST(n AS INTEGER)',
  'CREATE OR REPLACE TEMP MACRO nvl(a, b) AS coalesce(a, b)',
  'CREATE OR REPLACE TEMP MACRO to_date(s) AS CAST(s AS DATE)',
  'CREATE OR REPLACE TEMP MACRO unix_millis(ts) AS epoch_ms(CAST(ts AS TIMESTAMP))',
];

export async function createSqlEngine(opts: {
  seed: number;
  days?: number;
  workspaceIds: string[];
  /** A directory for the catalogs' database files; without it everything lives in memory. */
  dataDir?: string;
  /** Volumes that `CREATE VOLUME`, `read_files` and `COPY INTO` reach; without them those statements fail. */
  volumes?: VolumeStore;
  /** Unity Catalog privileges: statements run with a principal are checked against them; none without it. */
  governance?: Governance;
}): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const files = opts.dataDir ? catalogFiles(opts.dataDir) : undefined;
  const translateOptions: TranslateOptions = { catalogFile: files?.path };
  const deltaLog = new DeltaLog(connection, DEFAULT_USER);
  const script = [
    `ATTACH ':memory:' AS ${SYSTEM_CATALOG_ALIAS}`,
    ...(files
      ? files.existing().map((name) => `ATTACH IF NOT EXISTS ${sqlLiteral(files.path(name))} AS "${name}"`)
      : []),
    `ATTACH IF NOT EXISTS ${files ? sqlLiteral(files.path(DEFAULT_CATALOG)) : "':memory:'"} AS ${DEFAULT_CATALOG}`,
    `CREATE SCHEMA IF NOT EXISTS ${DEFAULT_CATALOG}.${DEFAULT_SCHEMA}`,
    ...deltaLogSetup(files?.deltaLog),
    ...dialectMacros,
    ...systemTablesScript(SYSTEM_CATALOG_ALIAS, {
      seed: opts.seed,
      days: opts.days ?? 90,
      workspaceIds: opts.workspaceIds,
    }),
  ];
  // One connection, one statement at a time: DuckDB connections are not safe for concurrent use.
  // Generating the system tables takes a second or more, so it runs as the first queued task: the
  // emulator starts serving at once and the first SQL statements wait, like on a warehouse that is starting.
  let closing = false;
  let tail: Promise<unknown> = (async () => {
    for (const sql of script) {
      // Closed while still generating (a start that is cut short): the rest is not needed.
      if (closing) return;
      await connection.run(sql);
    }
  })().catch((error: unknown) => {
    if (!closing) console.error('Generating the system tables failed:', error);
  });
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };

  return {
    // Statements still queued when the engine closes are dropped: nothing will read their results.
    execute: (sql, params = {}, options = {}) =>
      serialized(async () => {
        if (closing) return { columns: [], rows: [] };
        const result = await executeScript(
          { connection, deltaLog, translateOptions, volumes: opts.volumes, governance: opts.governance },
          sql,
          params,
          options,
        );
        // A dropped catalog's file goes with it.
        if (files && /\bdrop\s+catalog\b/i.test(sql)) files.prune(await attachedDatabases(connection));
        return result;
      }),
    close: () => {
      closing = true;
      connection.interrupt();
      return serialized(async () => {
        connection.closeSync();
        instance.closeSync();
      });
    },
  };
}

interface Session {
  connection: DuckDBConnection;
  deltaLog: DeltaLog;
  translateOptions: TranslateOptions;
  volumes?: VolumeStore;
  governance?: Governance;
}

/**
 * Runs every statement of a script in the default namespace; the last statement's result is returned. A
 * write is acknowledged only once its version is in the log. With governance, each statement is first checked
 * against the principal's privileges (GRANT / REVOKE / SHOW GRANTS are answered by governance itself).
 */
async function executeScript(
  session: Session,
  sql: string,
  params: SqlParams,
  { principal = DEFAULT_USER }: ExecuteOptions,
): Promise<SqlResult> {
  const { connection, deltaLog, volumes, governance } = session;
  await connection.run(`USE ${DEFAULT_CATALOG}.${DEFAULT_SCHEMA}`);
  let namespace = { catalog: 'main', schema: DEFAULT_SCHEMA };
  let result: SqlResult = { columns: [], rows: [] };
  for (const original of splitStatements(sql)) {
    const access = governance && (await checkAccess(session, governance, principal, original, params, namespace));
    if (access?.answered) {
      result = access.answered;
      continue;
    }
    const statements = (volumes && volumeStatements(original, volumes)) ?? [original];
    for (const statement of statements.flatMap((s) => translateStatement(s, session.translateOptions))) {
      const logged = await deltaLog.prepare(statement, params);
      const prepared = await connection.prepare(markParameters(logged.sql, params));
      bindParameters(prepared, params);
      const reader = await prepared.runAndReadAll();
      await logged.commit(Number(reader.rowsChanged));
      result = toSqlResult(reader);
    }
    if (access) namespace = access.settle();
  }
  return result;
}

/** The catalogs' database files: `<dataDir>/catalogs/<name>.duckdb`, and the Delta log beside them. */
function catalogFiles(dataDir: string) {
  const dir = join(dataDir, 'catalogs');
  mkdirSync(dir, { recursive: true });
  const suffix = '.duckdb';
  const path = (name: string) => join(dir, `${name}${suffix}`);
  const existing = () =>
    readdirSync(dir)
      .filter((file) => file.endsWith(suffix))
      .map((file) => file.slice(0, -suffix.length));
  return {
    path,
    existing,
    deltaLog: join(dataDir, 'delta-log.duckdb'),
    prune: (attached: Set<string>) => {
      for (const name of existing()) {
        if (!attached.has(name)) for (const file of [path(name), `${path(name)}.wal`]) rmSync(file, { force: true });
      }
    },
  };
}

async function attachedDatabases(connection: DuckDBConnection): Promise<Set<string>> {
  const reader = await connection.runAndReadAll('SELECT database_name FROM duckdb_databases()');
  return new Set(reader.getRowsJS().map(([name]) => String(name)));
}

function toSqlResult(reader: DuckDBResultReader): SqlResult {
  const count = () => BigInt(reader.rowsChanged);
  switch (reader.statementType) {
    case StatementType.INSERT:
      return dmlResult(['num_affected_rows', 'num_inserted_rows'], [count(), count()]);
    case StatementType.UPDATE:
    case StatementType.DELETE:
    case StatementType.MERGE_INTO:
      return dmlResult(['num_affected_rows'], [count()]);
    case StatementType.SELECT:
    case StatementType.EXPLAIN:
    case StatementType.PRAGMA:
    case StatementType.CALL: {
      const types = reader.columnTypes();
      const columns = reader.columnNames().map((name, i) => ({ name, type: databricksTypeName(types[i]) }));
      const rows = reader.getRowsJS().map((row) => row.map((value, i) => toPlainValue(value, types[i])));
      return { columns, rows };
    }
    default:
      return { columns: [], rows: [] };
  }
}

function dmlResult(names: string[], values: bigint[]): SqlResult {
  return { columns: names.map((name) => ({ name, type: 'BIGINT' })), rows: [values] };
}

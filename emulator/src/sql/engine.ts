/**
 * The emulated SQL warehouse: DuckDB in memory, holding Databricks' system tables (generated from a seed)
 * and the catalogs the api creates, speaking enough of Databricks' dialect for the api and the tests.
 */
import { type DuckDBConnection, DuckDBInstance, type DuckDBResultReader, StatementType } from '@duckdb/node-api';
import type { SqlEngine, SqlParams, SqlResult } from '../contracts.js';
import { bindParameters, markParameters } from './parameters.js';
import { systemTablesScript } from './system-tables/index.js';
import {
  DEFAULT_SCHEMA,
  MAIN_CATALOG_ALIAS,
  SYSTEM_CATALOG_ALIAS,
  splitStatements,
  translateStatement,
} from './translate.js';
import { databricksTypeName, toPlainValue } from './types.js';

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
}): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const script = [
    `ATTACH ':memory:' AS ${SYSTEM_CATALOG_ALIAS}`,
    `ATTACH ':memory:' AS ${DEFAULT_CATALOG}`,
    `CREATE SCHEMA ${DEFAULT_CATALOG}.${DEFAULT_SCHEMA}`,
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
    execute: (sql, params = {}) =>
      serialized(async () => (closing ? { columns: [], rows: [] } : executeScript(connection, sql, params))),
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

/** Runs every statement of a script in the default namespace; the last statement's result is returned. */
async function executeScript(connection: DuckDBConnection, sql: string, params: SqlParams): Promise<SqlResult> {
  await connection.run(`USE ${DEFAULT_CATALOG}.${DEFAULT_SCHEMA}`);
  let result: SqlResult = { columns: [], rows: [] };
  for (const statement of splitStatements(sql).flatMap(translateStatement)) {
    const prepared = await connection.prepare(markParameters(statement, params));
    bindParameters(prepared, params);
    result = toSqlResult(await prepared.runAndReadAll());
  }
  return result;
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

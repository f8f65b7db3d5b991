import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBPreparedStatement,
  type DuckDBResultReader,
} from '@duckdb/node-api';
import { LRUCache } from 'lru-cache';
import type { ParameterValue } from '../sql/read-only.js';
import { findCsvProblem } from './csv-intake.js';
import { DatasetError } from './errors.js';

export interface DatasetColumn {
  name: string;
  /** Databricks SQL type name (STRING, BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMP, …). */
  type: string;
}

export interface RowPage {
  columns: string[];
  rows: unknown[][];
  /** More rows existed past the limit. */
  truncated: boolean;
}

export type { ParameterValue };

const DATABRICKS_TYPES: Record<string, string> = {
  VARCHAR: 'STRING',
  BIGINT: 'BIGINT',
  INTEGER: 'INT',
  SMALLINT: 'SMALLINT',
  TINYINT: 'TINYINT',
  HUGEINT: 'DECIMAL(38,0)',
  DOUBLE: 'DOUBLE',
  FLOAT: 'FLOAT',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
  'TIMESTAMP WITH TIME ZONE': 'TIMESTAMP',
  TIME: 'STRING',
};

/** A path of ours as a DuckDB string literal (file paths cannot be parameters of COPY or a view). */
const pathLiteral = (path: string) => `'${path.replaceAll("'", "''")}'`;

/**
 * The local copies of datasets: a folder per dataset under `root` with the uploaded CSV and its Parquet
 * conversion, queried with an in-process DuckDB that can read nothing outside `root` (external access off,
 * configuration locked), so even a statement that slipped past the checker could not reach other files.
 */
const MEMORY_LIMIT = '48MB';
/**
 * Smaller row groups than DuckDB's default (122,880) and a smaller CSV read buffer than its default (32 MiB, still
 * twice the longest line DuckDB reads) keep a conversion's memory ~25 MB (measured on a 77 MB file) at the same speed.
 */
const ROW_GROUP_ROWS = 20_000;
const CSV_BUFFER_BYTES = 4 * 1024 * 1024;

export class LocalDatasets {
  private instance?: Promise<DuckDBInstance>;
  private readonly parses = new LRUCache<string, object>({ max: 256 });

  constructor(readonly root: string) {}

  folder = (id: string) => join(this.root, 'datasets', id);
  csvPath = (id: string) => join(this.folder(id), 'upload.csv');
  parquetPath = (id: string) => join(this.folder(id), 'data.parquet');
  /** Where the multipart parser spools uploads (inside `root`, so a move is a rename). */
  get spoolDir(): string {
    return join(this.root, 'spool');
  }

  async prepareFolder(id: string): Promise<void> {
    await mkdir(this.folder(id), { recursive: true });
  }

  async remove(id: string): Promise<void> {
    await rm(this.folder(id), { recursive: true, force: true });
  }

  /** Converts the uploaded CSV to Parquet with DuckDB's type inference; returns the inferred columns. */
  async convert(id: string): Promise<{ columns: DatasetColumn[]; rowCount: number }> {
    return this.withConnection(async (connection) => {
      let rowCount: number;
      try {
        // RFC 4180 as the intake's parser reads it; strict: a row wider or narrower than the header is refused.
        const copied = await connection.runAndReadAll(
          `COPY (SELECT * FROM read_csv(${pathLiteral(this.csvPath(id))}, header = true, sample_size = 20480, ` +
            `delim = ',', quote = '"', escape = '"', strict_mode = true, buffer_size = ${CSV_BUFFER_BYTES})) TO ${pathLiteral(this.parquetPath(id))} (FORMAT parquet, ROW_GROUP_SIZE ${ROW_GROUP_ROWS})`,
        );
        rowCount = Number(copied.getRowsJS()[0]?.[0] ?? 0);
      } catch (error) {
        // DuckDB's refusal does not always name a line; the strict parser does.
        await findCsvProblem(this.csvPath(id));
        throw new DatasetError('UNREADABLE', `The CSV could not be read: ${(error as Error).message}`);
      }
      if (rowCount === 0)
        throw new DatasetError('EMPTY_FILE', 'Line 2: the file has a header but no rows.', { line: 2 });
      const described = await connection.runAndReadAll(
        `DESCRIBE SELECT * FROM read_parquet(${pathLiteral(this.parquetPath(id))})`,
      );
      const columns = described.getRowObjectsJS().map((row) => ({
        name: String(row.column_name),
        type: DATABRICKS_TYPES[String(row.column_type)] ?? String(row.column_type),
      }));
      return { columns, rowCount };
    });
  }

  /** A page of rows in file order. */
  rows(id: string, offset: number, limit: number): Promise<RowPage> {
    return this.withDatasetView(id, async (connection) => {
      const prepared = await connection.prepare('SELECT * FROM dataset LIMIT $limit OFFSET $offset');
      prepared.bind({ limit: BigInt(limit + 1), offset: BigInt(offset) });
      return page(await prepared.runAndReadAll(), limit);
    });
  }

  /** Runs a checked statement (DuckDB `$name` markers) over the dataset as the table `dataset`. */
  query(id: string, statement: string, parameters: Record<string, ParameterValue>, limit: number): Promise<RowPage> {
    return this.withDatasetView(id, async (connection) => {
      const prepared = await connection.prepare(statement);
      bindNamed(prepared, parameters);
      return page(await prepared.streamAndReadUntil(limit + 1), limit);
    });
  }

  /**
   * DuckDB's parse of a statement as JSON (`json_serialize_sql`); the statement is a parameter, never spliced.
   * A parse depends on the text alone, and an interactive statement repeats with new parameter values: the
   * recent ones are kept, so a repeat costs no trip to DuckDB's threads.
   */
  async parse(statement: string): Promise<unknown> {
    const known = this.parses.get(statement);
    if (known) return known;
    const tree = await this.withConnection(async (connection) => {
      const prepared = await connection.prepare('SELECT json_serialize_sql($statement::VARCHAR) AS tree');
      prepared.bind({ statement });
      const result = await prepared.runAndReadAll();
      return JSON.parse(String(result.getRowsJS()[0]?.[0])) as object;
    });
    this.parses.set(statement, tree);
    return tree;
  }

  async close(): Promise<void> {
    const instance = await this.instance;
    instance?.closeSync();
    this.instance = undefined;
  }

  private withDatasetView<T>(id: string, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.withConnection(async (connection) => {
      await connection.run(
        `CREATE TEMP VIEW dataset AS SELECT * FROM read_parquet(${pathLiteral(this.parquetPath(id))})`,
      );
      return work(connection);
    });
  }

  private async withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await (await this.open()).connect();
    try {
      return await work(connection);
    } finally {
      connection.closeSync();
    }
  }

  private open(): Promise<DuckDBInstance> {
    this.instance ??= (async () => {
      await mkdir(this.root, { recursive: true });
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      await connection.run(`SET allowed_directories = [${pathLiteral(`${this.root}/`)}]`);
      await connection.run('SET enable_external_access = false');
      // DuckDB would take most of the machine's memory for a large conversion; bounded, the api's memory stays
      // within ~100 MB of its idle size during an upload (bench `datasets`), and one core is left to requests.
      await connection.run(`SET memory_limit = '${MEMORY_LIMIT}'`);
      await connection.run('SET threads = 1');
      await connection.run('SET lock_configuration = true');
      connection.closeSync();
      return instance;
    })();
    return this.instance;
  }
}

function page(reader: DuckDBResultReader, limit: number): RowPage {
  const rows = reader.getRowsJS().map((row) => row.map(jsonValue));
  return { columns: reader.columnNames(), rows: rows.slice(0, limit), truncated: rows.length > limit };
}

/** Values as the warehouse path returns them: exact integers as numbers, dates and times as ISO strings. */
export function jsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonValue);
  return value;
}

/** Binds each declared `$name`; whole numbers as BIGINT so they compare with integer columns exactly. */
function bindNamed(prepared: DuckDBPreparedStatement, parameters: Record<string, ParameterValue>): void {
  for (let index = 1; index <= prepared.parameterCount; index++) {
    const value = parameters[prepared.parameterName(index)];
    if (value === null || value === undefined) prepared.bindNull(index);
    else if (typeof value === 'number' && Number.isInteger(value)) prepared.bindBigInt(index, BigInt(value));
    else if (typeof value === 'number') prepared.bindDouble(index, value);
    else if (typeof value === 'boolean') prepared.bindBoolean(index, value);
    else prepared.bindVarchar(index, value);
  }
}

/**
 * Interfaces shared by the emulator's parts, so that each part can be built and
 * tested on its own: the core (server, auth, faults, clock), the SQL engine and
 * the REST services. Every service is a factory `createXService(deps) => Route[]`.
 */

/** Emulated time: epoch milliseconds that advance `speed` times faster than wall time. */
export interface Clock {
  now(): number;
  /** Resolves after `ms` of emulated time. */
  sleep(ms: number): Promise<void>;
  readonly speed: number;
}

export interface SqlColumn {
  name: string;
  /** Databricks SQL type name: STRING, BIGINT, INT, DOUBLE, DECIMAL(38,18), BOOLEAN, DATE, TIMESTAMP, STRUCT<...>, MAP<...>, ARRAY<...> */
  type: string;
}

export interface SqlResult {
  columns: SqlColumn[];
  /** Row-major values: strings, numbers, bigints, booleans, Date (DATE/TIMESTAMP), plain objects (STRUCT/MAP), arrays, null. */
  rows: unknown[][];
}

/** Named parameter values as Databricks receives them (`:name` markers in the SQL). */
export type SqlParams = Record<string, string | number | boolean | null>;

export interface ExecuteOptions {
  /** Who runs the statement (a user name or a service principal's application id). */
  principal?: string;
}

/** The embedded engine behind both SQL paths (Thrift and Statement Execution) and Unity Catalog. */
export interface SqlEngine {
  /**
   * Runs Databricks SQL (three-part names, `system.` catalog, `USING DELTA` accepted). With a `principal`, the
   * statement runs with that principal's Unity Catalog privileges; without one, as the workspace admin (the
   * emulator's own callers: jobs, the Unity Catalog API).
   */
  execute(sql: string, params?: SqlParams, options?: ExecuteOptions): Promise<SqlResult>;
  close(): Promise<void>;
}

import { DBSQLClient, DBSQLLogger, LogLevel } from '@databricks/sql';
import { bulkhead } from 'cockatiel';
import { executeInline, type InlineRows } from './api/statements.js';
import type { CredentialProvider } from './credentials.js';
import { unlessAborted, withDeadline } from './deadline.js';
import { DatabricksError, unavailable } from './errors.js';
import type { DatabricksRestClient } from './rest-client.js';
import type { ConnectorStats } from './stats.js';

export interface SqlClientOptions {
  host: string;
  warehouseId: string;
  credentials: CredentialProvider;
  /** Sessions kept open and statements in flight per warehouse. */
  maxSessions?: number;
  /** Longest a statement may take (waiting for a session included) before it is cancelled. */
  statementTimeoutMs?: number;
  /** Where statements are counted for `/metrics`. */
  stats?: ConnectorStats;
  /**
   * Results as Arrow batches (default, as the driver asks) or, when false, column-based row sets: the driver then
   * hands out DATE and TIMESTAMP values as text.
   */
  arrow?: boolean;
  /** The workspace's REST client, for `queryInline`. */
  rest?: DatabricksRestClient;
}

export interface SqlCallOptions {
  /** Epoch ms after which the caller no longer waits (the request's deadline); the statement is then cancelled. */
  deadline?: number;
  /** The caller gave up (the client went away): the statement is cancelled on the warehouse. */
  signal?: AbortSignal;
}

export type SqlParameterValue = string | number | boolean | Date | null;

export interface SqlQuery {
  sql: string;
  /** Bound as named parameters (`:name` markers): values never enter the SQL text. */
  params?: Record<string, SqlParameterValue>;
  /** Rows returned at most; `truncated` says when more existed. */
  rowLimit?: number;
}

export interface SqlRows<T> {
  rows: T[];
  truncated: boolean;
}

type IDBSQLSession = Awaited<ReturnType<DBSQLClient['openSession']>>;
type IOperation = Awaited<ReturnType<IDBSQLSession['executeStatement']>>;

const DEFAULT_ROW_LIMIT = 10_000;

/**
 * A SQL warehouse through the official `@databricks/sql` driver (Thrift over HTTPS): one driver
 * connection, a small pool of sessions reused across statements, bounded concurrency, and one deadline per
 * statement (its timeout or the caller's deadline, whichever comes first) covering the wait for a session, the
 * execution and the fetch: past it the statement is cancelled and the caller gets a `TIMEOUT`. TLS trust comes from the process (`NODE_EXTRA_CA_CERTS`), as the driver reads no other CA cheaply.
 */
export class DatabricksSqlClient {
  /** Statements sent to the warehouse (used by tests and metrics). */
  statements = 0;
  // The driver logs every connection at info level to stdout; our own logs say what matters.
  private readonly driver = new DBSQLClient({ logger: new DBSQLLogger({ level: LogLevel.error }) });
  private connected?: Promise<unknown>;
  private readonly idle: IDBSQLSession[] = [];
  private readonly limiter;
  private readonly maxSessions: number;
  private readonly statementTimeoutMs: number;

  constructor(private readonly options: SqlClientOptions) {
    this.maxSessions = options.maxSessions ?? 4;
    this.statementTimeoutMs = options.statementTimeoutMs ?? 30_000;
    this.limiter = bulkhead(this.maxSessions, 1_000);
    // The driver emits 'error' on connection problems; without a listener that would crash the process.
    this.driver.on('error', () => {});
    // The driver takes this setting only on its configuration object (connect() has no option for it).
    this.driver.getConfig().arrowEnabled = options.arrow ?? true;
  }

  query<T extends object = Record<string, unknown>>(
    query: SqlQuery,
    { deadline = Number.POSITIVE_INFINITY, signal: caller }: SqlCallOptions = {},
  ): Promise<SqlRows<T>> {
    return withDeadline(Math.min(Date.now() + this.statementTimeoutMs, deadline), 'The SQL warehouse', (expiry) => {
      const signal = caller ? AbortSignal.any([expiry, caller]) : expiry;
      return this.limiter.execute(() => this.inSession<T>(query, signal), signal);
    }).catch((error: unknown) => {
      // Whichever step noticed (the queue, the session, the fetch), a caller who gave up gets their own reason.
      throw caller?.aborted ? caller.reason : error;
    });
  }

  /**
   * A small bounded read through the Statement Execution API on the workspace's REST client: one round trip and
   * no session, where the driver needs several (an interactive point query pays for them at every call). Rows
   * come as arrays in column order; larger reads go through `query`.
   */
  async queryInline(
    { sql, params, rowLimit = DEFAULT_ROW_LIMIT }: SqlQuery,
    { deadline = Number.POSITIVE_INFINITY }: SqlCallOptions = {},
  ): Promise<InlineRows> {
    if (!this.options.rest) throw new DatabricksError('BAD_REQUEST', 'No REST client to reach the warehouse with');
    this.statements++;
    const inline = Object.fromEntries(
      Object.entries(params ?? {}).map(([name, value]) => [name, value instanceof Date ? value.toISOString() : value]),
    );
    try {
      const rows = await executeInline(
        this.options.rest,
        { warehouseId: this.options.warehouseId, sql, params: inline, rowLimit },
        Math.min(Date.now() + this.statementTimeoutMs, deadline),
      );
      this.options.stats?.sqlStatement('ok');
      return rows;
    } catch (error) {
      this.options.stats?.sqlStatement('failed');
      throw error;
    }
  }

  private async inSession<T>(query: SqlQuery, signal: AbortSignal): Promise<SqlRows<T>> {
    const session = await unlessAborted(this.acquire(), signal, (late) => this.release(late, true));
    let healthy = true;
    try {
      const rows = await this.run<T>(session, query, signal);
      this.options.stats?.sqlStatement('ok');
      return rows;
    } catch (error) {
      this.options.stats?.sqlStatement('failed');
      // A session whose statement hung or failed on the wire is not reused.
      healthy = !signal.aborted && !(error instanceof DatabricksError && error.kind !== 'BAD_REQUEST');
      throw error;
    } finally {
      this.release(session, healthy);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.idle.splice(0).map((session) => session.close()));
    await this.driver.close().catch(() => {});
  }

  private async run<T>(
    session: IDBSQLSession,
    { sql, params, rowLimit = DEFAULT_ROW_LIMIT }: SqlQuery,
    signal: AbortSignal,
  ): Promise<SqlRows<T>> {
    this.statements++;
    const operation = await unlessAborted(
      session
        .executeStatement(sql, { namedParameters: params ?? undefined, maxRows: Math.min(rowLimit + 1, 100_000) })
        .catch((error: unknown) => Promise.reject(toDatabricksError(error))),
      signal,
      // Started after the caller gave up: cancel it at once.
      (late) => discard(late, true),
    );
    try {
      const rows = (await unlessAborted(operation.fetchAll({ maxRows: rowLimit + 1 }), signal)) as T[];
      return { rows: rows.slice(0, rowLimit), truncated: rows.length > rowLimit };
    } catch (error) {
      throw toDatabricksError(error);
    } finally {
      discard(operation, signal.aborted);
    }
  }

  private async acquire(): Promise<IDBSQLSession> {
    const reusable = this.idle.pop();
    if (reusable) return reusable;
    try {
      this.connected ??= this.driver.connect({
        host: new URL(this.options.host).hostname,
        port: Number(new URL(this.options.host).port || 443),
        path: `/sql/1.0/warehouses/${this.options.warehouseId}`,
        authType: 'custom',
        provider: { authenticate: async () => ({ Authorization: await this.options.credentials.authorization() }) },
        telemetryEnabled: false,
        // The driver's own waits (a socket, its retries of 429/503) never outlast our deadline by much.
        socketTimeout: this.statementTimeoutMs,
        retriesTimeout: this.statementTimeoutMs,
      } as Parameters<DBSQLClient['connect']>[0]);
      await this.connected;
      return await this.driver.openSession();
    } catch (error) {
      this.connected = undefined;
      throw toDatabricksError(error);
    }
  }

  private release(session: IDBSQLSession, healthy: boolean): void {
    if (healthy && this.idle.length < this.maxSessions) this.idle.push(session);
    else session.close().catch(() => {});
  }
}

/** Closes an operation, cancelling it first when it may still run on the warehouse. */
function discard(operation: IOperation, cancel: boolean): void {
  const cancelled = cancel ? operation.cancel().catch(() => {}) : Promise.resolve();
  void cancelled.then(() => operation.close()).catch(() => {});
}

/** The driver's errors, classified: SQL mistakes are BAD_REQUEST, credentials AUTH, the rest UNAVAILABLE. */
function toDatabricksError(error: unknown): DatabricksError {
  if (error instanceof DatabricksError) return error;
  const err = error as Error & { statusCode?: number; response?: { status?: number } };
  const status = err.statusCode ?? err.response?.status;
  const message = err.message ?? String(error);
  if (err.name === 'AuthenticationError' || status === 401 || status === 403 || /\b40[13]\b/.test(message)) {
    return new DatabricksError('AUTH', message, { status, cause: error });
  }
  // Databricks answers a warehouse id that does not exist (or was deleted) with HTTP 404 on the Thrift path.
  if (status === 404)
    return new DatabricksError('NOT_FOUND', 'The SQL warehouse does not exist', { status, cause: error });
  if (status === 429 || /\b429\b/.test(message))
    return new DatabricksError('RATE_LIMITED', message, { status, cause: error });
  if (err.name === 'OperationStateError' || err.name === 'ParameterError') {
    return new DatabricksError('BAD_REQUEST', message, { cause: error });
  }
  return unavailable(message, error);
}

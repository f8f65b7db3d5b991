import DataLoader from 'dataloader';
import * as catalog from './api/catalog.js';
import * as compute from './api/compute.js';
import * as jobs from './api/jobs.js';
import { type CostQuery, type CostRow, queryCost } from './cost-query.js';
import { withDeadline } from './deadline.js';
import { DatabricksError } from './errors.js';
import { queryFreshness, type TableFreshness } from './freshness-query.js';
import { type JobDay, type OpsMetrics, queryJobsByDay, queryOpsMetrics, queryServingLatencyP95 } from './ops-query.js';
import type { DatabricksRegistry, WorkspaceConnection } from './registry.js';
import type { Remote, RemoteCache } from './remote-cache.js';
import type { DatabricksSqlClient } from './sql-client.js';
import { queryTaskDurations } from './task-duration-query.js';
import { type ActiveUsersKey, queryActiveUsers, queryDailyUsage, type UsageRow } from './usage-query.js';

/** App-wide Databricks collaborators: connections per integration and the cross-request cache. */
export interface DatabricksGateway {
  registry: DatabricksRegistry;
  cache: RemoteCache;
}

const SECOND = 1000;
const TTL = {
  metadata: 60 * SECOND,
  catalog: 5 * 60 * SECOND,
  activeRuns: 3 * SECOND,
  usage: 5 * 60 * SECOND,
  history: 10 * 60 * SECOND,
};

const activeUsersCacheKey = (key: ActiveUsersKey) => `${key.workspaceIds.join(',')}|${key.from}|${key.to}`;

/** Prefix of every cached read made through one connection (integration), to forget them together. */
export const integrationCacheScope = (connectionKey: string) => `${connectionKey}|`;

interface UsageKey {
  workspaceId: string;
  from: string;
  to: string;
}

/**
 * Per-request reads of remote resources: identical reads in one request share one call, usage reads of
 * many workspaces behind one connection share one SQL statement, and everything goes through the
 * cross-request cache (TTL for metadata, forever for finished runs, stale values when Databricks is down).
 */
export class DatabricksReader {
  private readonly memo = new Map<string, Promise<Remote<unknown>>>();
  private readonly usageLoaders = new Map<string, DataLoader<UsageKey, Remote<UsageRow[]>, string>>();
  private readonly activeUserLoaders = new Map<string, DataLoader<ActiveUsersKey, Remote<number>, string>>();

  /**
   * `deadline` (epoch ms) is the request's: no read waits past it. A read still unanswered then ends in a
   * `TIMEOUT` (or serves the last value known, marked stale), and a statement still running is cancelled.
   */
  constructor(
    private readonly gateway: DatabricksGateway,
    private readonly deadline = Number.POSITIVE_INFINITY,
  ) {}

  jobs(conn: WorkspaceConnection) {
    return this.read(conn, 'jobs', TTL.metadata, async () => (await jobs.listJobs(conn.rest)).jobs);
  }

  job(conn: WorkspaceConnection, jobId: number) {
    return this.read(conn, `job:${jobId}`, TTL.metadata, () => jobs.getJob(conn.rest, jobId));
  }

  /** One `runs/list` page (at most 25 runs, Databricks' limit). */
  runs(
    conn: WorkspaceConnection,
    options: { jobId?: number; activeOnly?: boolean; limit?: number; pageToken?: string },
  ) {
    const key = `runs:${options.jobId ?? '*'}:${options.activeOnly ? 'active' : 'all'}:${options.limit ?? 25}:${options.pageToken ?? ''}`;
    return this.read(conn, key, TTL.activeRuns, () => jobs.listRuns(conn.rest, options));
  }

  run(conn: WorkspaceConnection, runId: number) {
    return this.read(conn, `run:${runId}`, TTL.activeRuns, () => jobs.getRun(conn.rest, runId), jobs.isTerminal);
  }

  /** Output of a finished task run; never changes once written. */
  runOutput(conn: WorkspaceConnection, taskRunId: number) {
    return this.read(
      conn,
      `output:${taskRunId}`,
      TTL.activeRuns,
      () => jobs.getRunOutput(conn.rest, taskRunId),
      (output) => Boolean(output.metadata && jobs.isTerminal(output.metadata)),
    );
  }

  catalogs(conn: WorkspaceConnection) {
    return this.read(conn, 'catalogs', TTL.catalog, () => catalog.listCatalogs(conn.rest));
  }

  schemas(conn: WorkspaceConnection, catalogName: string) {
    return this.read(conn, `schemas:${catalogName}`, TTL.catalog, () => catalog.listSchemas(conn.rest, catalogName));
  }

  tables(conn: WorkspaceConnection, catalogName: string, schemaName: string) {
    return this.read(conn, `tables:${catalogName}.${schemaName}`, TTL.catalog, () =>
      catalog.listTables(conn.rest, catalogName, schemaName),
    );
  }

  table(conn: WorkspaceConnection, fullName: string) {
    return this.read(conn, `table:${fullName}`, TTL.catalog, () => catalog.getTable(conn.rest, fullName));
  }

  clusters(conn: WorkspaceConnection) {
    return this.read(conn, 'clusters', TTL.metadata, () => compute.listClusters(conn.rest));
  }

  warehouses(conn: WorkspaceConnection) {
    return this.read(conn, 'warehouses', TTL.metadata, () => compute.listWarehouses(conn.rest));
  }

  servingEndpoints(conn: WorkspaceConnection) {
    return this.read(conn, 'serving', TTL.metadata, () => compute.listServingEndpoints(conn.rest));
  }

  notebooks(conn: WorkspaceConnection, path: string) {
    return this.read(conn, `workspace:${path}`, TTL.metadata, () => compute.listWorkspaceObjects(conn.rest, path));
  }

  /** Median duration per task of a job's recent successful runs (from the system tables; one statement). */
  taskDurations(conn: WorkspaceConnection, key: { workspaceId: string; jobId: number }) {
    const sql = warehouseOf(conn, 'estimate run durations');
    return this.read(conn, `task-durations:${key.workspaceId}:${key.jobId}`, TTL.history, () =>
      queryTaskDurations(sql, key, { deadline: this.deadline }),
    );
  }

  /** Daily usage of one workspace; all workspaces asked for in the same tick share one SQL statement. */
  usage(conn: WorkspaceConnection, key: UsageKey): Promise<Remote<UsageRow[]>> {
    let loader = this.usageLoaders.get(conn.key);
    if (!loader) {
      loader = new DataLoader((keys) => this.loadUsage(conn, keys), {
        cacheKeyFn: (k) => `${k.workspaceId}|${k.from}|${k.to}`,
      });
      this.usageLoaders.set(conn.key, loader);
    }
    return loader.load(key);
  }

  /** DBUs and list-price cost of the connection's workspaces asked for (one statement; cached like usage). */
  cost(conn: WorkspaceConnection, query: CostQuery): Promise<Remote<CostRow[]>> {
    const sql = warehouseOf(conn, 'read cost');
    return this.read(conn, `cost:${JSON.stringify(query)}`, TTL.usage, () =>
      queryCost(sql, query, { deadline: this.deadline }),
    );
  }

  /** Job, warehouse and serving figures of the connection's workspaces asked for (one statement). */
  opsMetrics(conn: WorkspaceConnection, query: { workspaceIds: string[]; from: string; to: string }) {
    const sql = warehouseOf(conn, 'read operational metrics');
    return this.read<OpsMetrics>(conn, `ops:${JSON.stringify(query)}`, TTL.usage, () =>
      queryOpsMetrics(sql, query, { deadline: this.deadline }),
    );
  }

  /** Serving latency p95 of the connection's workspaces asked for (one statement). */
  servingLatencyP95(conn: WorkspaceConnection, query: { workspaceIds: string[]; from: string; to: string }) {
    const sql = warehouseOf(conn, 'read serving latency');
    return this.read<number | null>(conn, `serving-p95:${JSON.stringify(query)}`, TTL.usage, () =>
      queryServingLatencyP95(sql, query, { deadline: this.deadline }),
    );
  }

  /** Job runs per day of the connection's workspaces asked for (one statement). */
  jobsByDay(conn: WorkspaceConnection, query: { workspaceIds: string[]; from: string; to: string }) {
    const sql = warehouseOf(conn, 'read job runs per day');
    return this.read<JobDay[]>(conn, `jobs-by-day:${JSON.stringify(query)}`, TTL.usage, () =>
      queryJobsByDay(sql, query, { deadline: this.deadline }),
    );
  }

  /** When each table of a catalog was last written (one statement; cached like metadata). */
  freshness(conn: WorkspaceConnection, catalog: string) {
    const sql = warehouseOf(conn, 'read table freshness');
    return this.read<TableFreshness[]>(conn, `freshness:${catalog}`, TTL.metadata, () =>
      queryFreshness(sql, catalog, { deadline: this.deadline }),
    );
  }

  /** Distinct active users of workspaces behind one connection; all sets asked for in one tick share one statement. */
  activeUsers(conn: WorkspaceConnection, key: ActiveUsersKey): Promise<Remote<number>> {
    let loader = this.activeUserLoaders.get(conn.key);
    if (!loader) {
      loader = new DataLoader((keys) => this.loadActiveUsers(conn, keys), { cacheKeyFn: activeUsersCacheKey });
      this.activeUserLoaders.set(conn.key, loader);
    }
    return loader.load({ ...key, workspaceIds: [...new Set(key.workspaceIds)].sort() });
  }

  private async loadActiveUsers(conn: WorkspaceConnection, keys: readonly ActiveUsersKey[]) {
    const sql = warehouseOf(conn, 'read active users');
    const all = await this.read(conn, `active-users:${keys.map(activeUsersCacheKey).join(';')}`, TTL.usage, () =>
      queryActiveUsers(sql, keys, { deadline: this.deadline }),
    );
    return keys.map((_key, index) => ({ ...all, value: all.value[index] ?? 0 }));
  }

  private async loadUsage(conn: WorkspaceConnection, keys: readonly UsageKey[]): Promise<Remote<UsageRow[]>[]> {
    const sql = warehouseOf(conn, 'read usage');
    // One statement over the union of workspaces and the widest date range asked for.
    const workspaceIds = [...new Set(keys.map((k) => k.workspaceId))].sort();
    const from = keys.map((k) => k.from).sort()[0]!;
    const to = keys
      .map((k) => k.to)
      .sort()
      .at(-1)!;
    const all = await this.read(conn, `usage:${workspaceIds.join(',')}:${from}:${to}`, TTL.usage, () =>
      queryDailyUsage(sql, workspaceIds, from, to, { deadline: this.deadline }),
    );
    return keys.map((k) => ({
      ...all,
      value: all.value.filter((row) => row.workspaceId === k.workspaceId && row.date >= k.from && row.date <= k.to),
    }));
  }

  private read<T>(
    conn: WorkspaceConnection,
    key: string,
    ttlMs: number,
    load: () => Promise<T>,
    keepForever?: (value: T) => boolean,
  ): Promise<Remote<T>> {
    const cacheKey = `${integrationCacheScope(conn.key)}${key}`;
    let pending = this.memo.get(cacheKey) as Promise<Remote<T>> | undefined;
    if (!pending) {
      const cache = this.gateway.cache;
      pending = withDeadline(this.deadline, 'Databricks', () => cache.read(cacheKey, ttlMs, load, keepForever)).catch(
        (error: unknown) => {
          const last = error instanceof DatabricksError && error.kind === 'TIMEOUT' && cache.lastKnown<T>(cacheKey);
          if (last) return last;
          throw error;
        },
      );
      this.memo.set(cacheKey, pending);
    }
    return pending;
  }
}

/** The connection's SQL warehouse; reading system tables needs one. */
function warehouseOf(conn: WorkspaceConnection, what: string): DatabricksSqlClient {
  if (conn.sql) return conn.sql;
  throw new DatabricksError('BAD_REQUEST', `The integration has no SQL warehouse: set its warehouseId to ${what}.`);
}

import type { Logger } from 'pino';
import { AlertEvaluator } from './alerts/evaluator.js';
import { SessionTokens } from './auth/jwt.js';
import { SecretBox } from './auth/secret-box.js';
import { SignInThrottle, type SignInThrottleOptions } from './auth/sign-in-throttle.js';
import { ViewerCache, type ViewerCacheOptions } from './auth/viewer-cache.js';
import type { Config } from './config.js';
import { createDatabricksGateway } from './databricks/gateway.js';
import type { DatabricksGateway } from './databricks/reader.js';
import type { RegistryOptions } from './databricks/registry.js';
import { ConnectorStats } from './databricks/stats.js';
import { LocalDatasets } from './datasets/local-engine.js';
import { datasetSyncHandler } from './datasets/sync-handler.js';
import { createPrisma, type PrismaClient, type PrismaOptions } from './db/prisma.js';
import { createIntegrationChangeFeed, type IntegrationChangeFeed } from './integrations/change-feed.js';
import { notebookSyncHandler } from './notebooks/sync-handler.js';
import { NotificationWorker, type NotificationWorkerOptions } from './notifications/worker.js';
import { createMetricsRegistry, type GatewayMetrics } from './observability/metrics.js';
import { OperationMetrics } from './observability/operation-metrics.js';
import { pipelineSyncHandler } from './pipelines/sync-handler.js';
import type { LeasedLoopOptions } from './runs/leased-loop.js';
import { createRunRuntime, type RunRuntime } from './runs/runtime.js';
import type { RunWatcherOptions } from './runs/watcher.js';
import { SqlQueryCache } from './sql-query/service.js';
import { type ReconcilerOptions, SyncReconciler } from './sync/reconciler.js';

/** Long-lived collaborators, built once per process and shared by every request. */
export interface AppDeps {
  config: Config;
  prisma: PrismaClient;
  log: Logger;
  sessions: SessionTokens;
  /** Viewers behind recently seen tokens; `invalidate(userId)` after changing a user's role, tenant or existence. */
  viewers: ViewerCache;
  secretBox: SecretBox;
  /** Connections per integration and the cross-request cache of remote reads. */
  databricksGateway: DatabricksGateway;
  /** Pub/sub and the run watcher. */
  runs: RunRuntime;
  /** Tells every instance an integration changed, so none serves what it read with the old settings. */
  integrationChanges: IntegrationChangeFeed;
  /** Failed sign-ins per account and per client address (Redis when REDIS_URL is set). */
  signInThrottle: SignInThrottle;
  /** Local copies of datasets (Parquet, DuckDB). */
  datasets: LocalDatasets;
  /** Converges owned resources (datasets, …) with Databricks; `start()` it where the process should sync. */
  sync: SyncReconciler;
  /** Posts the outbox of Slack and Teams notifications (started by `main.ts`; `wake()` after writing one). */
  notifications: NotificationWorker;
  /** What `/metrics` serves (GraphQL operations, the connector, the watcher, the process). */
  metrics: GatewayMetrics;
  /** Evaluates the customers' alert rules (started by `main.ts`). */
  alerts: AlertEvaluator;
  /** Recent `sqlQuery` results (SQL_QUERY_CACHE_TTL_SECONDS). */
  sqlQueryCache: SqlQueryCache;
}

export interface AppDepsOptions extends PrismaOptions {
  log: Logger;
  databricks?: RegistryOptions & { now?: () => number };
  watcher?: Partial<RunWatcherOptions>;
  signInThrottle?: Partial<SignInThrottleOptions>;
  viewers?: ViewerCacheOptions;
  sync?: Partial<ReconcilerOptions>;
  notifications?: Partial<NotificationWorkerOptions>;
  alerts?: Partial<Omit<LeasedLoopOptions, 'leaseKey'>>;
}

/** Builds the process-wide collaborators (the api process and the tests build them the same way). */
export function createAppDeps(config: Config, options: AppDepsOptions): AppDeps {
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const prisma = createPrisma(config.DATABASE_URL, options);
  const secretBox = new SecretBox(config.SECRETS_KEY);
  const connectorStats = new ConnectorStats();
  // A self-signed workspace (the emulator) is trusted through NODE_EXTRA_CA_CERTS, which `npm start` sets.
  const databricksGateway = createDatabricksGateway(secretBox, {
    deadlineMs: config.DATABRICKS_CALL_TIMEOUT_MS,
    statementTimeoutMs: config.SQL_STATEMENT_TIMEOUT_MS,
    stats: connectorStats,
    ...options.databricks,
  });
  const runs = createRunRuntime(
    { prisma, registry: databricksGateway.registry, log: options.log },
    {
      redisUrl: config.REDIS_URL,
      redisChannelPrefix: config.REDIS_CHANNEL_PREFIX,
      activeIntervalMs: config.RUN_WATCH_INTERVAL_MS,
      idleIntervalMs: config.RUN_WATCH_IDLE_INTERVAL_MS,
      leaseTtlMs: config.RUN_WATCH_LEASE_TTL_MS,
      ...options.watcher,
    },
  );
  const datasets = new LocalDatasets(config.DATASETS_DIR);
  const backoff = { baseMs: config.SYNC_RETRY_BASE_MS, maxMs: config.SYNC_RETRY_MAX_MS };
  const sync = new SyncReconciler(
    {
      prisma,
      log: options.log,
      handlers: [
        datasetSyncHandler({
          prisma,
          registry: databricksGateway.registry,
          local: datasets,
          backoff,
          uploadTimeoutMs: Math.max(config.DATABRICKS_CALL_TIMEOUT_MS, 300_000),
        }),
        pipelineSyncHandler({ prisma, registry: databricksGateway.registry, backoff }),
        notebookSyncHandler({ prisma, registry: databricksGateway.registry, backoff }),
      ],
    },
    {
      // Its own lease holder, so stopping it never releases the run watcher's leases.
      instanceId: `${runs.instanceId}:sync`,
      intervalMs: config.SYNC_INTERVAL_MS,
      leaseTtlMs: config.SYNC_LEASE_TTL_MS,
      ...options.sync,
    },
  );
  const notifications = new NotificationWorker(
    { prisma, secretBox, log: options.log },
    { intervalMs: config.NOTIFY_INTERVAL_MS, appUrl: config.APP_URL, ...options.notifications },
  );
  const alerts = new AlertEvaluator(
    {
      prisma,
      log: options.log,
      registry: databricksGateway.registry,
      pubsub: runs.pubsub,
      onNotice: () => notifications.wake(),
    },
    {
      instanceId: `${runs.instanceId}:alerts`,
      intervalMs: config.ALERT_EVAL_INTERVAL_MS,
      leaseTtlMs: config.ALERT_LEASE_TTL_MS,
      ...options.alerts,
    },
  );
  const viewers = new ViewerCache(runs.pubsub, options.viewers);
  viewers.listen((error) =>
    options.log.error({ err: error }, 'viewer invalidations stopped; cached viewers expire by age'),
  );
  return {
    config,
    prisma,
    log: options.log,
    sessions: new SessionTokens(config.JWT_SECRET, config.JWT_TTL),
    viewers,
    secretBox,
    databricksGateway,
    runs,
    integrationChanges: createIntegrationChangeFeed(runs.pubsub, databricksGateway.cache, options.log),
    signInThrottle: new SignInThrottle(config.REDIS_URL, options.log, {
      keyPrefix: config.REDIS_CHANNEL_PREFIX,
      ...options.signInThrottle,
    }),
    datasets,
    sync,
    sqlQueryCache: new SqlQueryCache(config.SQL_QUERY_CACHE_TTL_SECONDS),
    notifications,
    alerts,
    metrics: {
      registry: createMetricsRegistry({
        connector: connectorStats,
        registry: databricksGateway.registry,
        watcher: runs.watcher,
        reconciler: sync,
      }),
      operations: new OperationMetrics(),
    },
  };
}

/** Stops the watcher and the notification worker and closes every connection (Databricks pools, Redis, Postgres). */
export async function closeAppDeps(deps: AppDeps): Promise<void> {
  await deps.sync.stop();
  await deps.alerts.stop();
  await deps.notifications.stop();
  await deps.viewers.close();
  await deps.integrationChanges.close();
  await deps.runs.close();
  await deps.signInThrottle.close();
  await deps.databricksGateway.registry.close();
  await deps.datasets.close();
  await deps.prisma.$disconnect();
}

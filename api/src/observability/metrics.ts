import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { DatabricksRegistry } from '../databricks/registry.js';
import type { ConnectorStats } from '../databricks/stats.js';
import type { RunWatcher } from '../runs/watcher.js';
import type { SyncReconciler } from '../sync/reconciler.js';
import type { OperationMetrics } from './operation-metrics.js';

/** What the process-wide figures are read from when Prometheus scrapes. */
export interface MetricSources {
  connector: ConnectorStats;
  registry: DatabricksRegistry;
  watcher: RunWatcher;
  reconciler: Pick<SyncReconciler, 'stats'>;
}

/**
 * The api's Prometheus registry: Node's process figures, the Databricks connector's traffic and breakers, and
 * the run watcher and the sync reconciler. GraphQL operations are added by `useGraphqlMetrics` (histograms) and `OperationMetrics`. A registry per app (not prom-client's
 * global one), so several apps in one process (tests) never share figures. Everything here is read at scrape
 * time from numbers the components keep anyway: recording costs the hot path nothing.
 */
export function createMetricsRegistry({
  connector,
  registry: connections,
  watcher,
  reconciler,
}: MetricSources): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const counter = (metric: ScrapedMetric) => scraped(registry, Counter, metric);
  const gauge = (metric: ScrapedMetric) => scraped(registry, Gauge, metric);
  const { stats } = watcher;

  counter({
    name: 'copos_databricks_rest_attempts_total',
    help: 'Databricks REST attempts (each retry counts) by outcome: 2xx, 3xx, 4xx, 5xx, timeout, network.',
    label: 'outcome',
    read: () => connector.restAttempts,
  });
  counter({
    name: 'copos_databricks_retries_total',
    help: 'Databricks REST calls retried.',
    read: () => [['', connector.retries]],
  });
  counter({
    name: 'copos_databricks_circuit_breaks_total',
    help: 'Times a workspace circuit breaker opened.',
    read: () => [['', connector.circuitBreaks]],
  });
  gauge({
    name: 'copos_databricks_circuit_open',
    help: '1 while the workspace circuit breaker is open (calls paused), else 0.',
    label: 'workspace',
    read: () => connections.circuitStates().map(({ host, state }) => [host, state === 'open' ? 1 : 0]),
  });
  counter({
    name: 'copos_databricks_sql_statements_total',
    help: 'SQL warehouse statements by outcome: ok, failed.',
    label: 'outcome',
    read: () => connector.sqlStatements,
  });
  counter({
    name: 'copos_run_watcher_ticks_total',
    help: 'Run watcher passes over the active runs, by outcome: ok, failed.',
    label: 'outcome',
    read: () => [
      ['ok', stats.ticks - stats.failedTicks],
      ['failed', stats.failedTicks],
    ],
  });
  gauge({
    name: 'copos_run_watcher_followed_runs',
    help: 'Active runs the last watcher pass followed.',
    read: () => [['', stats.followedRuns]],
  });
  gauge({
    name: 'copos_run_watcher_last_tick_seconds',
    help: 'How long the last watcher pass took.',
    read: () => [['', stats.lastTickSeconds]],
  });
  counter({
    name: 'copos_sync_reconciler_passes_total',
    help: 'Sync reconciler passes this instance ran while holding the lease.',
    read: () => [['', reconciler.stats.passes]],
  });
  counter({
    name: 'copos_sync_attempts_total',
    help: 'Owned resources the reconciler brought in line with Databricks (or tried to), by kind.',
    label: 'kind',
    read: () => reconciler.stats.attempts,
  });
  counter({
    name: 'copos_sync_unrecorded_total',
    help: 'Sync outcomes the reconciler could not record (PostgreSQL unreachable); retried on a later pass.',
    read: () => [['', reconciler.stats.unrecorded]],
  });
  return registry;
}

type Readings = () => Iterable<readonly [string, number]>;

interface ScrapedMetric {
  name: string;
  help: string;
  /** The one label the readings are keyed by; none when a reading's key is ''. */
  label?: string;
  read: Readings;
}

/**
 * A counter or gauge whose values are read when scraped (reset, then set from the readings: the source keeps
 * the running totals).
 */
function scraped(registry: Registry, kind: typeof Counter | typeof Gauge, { name, help, label, read }: ScrapedMetric) {
  const Metric = kind as typeof Gauge;
  new Metric({
    name,
    help,
    labelNames: label ? [label] : [],
    registers: [registry],
    collect() {
      this.reset();
      for (const [key, value] of read()) label ? this.inc({ [label]: key }, value) : this.inc(value);
    },
  });
}

/** Everything `/metrics` serves: the registry and the per-operation figures rendered next to it. */
export interface GatewayMetrics {
  registry: Registry;
  operations: OperationMetrics;
}

export async function renderMetrics(metrics: GatewayMetrics): Promise<string> {
  return (await metrics.registry.metrics()) + metrics.operations.render();
}

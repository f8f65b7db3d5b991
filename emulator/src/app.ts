/**
 * Builds the whole emulator: one or more workspaces, each with its scenario, clock, SQL engine, every service,
 * and the HTTPS core that serves them (REST routes plus the Thrift endpoint) on a port of its own.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createClock } from './clock.js';
import { DEFAULT_USER, type EmulatorConfig, loadConfig } from './config.js';
import type { FaultInjector } from './faults/injector.js';
import type { FaultRule } from './faults/rules.js';
import type { CallStats } from './faults/stats.js';
import { Governance } from './governance/store.js';
import { startCoreServer } from './http/core-server.js';
import type { TlsMaterial } from './http/tls.js';
import type { Route } from './http/types.js';
import { QueryStore } from './queries/store.js';
import { loadScenario } from './scenario/load.js';
import { createScenarioAdminRoutes } from './scenario/routes.js';
import type { Scenario, ScenarioOverrides } from './scenario/types.js';
import { clusterState, createClustersService } from './services/clusters.js';
import { createFilesService } from './services/files.js';
import { createJobsService } from './services/jobs.js';
import { createPermissionsService } from './services/permissions.js';
import { createScimService } from './services/scim.js';
import { createServingService } from './services/serving.js';
import { createSqlQueriesService } from './services/sql-queries.js';
import { createSqlStatementsService } from './services/sql-statements.js';
import { createUnityCatalogService } from './services/unity-catalog.js';
import { createVectorSearchService } from './services/vector-search.js';
import { createVolumesService } from './services/volumes.js';
import { createWarehousesService, WAREHOUSE_ID } from './services/warehouses.js';
import { createWorkspaceService, createWorkspaceStore } from './services/workspace.js';
import { createSqlEngine } from './sql/engine.js';
import { createThriftHandler } from './thrift/server.js';
import { createVolumeStore } from './volumes/store.js';

export interface StartEmulatorOptions extends Partial<EmulatorConfig> {
  /** Fault rules active from the start, after the scenario's own. */
  faults?: FaultRule[];
  /** Changes to the scenario (built-in or `scenarioFile`). */
  scenario?: ScenarioOverrides;
  /** Do not print the connection settings. */
  quiet?: boolean;
}

/** One emulated workspace: its own URL, SQL data, jobs and runs. */
export interface EmulatedWorkspace {
  workspaceId: string;
  url: string;
  port: number;
  faults: FaultInjector;
  stats: CallStats;
}

export interface RunningEmulator {
  /** The first workspace's URL (the scenario's workspace). */
  url: string;
  port: number;
  workspaceId: string;
  /** Every workspace served, the first one first; they share the certificate and the tokens. */
  workspaces: EmulatedWorkspace[];
  /** The default personal access token. */
  token: string;
  /** Where the certificate's PEM was written (for `NODE_EXTRA_CA_CERTS`). */
  caFile: string;
  caPem: string;
  faults: FaultInjector;
  stats: CallStats;
  close(): Promise<void>;
}

/** Starts the emulator; settings not given come from the environment (see README.md). */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { faults, scenario: overrides, quiet, ...given } = options;
  const explicit = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  const config: EmulatorConfig = { ...loadConfig(), ...explicit };
  const scenario = await loadScenario(config.scenarioFile, overrides);
  const first = await startWorkspace(config, scenario, {
    port: config.port,
    workspaceIds: [...new Set([scenario.workspaceId, ...config.workspaceIds])],
    faults: faults ?? [],
  });
  const started = [first];
  try {
    for (const extra of config.extraWorkspaces) {
      started.push(
        await startWorkspace(
          config,
          { ...scenario, workspaceId: extra.workspaceId },
          { port: extra.port, workspaceIds: [extra.workspaceId], faults: faults ?? [], tls: first.tls },
        ),
      );
    }
  } catch (error) {
    await Promise.allSettled(started.map((workspace) => workspace.close()));
    throw error;
  }
  await mkdir(dirname(config.caFile), { recursive: true });
  await writeFile(config.caFile, first.caPem);
  if (!quiet) {
    console.log(
      [
        `Databricks emulator listening on ${first.url} (CA certificate: ${config.caFile})`,
        ...started.slice(1).map((w) => `  workspace ${w.workspaceId} on ${w.url}`),
        `DATABRICKS_HOST=${first.url}`,
        `DATABRICKS_TOKEN=${first.token}`,
        `NODE_EXTRA_CA_CERTS=${config.caFile}`,
      ].join('\n'),
    );
  }
  const describe = ({ workspaceId, url, port, faults, stats }: StartedWorkspace): EmulatedWorkspace => ({
    workspaceId,
    url,
    port,
    faults,
    stats,
  });
  return {
    ...describe(first),
    workspaces: started.map(describe),
    token: first.token,
    caFile: config.caFile,
    caPem: first.caPem,
    close: async () => {
      await Promise.all(started.map((workspace) => workspace.close()));
    },
  };
}

interface StartedWorkspace extends EmulatedWorkspace {
  token: string;
  caPem: string;
  tls: TlsMaterial;
  close(): Promise<void>;
}

/** One workspace: scenario, clock, SQL engine, every service, and the HTTPS core serving them on one port. */
async function startWorkspace(
  config: EmulatorConfig,
  scenario: Scenario,
  at: { port: number; workspaceIds: string[]; faults: FaultRule[]; tls?: TlsMaterial },
): Promise<StartedWorkspace> {
  const clock = createClock(config.speed);
  const volumes = await createVolumeStore();
  const dataDir = config.dataDir && join(config.dataDir, scenario.workspaceId);
  // The default PAT's user and the configured OAuth client are the workspace's admins (metastore owners).
  const governance = new Governance({
    admins: [DEFAULT_USER, config.clientId],
    file: dataDir && join(dataDir, 'governance.json'),
  });
  const engine = await createSqlEngine({
    seed: config.seed,
    workspaceIds: at.workspaceIds,
    dataDir,
    volumes,
    governance,
  });
  const workspace = createWorkspaceStore();
  const queries = new QueryStore(clock.now);
  const lifetime = new AbortController();
  let url = '';

  const routes: Route[] = [
    ...createJobsService({
      clock,
      workspace,
      sql: engine,
      queries,
      scenario,
      seed: config.seed,
      host: () => url,
      lifetime: lifetime.signal,
      clusterState,
    }),
    ...createWorkspaceService({ store: workspace }),
    ...createSqlStatementsService({ engine, clock }),
    ...createWarehousesService({ serverless: scenario.serverlessCompute }),
    ...createUnityCatalogService({ engine, governance }),
    ...createPermissionsService({ engine }),
    ...createVolumesService({ volumes }),
    ...createSqlQueriesService({ queries }),
    ...createServingService(),
    ...createVectorSearchService(),
    ...createClustersService(),
    ...createScimService(governance),
  ];
  const server = await startCoreServer({
    settings: { ...config, port: at.port },
    routes,
    rawRoutes: [
      {
        method: 'POST',
        path: '/sql/1.0/warehouses/:id',
        handler: createThriftHandler(engine, (id) => id === WAREHOUSE_ID),
      },
      ...createFilesService({ volumes }),
    ],
    adminRoutes: createScenarioAdminRoutes(scenario),
    faults: [...scenario.faults, ...at.faults],
    tls: at.tls,
    issuedTokens: (token) => governance.principalOfToken(token),
  }).catch(async (error: unknown) => {
    await engine.close();
    throw error;
  });
  url = server.url;
  return {
    workspaceId: scenario.workspaceId,
    url: server.url,
    port: server.port,
    token: server.token,
    caPem: server.caPem,
    tls: server.tls,
    faults: server.faults,
    stats: server.stats,
    close: async () => {
      lifetime.abort();
      await server.close();
      await engine.close();
      await volumes.close();
    },
  };
}

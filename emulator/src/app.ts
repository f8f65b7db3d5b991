/**
 * Builds the whole emulator: scenario, clock, SQL engine, every service, and the HTTPS core that serves them
 * (REST routes plus the Thrift endpoint) on one port.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createClock } from './clock.js';
import { type EmulatorConfig, loadConfig } from './config.js';
import type { FaultInjector } from './faults/injector.js';
import type { FaultRule } from './faults/rules.js';
import type { CallStats } from './faults/stats.js';
import { startCoreServer } from './http/core-server.js';
import type { Route } from './http/types.js';
import { loadScenario } from './scenario/load.js';
import { createScenarioAdminRoutes } from './scenario/routes.js';
import type { ScenarioOverrides } from './scenario/types.js';
import { clusterState, createClustersService } from './services/clusters.js';
import { createFilesService } from './services/files.js';
import { createJobsService } from './services/jobs.js';
import { createScimService } from './services/scim.js';
import { createServingService } from './services/serving.js';
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

export interface RunningEmulator {
  url: string;
  port: number;
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
  const clock = createClock(config.speed);
  const volumes = await createVolumeStore();
  const engine = await createSqlEngine({
    seed: config.seed,
    workspaceIds: [...new Set([scenario.workspaceId, ...config.workspaceIds])],
    volumes,
  });
  const workspace = createWorkspaceStore();
  const lifetime = new AbortController();
  let url = '';

  const routes: Route[] = [
    ...createJobsService({
      clock,
      workspace,
      sql: engine,
      scenario,
      seed: config.seed,
      host: () => url,
      lifetime: lifetime.signal,
      clusterState,
    }),
    ...createWorkspaceService({ store: workspace }),
    ...createSqlStatementsService({ engine, clock }),
    ...createWarehousesService({ serverless: scenario.serverlessCompute }),
    ...createUnityCatalogService({ engine }),
    ...createVolumesService({ volumes }),
    ...createServingService(),
    ...createVectorSearchService(),
    ...createClustersService(),
    ...createScimService(),
  ];
  const server = await startCoreServer({
    settings: config,
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
    faults: [...scenario.faults, ...(faults ?? [])],
  });
  url = server.url;
  await mkdir(dirname(config.caFile), { recursive: true });
  await writeFile(config.caFile, server.caPem);
  if (!quiet) {
    console.log(
      [
        `Databricks emulator listening on ${server.url} (CA certificate: ${config.caFile})`,
        `DATABRICKS_HOST=${server.url}`,
        `DATABRICKS_TOKEN=${server.token}`,
        `NODE_EXTRA_CA_CERTS=${config.caFile}`,
      ].join('\n'),
    );
  }
  return {
    url: server.url,
    port: server.port,
    token: server.token,
    caFile: config.caFile,
    caPem: server.caPem,
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

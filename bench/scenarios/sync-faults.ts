import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTenantGateway, type TenantGateway } from '../lib/tenant-gateway.js';
import type { Scenario } from './scenario.js';

const WORKERS = fileURLToPath(new URL('../workers/', import.meta.url));
const CONVERGE_GOAL_S = 30;
const STATUS = `query($id: ID!) { node(id: $id) { ... on Customer { databricksStatus {
  catalog resources {
    datasets { total inDatabricks failing } notebooks { total inDatabricks failing } pipelines { total inDatabricks failing }
  }
} } } }`;
const WORKSPACES = `query($id: ID!) { node(id: $id) { ... on Customer { workspaces { id } } } }`;
const CREATE_NOTEBOOK = `mutation($input: CreateNotebookInput!) { createNotebook(input: $input) { id } }`;
const CREATE_PIPELINE = `mutation($input: CreatePipelineInput!) { createPipeline(input: $input) { id } }`;

/** One kind of owned resource the fault test creates, and how its copies are counted on the Databricks side. */
interface Kind {
  name: 'datasets' | 'notebooks' | 'pipelines';
  count: number;
  create(bench: TenantGateway, index: number, dir: string): Promise<void>;
}

const KINDS: Kind[] = [
  {
    name: 'datasets',
    count: 20,
    async create(bench, index, dir) {
      const path = join(dir, `claims-${index}.csv`);
      await writeFile(path, `claim_id,amount\n${index},${index * 10}.5\n${index + 1000},42\n`);
      await bench.uploadCsv(path, `claims ${index}`);
    },
  },
  {
    name: 'notebooks',
    count: 20,
    async create(bench, index) {
      const [workspace] = (await bench.graphql(WORKSPACES, { id: bench.tenant.ids.customer })).node.workspaces;
      const cells = [{ source: `print(${index})` }];
      await bench.graphql(CREATE_NOTEBOOK, {
        input: { workspaceId: workspace.id, name: `report ${index}`, language: 'PYTHON', cells },
      });
    },
  },
  {
    name: 'pipelines',
    count: 10,
    async create(bench, index) {
      const [workspace] = (await bench.graphql(WORKSPACES, { id: bench.tenant.ids.customer })).node.workspaces;
      const tasks = [
        { key: 'ingest', type: 'NOTEBOOK', notebookPath: '/Shared/ingest' },
        { key: 'publish', type: 'NOTEBOOK', notebookPath: '/Shared/publish', dependsOn: ['ingest'] },
      ];
      await bench.graphql(CREATE_PIPELINE, { input: { workspaceId: workspace.id, name: `nightly ${index}`, tasks } });
    },
  },
];

/** The tenant's notebook folder in the workspace (`/CoPOS/<tenant slug>`), from a notebook's path. */
async function notebookFolder(bench: TenantGateway): Promise<string> {
  const [notebook] = (await bench.graphql('{ notebooks(first: 1) { nodes { path } } }')).notebooks.nodes;
  return notebook.path.slice(0, notebook.path.lastIndexOf('/'));
}

/** What the official SDK finds on the Databricks side, from a worker that trusts the emulator's CA at start. */
function countRemote(
  bench: TenantGateway,
  catalog: string,
  folder: string,
): Promise<{ tables: number; notebooks: number; pipelineJobs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'count-remote.ts', bench.emulator.url, bench.emulator.token, catalog, folder],
      {
        cwd: WORKERS,
        env: { ...process.env, NODE_EXTRA_CA_CERTS: bench.emulator.caFile },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output.trim().split('\n').at(-1) ?? '{}')) : reject(new Error(output)),
    );
  });
}

/**
 * The hybrid rule under a Databricks outage: every resource is created while the emulator answers 503 to
 * everything, stays usable locally, and once the fault clears the reconciler brings all of them to SYNCED,
 * timed, with no duplicate on the Databricks side (counted with the official SDK).
 */
export const syncFaults: Scenario = {
  name: 'sync-faults',
  title: 'Owned resources created during a Databricks outage converge to SYNCED after it, without duplicates',
  defaultIterations: 1,
  async run() {
    const dir = await mkdtemp(join(tmpdir(), 'copos-bench-sync-faults-'));
    const bench = await startTenantGateway({
      SYNC_INTERVAL_MS: '200',
      SYNC_RETRY_BASE_MS: '500',
      SYNC_RETRY_MAX_MS: '4000',
      DATASETS_DIR: join(dir, 'datasets'),
    });
    try {
      const status = async () => (await bench.graphql(STATUS, { id: bench.tenant.ids.customer })).node.databricksStatus;
      await bench.callEmulator('POST', '/emulator/faults', { kind: 'error', status: 503, pathPrefix: '/api/' });
      await bench.callEmulator('POST', '/emulator/faults', { kind: 'error', status: 503, pathPrefix: '/sql/' });
      const createdAt = performance.now();
      for (const kind of KINDS) for (let i = 0; i < kind.count; i++) await kind.create(bench, i, dir);
      const createMs = performance.now() - createdAt;
      // Let the reconciler meet the outage: every resource stays local and is retried.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const during = await status();
      await bench.callEmulator('DELETE', '/emulator/faults');
      const clearedAt = performance.now();
      let after = during;
      while (KINDS.some((kind) => after.resources[kind.name].inDatabricks < kind.count)) {
        if (performance.now() - clearedAt > 120_000) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
        after = await status();
      }
      const convergeS = (performance.now() - clearedAt) / 1000;
      const remote = await countRemote(bench, after.catalog, await notebookFolder(bench));
      const remoteCounts: Record<Kind['name'], number> = {
        datasets: remote.tables,
        notebooks: remote.notebooks,
        pipelines: remote.pipelineJobs,
      };
      const converged = KINDS.every((kind) => after.resources[kind.name].inDatabricks === kind.count);
      const duplicates = KINDS.reduce((sum, kind) => sum + Math.max(0, remoteCounts[kind.name] - kind.count), 0);
      return [
        `The emulator answered 503 to every REST and SQL call while ${KINDS.map((k) => `${k.count} ${k.name}`).join(', ')} were created through the gateway (${(createMs / 1000).toFixed(1)} s); the fault was cleared 3 s later. The gateway runs as \`npm start\` builds it, in its own process, its reconciler retrying with back-off from 0.5 s up to 4 s.`,
        '',
        '| kind | created | in Databricks during the outage | failing during the outage | in Databricks after | on the Databricks side (SDK) |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        ...KINDS.map(
          (kind) =>
            `| ${kind.name} | ${kind.count} | ${during.resources[kind.name].inDatabricks} | ${during.resources[kind.name].failing} | ${after.resources[kind.name].inDatabricks} | ${remoteCounts[kind.name]} |`,
        ),
        '',
        `All SYNCED ${converged ? `${convergeS.toFixed(1)} s` : 'NOT within 120 s'} after the fault cleared (goal ≤ ${CONVERGE_GOAL_S} s: ${converged && convergeS <= CONVERGE_GOAL_S ? 'met' : 'NOT met'}); duplicates on the Databricks side: ${duplicates} (goal 0: ${duplicates === 0 ? 'met' : 'NOT met'}).`,
      ].join('\n');
    } finally {
      await bench.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

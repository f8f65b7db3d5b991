import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRun, type Run } from '../src/databricks/api/jobs.js';
import { integrationCacheScope } from '../src/databricks/reader.js';
import type { RunningServer } from '../src/http/server.js';
import { connectEmulator } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { serve, subscribeOverWebSocket } from './support/live-clients.js';
import { createLiveWorkspace, EMULATOR_WORKSPACE, waitFor } from './support/live-workspace.js';
import { createTestApi } from './support/test-api.js';

// Items 2, 3, 4, 8, 9 and 10 of issue 12: customer-wide workspaces, ETA from the job's history, declared
// trigger parameters, notebook compute, run output and the run page link on RUN_STARTED.
const api = createTestApi();
const emulator = testEmulator();
let server: RunningServer;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let engineer: string;
let integration: Awaited<ReturnType<typeof connectEmulator>>;
let pipelineJobId: string;
/** A CoP of the tenant with a mapping of its own (the tenant's first CoP has none: it uses the customer's). */
let ownCop: { id: string; globalId: string; mappingId: string };
let live: Awaited<ReturnType<typeof createLiveWorkspace>>;

const RUN = `id databricksRunId etaMs runPageUrl parameters isTerminal resultState output outputTruncated errorTrace errorMessage
  workspace { id } cop { id }`;
const TRIGGER = `mutation($input: TriggerPipelineInput!) { triggerPipeline(input: $input) { ${RUN} } }`;
const SUBMIT = `mutation($input: SubmitNotebookRunInput!) { submitNotebookRun(input: $input) { ${RUN} } }`;
const JOB_RUN = `query($id: ID!) { jobRun(id: $id) { ${RUN} tasks { taskKey output outputTruncated errorTrace } } }`;
const FIRST_EVENTS = `subscription($runId: ID!) {
  runEvents(runId: $runId, afterSeq: 0) { snapshot { id } event { seq type runPageUrl etaMs } }
}`;

const runsOfTenant = () => api.prisma.jobRun.count({ where: { customerId: tenant.customer.id } });
const databricksRun = (runId: string) =>
  getRun(api.deps.databricksGateway.registry.forIntegration(integration).rest, Number(runId));

async function finished(runId: string) {
  await waitFor(
    async () => (await api.prisma.jobRun.findUnique({ where: { id: decodeGlobalID(runId).id } }))!.isTerminal,
    30_000,
  );
  return (await api.graphql(JOB_RUN, { id: runId }, engineer)).data?.jobRun;
}

/** Durations of the pipeline's successful silver task runs, newest first, read straight from the system table. */
async function silverDurations(): Promise<number[]> {
  const sql = api.deps.databricksGateway.registry.forIntegration(integration).sql!;
  const { rows } = await sql.query<{ ended: number; ms: number }>({
    sql: `SELECT unix_millis(period_end_time) AS ended,
                 unix_millis(period_end_time) - unix_millis(period_start_time) AS ms
            FROM system.lakeflow.job_task_run_timeline
           WHERE workspace_id = :workspace_id AND job_id = :job_id AND task_key = 'silver_transformations'
             AND result_state = 'SUCCEEDED'`,
    params: { workspace_id: EMULATOR_WORKSPACE, job_id: pipelineJobId },
  });
  return rows.sort((a, b) => Number(b.ended) - Number(a.ended)).map((row) => Number(row.ms));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Math.round(sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2);
}

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Core runs');
  engineer = await api.tokenFor(tenant.users.DATA_ENGINEER.id);
  const cop = await api.prisma.cop.create({
    data: { customerId: tenant.customer.id, name: 'Claims CoP', startDate: new Date('2026-01-05'), phase: 'GROWTH' },
  });
  integration = await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    // A mapping with no CoP covers the whole customer; the Claims CoP has one of its own.
    mappings: [
      { workspaceId: EMULATOR_WORKSPACE, name: 'Customer-wide' },
      { workspaceId: EMULATOR_WORKSPACE, copId: cop.id, name: 'Claims' },
    ],
    config: {
      notebookPaths: {
        bronze: '/PetInsure360/01_bronze_ingestion',
        silver: '/PetInsure360/02_silver_transformations',
        gold: '/PetInsure360/03_gold_aggregations',
      },
    },
  });
  const { jobs } = await api.deps.databricksGateway.registry
    .forIntegration(integration)
    .rest.get<{ jobs: { job_id: number; settings: { name: string } }[] }>('/api/2.2/jobs/list', { limit: 100 });
  pipelineJobId = String(jobs.find((job) => job.settings.name === 'PetInsure360 Pipeline')!.job_id);
  integration = await api.prisma.integration.update({
    where: { id: integration.id },
    data: { config: { ...(integration.config as object), pipelineJobId } },
    include: { workspaceMappings: true },
  });
  const claims = integration.workspaceMappings.find((mapping) => mapping.copId === cop.id)!;
  ownCop = { id: cop.id, globalId: encodeGlobalID('Cop', cop.id), mappingId: claims.id };
  live = await createLiveWorkspace(api, { steps: 1, stepSeconds: 60 });
  server = await serve(api);
  api.deps.runs.watcher.start();
});
afterAll(async () => {
  await server?.close();
  await api.close();
});

describe('customer-wide workspace mappings', () => {
  it("gives a CoP without a mapping of its own the customer's workspaces, and a CoP with one its own", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on Cop { workspaces { id name } } } }`;
    const wide = (await api.graphql(query, { id: tenant.ids.cop }, engineer)).data?.node.workspaces;
    expect(wide.map((workspace: { name: string }) => workspace.name)).toEqual(['Customer-wide']);
    const own = (await api.graphql(query, { id: ownCop.globalId }, engineer)).data?.node.workspaces;
    expect(own.map((workspace: { name: string }) => workspace.name)).toEqual(['Claims']);
  });

  it("triggers a CoP's pipeline through the customer-wide mapping, and through a CoP's own mapping first", async () => {
    const wide = await api.graphql(TRIGGER, { input: { copId: tenant.ids.cop, layer: 'GOLD' } }, engineer);
    expect(wide.errors).toBeUndefined();
    const wideMapping = integration.workspaceMappings.find((mapping) => mapping.copId === null)!;
    expect(wide.data?.triggerPipeline.workspace.id).toBe(encodeGlobalID('DatabricksWorkspace', wideMapping.id));
    expect(wide.data?.triggerPipeline.cop.id).toBe(tenant.ids.cop);

    const own = await api.graphql(TRIGGER, { input: { copId: ownCop.globalId, layer: 'GOLD' } }, engineer);
    expect(own.data?.triggerPipeline.workspace.id).toBe(encodeGlobalID('DatabricksWorkspace', ownCop.mappingId));
  });

  it("answers another tenant's CoP as NOT_FOUND, though its customer has a customer-wide mapping", async () => {
    const other = await createTenant(api.prisma, 'Other');
    const otherEngineer = await api.tokenFor(other.users.DATA_ENGINEER.id);
    const before = await runsOfTenant();
    const result = await api.graphql(TRIGGER, { input: { copId: tenant.ids.cop, layer: 'GOLD' } }, otherEngineer);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await runsOfTenant()).toBe(before);
  });
});

describe('trigger parameters', () => {
  it('sends claimIds and the layer as job parameters the pipeline job declares', async () => {
    const input = { copId: tenant.ids.cop, layer: 'BRONZE', claimIds: ['CLM-1001', 'CLM-1002'] };
    const result = await api.graphql(TRIGGER, { input }, engineer);
    expect(result.errors).toBeUndefined();
    const run = result.data?.triggerPipeline;
    expect(run.parameters).toEqual({ layer: 'bronze', claim_ids: '["CLM-1001","CLM-1002"]' });
    const remote = (await databricksRun(run.databricksRunId)) as Run & {
      job_parameters: { name: string; value: string }[];
    };
    expect(Object.fromEntries(remote.job_parameters.map((p) => [p.name, p.value]))).toEqual({
      env: 'dev',
      layer: 'bronze',
      claim_ids: '["CLM-1001","CLM-1002"]',
    });
  });

  it('refuses a parameter the job does not declare as BAD_USER_INPUT naming it, and writes nothing', async () => {
    const before = await runsOfTenant();
    const input = { copId: tenant.ids.cop, layer: 'BRONZE', parameters: { region: 'eu' } };
    const result = await api.graphql(TRIGGER, { input }, engineer);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['parameters'] });
    expect(result.errors?.[0]?.message).toContain('"region"');
    expect(result.errors?.[0]?.message).toContain('claim_ids');
    expect(await runsOfTenant()).toBe(before);
  });

  it('refuses claimIds for a job that does not declare claim_ids, naming claimIds', async () => {
    const input = { workspaceId: live.workspaceId, jobId: live.jobId, parameters: { claim_ids: '["CLM-1"]' } };
    const result = await api.graphql(
      `mutation($input: RunJobInput!) { runJob(input: $input) { id } }`,
      { input },
      live.engineer,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['claimIds'] });
  });
});

describe('ETA and the run page link', () => {
  it("estimates a layer's first run from the job's task history, and RUN_STARTED carries the link and the ETA", async () => {
    // Earlier triggers of this file cached the job's history (10 minutes): read it afresh, as a new instance would.
    const connection = api.deps.databricksGateway.registry.forIntegration(integration);
    api.deps.databricksGateway.cache.invalidate(integrationCacheScope(connection.key));
    const before = await silverDurations();
    expect(await api.prisma.jobRun.count({ where: { integrationId: integration.id, layer: 'SILVER' } })).toBe(0);
    const result = await api.graphql(TRIGGER, { input: { copId: tenant.ids.cop, layer: 'SILVER' } }, engineer);
    const after = await silverDurations();
    const run = result.data?.triggerPipeline;
    // Silver is one task: its median over the last ten successful runs. Other test files may finish silver runs
    // meanwhile, so the gateway read the table as it was at one of these moments.
    const added = after.length - before.length;
    const candidates = Array.from({ length: added + 1 }, (_moment, skipped) =>
      median(after.slice(skipped, skipped + 10)),
    );
    const row = await api.prisma.jobRun.findUniqueOrThrow({ where: { id: decodeGlobalID(run.id).id } });
    expect(candidates).toContain(row.expectedDurationMs);
    // Counted down from the request, a few milliseconds ago.
    expect(row.expectedDurationMs! - run.etaMs).toBeGreaterThanOrEqual(0);
    expect(row.expectedDurationMs! - run.etaMs).toBeLessThan(5_000);
    expect(run.runPageUrl).toMatch(new RegExp(`/run/${run.databricksRunId}$`));

    const items = await subscribeOverWebSocket(server.url, engineer, FIRST_EVENTS, { runId: run.id });
    const started = items[1].runEvents.event;
    expect(started).toMatchObject({ seq: 1, type: 'RUN_STARTED', runPageUrl: run.runPageUrl });
    expect(started.etaMs).toBe(row.expectedDurationMs);
  });
});

describe('notebook compute', () => {
  const submit = (extra: Record<string, unknown>) =>
    api.graphql(
      SUBMIT,
      { input: { workspaceId: live.workspaceId, notebookPath: live.notebookPath, ...extra } },
      live.engineer,
    );
  const taskOf = async (runId: string) =>
    (await getRun(live.rest, Number(runId))).tasks![0] as unknown as Record<string, unknown>;

  it('runs serverless by default where the workspace has serverless compute', async () => {
    const run = (await submit({})).data?.submitNotebookRun;
    const task = await taskOf(run.databricksRunId);
    expect(task.existing_cluster_id).toBeUndefined();
    expect(task.new_cluster).toBeUndefined();
  });

  it('runs on a chosen all-purpose cluster', async () => {
    const run = (await submit({ existingClusterId: '0923-164208-meows279' })).data?.submitNotebookRun;
    expect((await taskOf(run.databricksRunId)).existing_cluster_id).toBe('0923-164208-meows279');
  });

  it("runs on a new cluster of the given shape, with the runtime of the workspace's clusters", async () => {
    const newCluster = { nodeTypeId: 'i3.2xlarge', numWorkers: 2, autoterminationMinutes: 30 };
    const run = (await submit({ newCluster })).data?.submitNotebookRun;
    expect((await taskOf(run.databricksRunId)).new_cluster).toEqual({
      spark_version: '15.4.x-scala2.12',
      node_type_id: 'i3.2xlarge',
      num_workers: 2,
      autotermination_minutes: 30,
    });
    expect((await api.prisma.jobRun.findUniqueOrThrow({ where: { id: decodeGlobalID(run.id).id } })).compute).toEqual({
      newCluster,
    });
  });

  it('refuses an unknown cluster, or two choices at once, as BAD_USER_INPUT and writes nothing', async () => {
    const before = await api.prisma.jobRun.count({ where: { customerId: live.tenant.customer.id } });
    const unknown = await submit({ existingClusterId: '0000-000000-nothere' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['existingClusterId'] });
    const both = await submit({
      existingClusterId: '0923-164208-meows279',
      newCluster: { nodeTypeId: 'i3.xlarge', numWorkers: 1 },
    });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['newCluster'] });
    expect(await api.prisma.jobRun.count({ where: { customerId: live.tenant.customer.id } })).toBe(before);
  });
});

describe('run output', () => {
  it("exposes a notebook run's exit value as JSON", async () => {
    const run = (
      await api.graphql(
        SUBMIT,
        { input: { workspaceId: live.workspaceId, notebookPath: live.notebookPath } },
        live.engineer,
      )
    ).data?.submitNotebookRun;
    await waitFor(
      async () => (await api.prisma.jobRun.findUniqueOrThrow({ where: { id: decodeGlobalID(run.id).id } })).isTerminal,
      30_000,
    );
    const done = (await api.graphql(JOB_RUN, { id: run.id }, live.engineer)).data?.jobRun;
    expect(done).toMatchObject({ resultState: 'SUCCESS', output: { records_processed: 100 }, outputTruncated: false });
    expect(done.tasks[0]).toMatchObject({
      output: { records_processed: 100 },
      outputTruncated: false,
      errorTrace: null,
    });
  });

  it('exposes the error trace of a failed notebook', async () => {
    const failing = `${live.notebookPath}-failing`;
    await live.rest.post('/api/2.0/workspace/import', {
      path: failing,
      format: 'SOURCE',
      language: 'PYTHON',
      content: Buffer.from('raise ValueError("bad claims file")').toString('base64'),
    });
    await emulator.setNotebook({
      path: failing,
      durationSeconds: [30, 30],
      forceFailure: true,
      failureMessage: 'ValueError: bad claims file',
    });
    const run = (
      await api.graphql(SUBMIT, { input: { workspaceId: live.workspaceId, notebookPath: failing } }, live.engineer)
    ).data?.submitNotebookRun;
    await waitFor(
      async () => (await api.prisma.jobRun.findUniqueOrThrow({ where: { id: decodeGlobalID(run.id).id } })).isTerminal,
      30_000,
    );
    const done = (await api.graphql(JOB_RUN, { id: run.id }, live.engineer)).data?.jobRun;
    expect(done).toMatchObject({ resultState: 'FAILED', output: null, errorMessage: 'ValueError: bad claims file' });
    expect(done.errorTrace).toContain('Traceback (most recent call last)');
    expect(done.errorTrace).toContain('ValueError: bad claims file');
  });

  it("gives a pipeline run its last task's exit value", async () => {
    const run = (await api.graphql(TRIGGER, { input: { copId: tenant.ids.cop, layer: 'BRONZE' } }, engineer)).data
      ?.triggerPipeline;
    const done = await finished(run.id);
    expect(done.resultState).toBe('SUCCESS');
    expect(done.output).toEqual({ records_processed: expect.any(Number), records_rejected: expect.any(Number) });
  });
});

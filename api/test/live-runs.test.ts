import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/http/server.js';
import { connectEmulator } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { serve, subscribeOverSse, subscribeOverWebSocket } from './support/live-clients.js';
import { createTestApi } from './support/test-api.js';

const WORKSPACE = '1444828305810485';
const api = createTestApi();
const emulator = testEmulator();
let server: RunningServer;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let engineer: string;
let workspaceId: string;

const RUN_EVENTS = `subscription($runId: ID!, $afterSeq: Int) {
  runEvents(runId: $runId, afterSeq: $afterSeq) {
    snapshot { id state layer runPageUrl }
    event { seq type state currentTask durationMs recordsProcessed errorMessage tasks { taskKey state resultState recordsProcessed } }
  }
}`;

const TRIGGER = `mutation($input: TriggerPipelineInput!) { triggerPipeline(input: $input) { id databricksRunId state layer } }`;

async function pipelineJobId(): Promise<string> {
  const result = await api.graphql(
    `query($id: ID!) { node(id: $id) { ... on DatabricksWorkspace { jobs { nodes { jobId name } } } } }`,
    { id: workspaceId },
    engineer,
  );
  return result.data?.node.jobs.nodes.find((job: { name: string }) => /PetInsure360/.test(job.name)).jobId;
}

beforeAll(async () => {
  tenant = await createTenant(api.prisma);
  engineer = await api.tokenFor(tenant.users.DATA_ENGINEER.id);
  const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: WORKSPACE, copId: tenant.cop.id }],
    config: {
      notebookPaths: {
        bronze: '/PetInsure360/01_bronze_ingestion',
        silver: '/PetInsure360/02_silver_transformations',
        gold: '/PetInsure360/03_gold_aggregations',
      },
    },
  });
  workspaceId = encodeGlobalID('DatabricksWorkspace', integration.workspaceMappings[0]!.id);
  const jobId = await pipelineJobId();
  await api.prisma.integration.update({
    where: { id: integration.id },
    data: { config: { ...(integration.config as object), pipelineJobId: jobId } },
  });
  server = await serve(api);
  api.deps.runs.watcher.start();
});
afterAll(async () => {
  await server?.close();
  await api.close();
});

describe('live pipeline runs', () => {
  it('streams a Bronze run over graphql-ws from the snapshot to completion with records processed', async () => {
    const trigger = await api.graphql(
      TRIGGER,
      { input: { copId: tenant.ids.cop, layer: 'BRONZE', idempotencyKey: 'bronze-1' } },
      engineer,
    );
    expect(trigger.errors).toBeUndefined();
    const run = trigger.data?.triggerPipeline;
    expect(run.databricksRunId).toMatch(/^\d+$/);

    const items = await subscribeOverWebSocket(server.url, engineer, RUN_EVENTS, { runId: run.id, afterSeq: 0 });
    expect(items[0].runEvents.snapshot.id).toBe(run.id);
    const events = items.slice(1).map((item) => item.runEvents.event);
    expect(events.map((event) => event.seq)).toEqual(events.map((_event, index) => index + 1));
    expect(events[0].type).toBe('RUN_STARTED');
    const last = events.at(-1);
    expect(last.type).toBe('RUN_COMPLETED');
    expect(last.durationMs).toBeGreaterThan(0);
    expect(last.recordsProcessed).toBeGreaterThan(0);
    expect(last.tasks.map((task: { taskKey: string }) => task.taskKey)).toEqual([
      'bronze_ingestion',
      'silver_transformations',
    ]);
    const progressTasks = events.filter((event) => event.type === 'RUN_PROGRESS').map((event) => event.currentTask);
    // A poller sees the tasks it polls during: a task shorter than a poll interval (a loaded machine) may pass
    // unseen, so progress names the first task and never one outside the run.
    expect(progressTasks[0]).toBe('bronze_ingestion');
    expect(progressTasks.every((task) => ['bronze_ingestion', 'silver_transformations'].includes(task))).toBe(true);
  });

  it('returns the same run for the same idempotency key and starts one Databricks run', async () => {
    await emulator.resetStats();
    const first = await api.graphql(
      TRIGGER,
      { input: { copId: tenant.ids.cop, layer: 'GOLD', idempotencyKey: 'gold-once' } },
      engineer,
    );
    const second = await api.graphql(
      TRIGGER,
      { input: { copId: tenant.ids.cop, layer: 'GOLD', idempotencyKey: 'gold-once' } },
      engineer,
    );
    expect(second.data?.triggerPipeline.id).toBe(first.data?.triggerPipeline.id);
    expect(second.data?.triggerPipeline.databricksRunId).toBe(first.data?.triggerPipeline.databricksRunId);
    expect(await emulator.callsTo('POST /api/2.2/jobs/run-now')).toBe(1);
    expect(
      await api.prisma.jobRun.count({ where: { idempotencyToken: { not: '' }, copId: tenant.cop.id, layer: 'GOLD' } }),
    ).toBe(1);
  });

  it('replays what a reconnecting subscriber missed after afterSeq, over SSE', async () => {
    const run = (await api.graphql(TRIGGER, { input: { copId: tenant.ids.cop, layer: 'SILVER' } }, engineer)).data
      ?.triggerPipeline;
    const all = await subscribeOverSse(server.url, engineer, RUN_EVENTS, { runId: run.id, afterSeq: 0 });
    const seqs = all.slice(1).map((item) => item.runEvents.event.seq);
    const resumed = await subscribeOverSse(server.url, engineer, RUN_EVENTS, { runId: run.id, afterSeq: 2 });
    expect(resumed.slice(1).map((item) => item.runEvents.event.seq)).toEqual(seqs.filter((seq) => seq > 2));
    expect(all.at(-1).runEvents.event.type).toBe('RUN_COMPLETED');
  });

  it('reports a failing task as RUN_FAILED with its message', async () => {
    await emulator.setNotebook({
      path: '/PetInsure360/03_gold_aggregations',
      forceFailure: true,
      failureMessage: 'Table gold.claims_summary is locked',
    });
    try {
      const run = (await api.graphql(TRIGGER, { input: { copId: tenant.ids.cop, layer: 'GOLD' } }, engineer)).data
        ?.triggerPipeline;
      // From the first event: a Gold run can fail before the subscription starts.
      const items = await subscribeOverWebSocket(server.url, engineer, RUN_EVENTS, { runId: run.id, afterSeq: 0 });
      const last = items.at(-1).runEvents.event;
      expect(last.type).toBe('RUN_FAILED');
      expect(last.errorMessage).toContain('locked');
    } finally {
      await emulator.setNotebook({ path: '/PetInsure360/03_gold_aggregations', forceFailure: false });
    }
  });

  it('cancels a run: RUN_CANCELED reaches the subscriber', async () => {
    // A Gold task of ten emulated hours (three minutes here): the run cannot finish before the cancel lands,
    // however slow the machine.
    await emulator.setNotebook({ path: '/PetInsure360/03_gold_aggregations', durationSeconds: [36_000, 36_000] });
    try {
      const run = (await api.graphql(TRIGGER, { input: { copId: tenant.ids.cop, layer: 'ALL' } }, engineer)).data
        ?.triggerPipeline;
      let cancelled = false;
      const items = await subscribeOverWebSocket(server.url, engineer, RUN_EVENTS, { runId: run.id }, (item) => {
        if (!cancelled && item.runEvents.event?.type === 'RUN_PROGRESS') {
          cancelled = true;
          void api.graphql(`mutation($id: ID!) { cancelRun(id: $id) { id } }`, { id: run.id }, engineer);
        }
      });
      expect(items.at(-1).runEvents.event.type).toBe('RUN_CANCELED');
    } finally {
      await emulator.setNotebook({ path: '/PetInsure360/03_gold_aggregations', durationSeconds: [30, 90] });
    }
  });

  it('does not let an analyst trigger a run', async () => {
    const analyst = await api.tokenFor(tenant.users.ANALYST.id);
    const result = await api.graphql(TRIGGER, { input: { copId: tenant.ids.cop, layer: 'BRONZE' } }, analyst);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

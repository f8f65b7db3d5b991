import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRun, runNow } from '../src/databricks/api/jobs.js';
import type { RunningServer } from '../src/http/server.js';
import { createTenant } from './support/fixtures.js';
import { serve, subscribeOverWebSocket } from './support/live-clients.js';
import { consecutive, createLiveWorkspace, RUN_EVENTS, seqsOf, waitFor } from './support/live-workspace.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let server: RunningServer;
let workspace: Awaited<ReturnType<typeof createLiveWorkspace>>;

const WATCH = `mutation($input: WatchRunInput!) {
  watchRun(input: $input) { id kind databricksRunId databricksJobId runPageUrl }
}`;

/** A run started straight in Databricks (UI, schedule, another tool), not through the gateway. */
const startOutside = async () => String((await runNow(workspace.rest, { job_id: Number(workspace.jobId) })).run_id);

const watch = (databricksRunId: string, token = workspace.engineer, workspaceId = workspace.workspaceId) =>
  api.graphql(WATCH, { input: { workspaceId, databricksRunId } }, token);

const rowsFor = (databricksRunId: string) =>
  api.prisma.jobRun.count({ where: { integrationId: workspace.integration.id, databricksRunId } });

beforeAll(async () => {
  workspace = await createLiveWorkspace(api, { steps: 2, stepSeconds: 40 });
  server = await serve(api);
  api.deps.runs.watcher.start();
});
afterAll(async () => {
  await server?.close();
  await api.close();
});

describe('watchRun: following runs started outside the gateway', () => {
  it('adopts a running Databricks run as a JOB run and streams its events to the end', async () => {
    const databricksRunId = await startOutside();
    const result = await watch(databricksRunId);
    expect(result.errors).toBeUndefined();
    const run = result.data?.watchRun;
    expect(run).toMatchObject({ kind: 'JOB', databricksRunId, databricksJobId: workspace.jobId });
    expect(run.runPageUrl).toContain(databricksRunId);

    const items = await subscribeOverWebSocket(server.url, workspace.engineer, RUN_EVENTS, {
      runId: run.id,
      afterSeq: 0,
    });
    const events = items.slice(1).map((item) => item.runEvents.event);
    expect(events[0].type).toBe('RUN_STARTED');
    expect(events.at(-1)).toMatchObject({ type: 'RUN_COMPLETED', recordsProcessed: 200 });
    expect(seqsOf(items)).toEqual(consecutive(events.length));
  });

  it('returns the same JobRun when the run is watched again, and when the gateway started it itself', async () => {
    const databricksRunId = await startOutside();
    const first = (await watch(databricksRunId)).data?.watchRun;
    const again = (await watch(databricksRunId)).data?.watchRun;
    expect(again.id).toBe(first.id);
    expect(await rowsFor(databricksRunId)).toBe(1);
    const row = await api.prisma.jobRun.findUniqueOrThrow({ where: { id: decodeGlobalID(first.id).id } });
    expect(row.idempotencyToken).toBe(`external:${workspace.integration.id}:${databricksRunId}`);

    const triggered = await workspace.runJob();
    expect((await watch(triggered.databricksRunId)).data?.watchRun.id).toBe(triggered.id);
    expect(await rowsFor(triggered.databricksRunId)).toBe(1);
  });

  it('adopts a run that has already finished and records its end', async () => {
    const databricksRunId = await startOutside();
    await waitFor(
      async () => (await getRun(workspace.rest, Number(databricksRunId))).state.life_cycle_state === 'TERMINATED',
    );
    const run = (await watch(databricksRunId)).data?.watchRun;
    await waitFor(
      async () => (await api.prisma.jobRun.findUniqueOrThrow({ where: { id: decodeGlobalID(run.id).id } })).isTerminal,
    );
    const row = await api.prisma.jobRun.findUniqueOrThrow({
      where: { id: decodeGlobalID(run.id).id },
      include: { events: true },
    });
    expect(row).toMatchObject({ resultState: 'SUCCESS', recordsProcessed: 200 });
    expect(row.events.map((event) => event.type).sort()).toEqual(['RUN_COMPLETED', 'RUN_STARTED']);
  });

  it('answers NOT_FOUND for a run Databricks does not know, and writes nothing', async () => {
    const result = await watch('987654321987');
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await rowsFor('987654321987')).toBe(0);
  });

  it('answers BAD_USER_INPUT for a run id that is not a number, and writes nothing', async () => {
    const result = await watch('run-42');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await rowsFor('run-42')).toBe(0);
  });

  it('does not let an analyst watch a run', async () => {
    const analyst = await api.tokenFor(workspace.tenant.users.ANALYST.id);
    const databricksRunId = await startOutside();
    expect((await watch(databricksRunId, analyst)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await rowsFor(databricksRunId)).toBe(0);
  });

  it('keeps another tenant from adopting into this workspace or reading an adopted run', async () => {
    const other = await createTenant(api.prisma, 'Other tenant');
    const intruder = await api.tokenFor(other.users.DATA_ENGINEER.id);
    const databricksRunId = await startOutside();
    expect((await watch(databricksRunId, intruder)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await rowsFor(databricksRunId)).toBe(0);

    const adopted = (await watch(databricksRunId)).data?.watchRun;
    const read = await api.graphql(
      `query($id: ID!) { jobRun(id: $id) { id } node(id: $id) { id } }`,
      { id: adopted.id },
      intruder,
    );
    expect(read.data).toEqual({ jobRun: null, node: null });
  });
});

import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRun } from '../src/databricks/api/jobs.js';
import type { RunningServer } from '../src/http/server.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { openSubscription, serve, subscribeOverWebSocket } from './support/live-clients.js';
import { createLiveWorkspace, RUN_EVENTS } from './support/live-workspace.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let server: RunningServer;
let workspace: Awaited<ReturnType<typeof createLiveWorkspace>>;

const RUN_FIELDS = 'id kind state isTerminal databricksRunId retryOfId parameters';
const SUBMIT = `mutation($input: SubmitNotebookRunInput!) { submitNotebookRun(input: $input) { ${RUN_FIELDS} } }`;
const RETRY = `mutation($id: ID!, $key: String) { retryRun(id: $id, idempotencyKey: $key) { ${RUN_FIELDS} } }`;
const RUNS_CHANGED = `subscription($copId: ID, $workspaceId: ID) {
  runsChanged(copId: $copId, workspaceId: $workspaceId) { id state isTerminal }
}`;

const submit = async (token = workspace.engineer, parameters: Record<string, string> = { layer: 'bronze' }) => {
  const input = { workspaceId: workspace.workspaceId, notebookPath: workspace.notebookPath, parameters };
  return api.graphql(SUBMIT, { input }, token);
};
/** Follows a run's events (from its first) to the end; the last event. */
const finish = async (runId: string) =>
  (await subscribeOverWebSocket(server.url, workspace.engineer, RUN_EVENTS, { runId, afterSeq: 0 })).at(-1).runEvents
    .event;
const rowOf = (runId: string) => api.prisma.jobRun.findUniqueOrThrow({ where: { id: decodeGlobalID(runId).id } });

beforeAll(async () => {
  // One step of 200 emulated seconds: one real second, long enough to act while the run is going.
  workspace = await createLiveWorkspace(api, { steps: 1, stepSeconds: 200 });
  server = await serve(api);
  api.deps.runs.watcher.start();
});
afterAll(async () => {
  await server?.close();
  await api.close();
});

describe('submitNotebookRun', () => {
  it('submits a one-off run of the notebook with its parameters, and follows it to completion', async () => {
    const result = await submit();
    expect(result.errors).toBeUndefined();
    const run = result.data?.submitNotebookRun;
    expect(run).toMatchObject({ kind: 'NOTEBOOK', isTerminal: false, parameters: { layer: 'bronze' } });

    const submitted = await getRun(workspace.rest, Number(run.databricksRunId));
    expect(submitted.tasks?.[0]?.notebook_task).toMatchObject({
      notebook_path: workspace.notebookPath,
      base_parameters: { layer: 'bronze' },
    });
    expect(await finish(run.id)).toMatchObject({ type: 'RUN_COMPLETED', recordsProcessed: 100 });
    expect(await rowOf(run.id)).toMatchObject({ kind: 'NOTEBOOK', isTerminal: true, resultState: 'SUCCESS' });
  });

  it('does not let an analyst submit a run, and records none', async () => {
    const analyst = await api.tokenFor(workspace.tenant.users.ANALYST.id);
    const before = await api.prisma.jobRun.count({ where: { integrationId: workspace.integration.id } });
    const result = await submit(analyst);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await api.prisma.jobRun.count({ where: { integrationId: workspace.integration.id } })).toBe(before);
  });
});

describe('retryRun', () => {
  it('refuses to retry a run that is still going', async () => {
    // Ten emulated hours: the run is surely still going when the retry is asked for; it is cancelled after.
    await testEmulator().setNotebook({ path: workspace.notebookPath, durationSeconds: [36_000, 36_000] });
    try {
      const run = (await submit()).data?.submitNotebookRun;
      const result = await api.graphql(RETRY, { id: run.id }, workspace.engineer);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await api.prisma.jobRun.count({ where: { retryOfId: decodeGlobalID(run.id).id } })).toBe(0);
      await api.graphql(`mutation($id: ID!) { cancelRun(id: $id) { id } }`, { id: run.id }, workspace.engineer);
      expect(await finish(run.id)).toMatchObject({ type: 'RUN_CANCELED' });
    } finally {
      await testEmulator().setNotebook({ path: workspace.notebookPath, durationSeconds: [200, 200] });
    }
  });

  it('starts the same work again as a new Databricks run that points at the old one, once per retry', async () => {
    const original = (await submit(workspace.engineer, { layer: 'gold' })).data?.submitNotebookRun;
    await finish(original.id);

    const result = await api.graphql(RETRY, { id: original.id }, workspace.engineer);
    expect(result.errors).toBeUndefined();
    const retry = result.data?.retryRun;
    expect(retry).toMatchObject({ kind: 'NOTEBOOK', parameters: { layer: 'gold' } });
    expect(retry.id).not.toBe(original.id);
    expect(retry.databricksRunId).not.toBe(original.databricksRunId);
    expect(retry.retryOfId).toBe(decodeGlobalID(original.id).id);
    const resubmitted = await getRun(workspace.rest, Number(retry.databricksRunId));
    expect(resubmitted.tasks?.[0]?.notebook_task?.notebook_path).toBe(workspace.notebookPath);

    // Asking again (a double click) returns the same retry instead of starting a third run.
    const again = await api.graphql(RETRY, { id: original.id }, workspace.engineer);
    expect(again.data?.retryRun.id).toBe(retry.id);
    expect(await api.prisma.jobRun.count({ where: { retryOfId: decodeGlobalID(original.id).id } })).toBe(1);
    expect(await finish(retry.id)).toMatchObject({ type: 'RUN_COMPLETED' });
  });
});

describe('runsChanged', () => {
  it("streams each change of the CoP's runs until the run ends, and nothing to another tenant", async () => {
    const mine = openSubscription(server.url, workspace.engineer, RUNS_CHANGED, { copId: workspace.tenant.ids.cop });
    const other = await createTenant(api.prisma, 'Onlooker');
    const onlooker = openSubscription(server.url, await api.tokenFor(other.users.CUSTOMER_ADMIN.id), RUNS_CHANGED, {
      copId: workspace.tenant.ids.cop,
    });
    const byWorkspace = openSubscription(server.url, workspace.engineer, RUNS_CHANGED, {
      workspaceId: workspace.workspaceId,
    });
    try {
      // Three real seconds of running: the subscriptions, opened above, are live long before the run ends.
      await testEmulator().setNotebook({ path: workspace.notebookPath, durationSeconds: [600, 600] });
      const run = (await submit()).data?.submitNotebookRun;
      const changes = (await mine.until((item) => item.runsChanged.isTerminal)).map((item) => item.runsChanged);
      expect(changes.every((change) => change.id === run.id)).toBe(true);
      expect(changes.at(-1)).toMatchObject({ state: 'TERMINATED', isTerminal: true });
      // Changes while it ran came before the end.
      expect(changes.slice(0, -1).some((change) => !change.isTerminal)).toBe(true);

      await byWorkspace.until((item) => item.runsChanged.id === run.id && item.runsChanged.isTerminal);
      expect(onlooker.items).toEqual([]);
      expect(onlooker.failure()).toBeUndefined();
    } finally {
      await Promise.all([mine.close(), onlooker.close(), byWorkspace.close()]);
    }
  });

  it('asks for a CoP or a workspace (BAD_USER_INPUT)', async () => {
    const neither = openSubscription(server.url, workspace.engineer, RUNS_CHANGED, {});
    try {
      await expect(neither.until(() => false, 5_000)).rejects.toThrow(/BAD_USER_INPUT|Give a copId or a workspaceId/);
    } finally {
      await neither.close();
    }
  });
});

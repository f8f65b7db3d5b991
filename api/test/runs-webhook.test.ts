import { setTimeout as sleep } from 'node:timers/promises';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRun } from '../src/databricks/api/jobs.js';
import type { RunningServer } from '../src/http/server.js';
import { serve, subscribeOverWebSocket } from './support/live-clients.js';
import {
  consecutive,
  createLiveWorkspace,
  EMULATOR_WORKSPACE,
  RUN_EVENTS,
  seqsOf,
  waitFor,
} from './support/live-workspace.js';
import { createTestApi } from './support/test-api.js';

const SECRET = 'webhook-secret-for-tests';
const PATH = '/webhooks/databricks/jobs';
// The watcher's own ticks are a minute apart: anything faster than that came from a notification.
const api = createTestApi(
  { WEBHOOK_SECRET: SECRET },
  { watcher: { activeIntervalMs: 60_000, idleIntervalMs: 60_000 } },
);
let server: RunningServer;

const notification = (runId: number, eventType = 'jobs.on_success') => ({
  event_type: eventType,
  workspace_id: EMULATOR_WORKSPACE,
  run: { run_id: runId },
  job: { job_id: 1, name: 'Some job' },
});

const post = (body: string, headers: Record<string, string> = {}, path = PATH) =>
  api.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

beforeAll(async () => {
  server = await serve(api);
  api.deps.runs.watcher.start();
});
afterAll(async () => {
  await server?.close();
  await api.close();
});

describe('Databricks job notification webhook', () => {
  it('accepts a notification with the secret in the X-Webhook-Secret header or the URL (202)', async () => {
    const byHeader = await post(JSON.stringify(notification(1)), { 'x-webhook-secret': SECRET });
    expect(byHeader.status).toBe(202);
    expect(await byHeader.json()).toEqual({ accepted: true });
    const byQuery = await post(JSON.stringify(notification(1, 'jobs.on_start')), {}, `${PATH}?secret=${SECRET}`);
    expect(byQuery.status).toBe(202);
  });

  it('refuses a missing or wrong secret with 401', async () => {
    expect((await post(JSON.stringify(notification(1)))).status).toBe(401);
    expect((await post(JSON.stringify(notification(1)), { 'x-webhook-secret': `${SECRET}x` })).status).toBe(401);
    expect((await post(JSON.stringify(notification(1)), {}, `${PATH}?secret=nope`)).status).toBe(401);
  });

  it('refuses every notification when no WEBHOOK_SECRET is configured', async () => {
    const unconfigured = createTestApi();
    try {
      const response = await unconfigured.request(PATH, {
        method: 'POST',
        headers: { 'x-webhook-secret': '' },
        body: JSON.stringify(notification(1)),
      });
      expect(response.status).toBe(401);
    } finally {
      await unconfigured.close();
    }
  });

  it('answers 400 to a body that is not JSON or not a job notification', async () => {
    const headers = { 'x-webhook-secret': SECRET };
    expect((await post('{"event_type":', headers)).status).toBe(400);
    const unknownEvent = await post(JSON.stringify(notification(1, 'jobs.on_lunch')), headers);
    expect(unknownEvent.status).toBe(400);
    expect((await unknownEvent.json()).issues[0].path).toBe('event_type');
    expect((await post(JSON.stringify({ event_type: 'jobs.on_start' }), headers)).status).toBe(400);
  });

  it('answers 405 to a GET', async () => {
    expect((await api.request(PATH, { headers: { 'x-webhook-secret': SECRET } })).status).toBe(405);
  });

  it("delivers a run's end as soon as the emulator notifies it, not at the next watcher tick", async () => {
    const workspace = await createLiveWorkspace(api, {
      steps: 2,
      stepSeconds: 60,
      webhookUrl: `${server.url}${PATH}?secret=${SECRET}`,
    });
    const started = Date.now();
    const run = await workspace.runJob();
    const items = await subscribeOverWebSocket(server.url, workspace.engineer, RUN_EVENTS, {
      runId: run.id,
      afterSeq: 0,
    });
    const events = items.slice(1).map((item) => item.runEvents.event);
    expect(events.at(-1).type).toBe('RUN_COMPLETED');
    expect(events.at(-1).recordsProcessed).toBe(200);
    expect(seqsOf(items)).toEqual(consecutive(events.length));
    // The run takes about a second of wall time at the emulator's speed; the next tick would be a minute away.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('without a notification the finished run waits for the tick; a notification makes the watcher poll at once', async () => {
    // Two real seconds: the watcher's first poll of the new run (when it is started) surely sees it running.
    const workspace = await createLiveWorkspace(api, { steps: 1, stepSeconds: 400 });
    const run = await workspace.runJob();
    const runId = Number(run.databricksRunId);
    await waitFor(async () => (await getRun(workspace.rest, runId)).state.life_cycle_state === 'TERMINATED');
    await sleep(300);
    expect((await api.prisma.jobRun.findUniqueOrThrow({ where: { id: decodeGlobalID(run.id).id } })).isTerminal).toBe(
      false,
    );

    const response = await post(JSON.stringify(notification(runId)), { 'x-webhook-secret': SECRET });
    expect(response.status).toBe(202);
    await waitFor(
      async () => (await api.prisma.jobRun.findUniqueOrThrow({ where: { id: decodeGlobalID(run.id).id } })).isTerminal,
      3_000,
    );
    const row = await api.prisma.jobRun.findUniqueOrThrow({ where: { id: decodeGlobalID(run.id).id } });
    expect(row.resultState).toBe('SUCCESS');
  });
});

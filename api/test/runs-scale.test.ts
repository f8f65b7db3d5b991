import { setTimeout as sleep } from 'node:timers/promises';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { getRun } from '../src/databricks/api/jobs.js';
import { testEmulator } from './support/emulator.js';
import { subscribeOverWebSocket } from './support/live-clients.js';
import {
  consecutive,
  createLiveWorkspace,
  RUN_EVENTS,
  seqsOf,
  settleActiveRuns,
  waitFor,
} from './support/live-workspace.js';
import { type Instance, startInstance } from './support/second-instance.js';

// A short lease so a dead instance's workspace is taken over within seconds, yet long enough that a live
// holder's renewals never lapse on a busy machine (two ticks and a Postgres round trip can take a second).
const WATCHER = { activeIntervalMs: 100, idleIntervalMs: 100, leaseTtlMs: 3_000 };
const emulator = testEmulator();
let a: Instance;
let b: Instance;
let workspace: Awaited<ReturnType<typeof createLiveWorkspace>>;

const leaseHolder = async () =>
  (await a.api.prisma.watchLease.findUnique({ where: { integrationId: workspace.integration.id } }))?.holder;

beforeAll(async () => {
  [a, b] = await Promise.all([startInstance('api-a', WATCHER), startInstance('api-b', WATCHER)]);
  workspace = await createLiveWorkspace(a.api, { steps: 4, stepSeconds: 100 });
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe('two api instances sharing Postgres and Redis', () => {
  it('polls a workspace from one instance only: the lease holder', async () => {
    a.watcher.start();
    await settleActiveRuns(a.api);
    await a.watcher.stop();
    // Watchers stopped: this test ticks them by hand, alternately, while the run is active.
    const run = await workspace.runJob(b.api);
    await emulator.resetStats();
    const followed = { a: 0, b: 0 };
    for (let round = 0; round < 5; round++) {
      followed.a += await a.watcher.tick();
      followed.b += await b.watcher.tick();
    }
    expect(await emulator.callsTo('GET /api/2.2/jobs/runs/list')).toBe(5);
    expect(followed).toEqual({ a: 5, b: 0 });
    expect(await leaseHolder()).toBe(a.instanceId);
    expect((await a.api.prisma.jobRun.findUniqueOrThrow({ where: { id: decodeGlobalID(run.id).id } })).isTerminal).toBe(
      false,
    );
    await a.watcher.stop(); // releases the lease for the next test
  });

  it('streams every event to a subscriber on A of a run triggered on B, with one watcher throughout', async () => {
    a.watcher.start();
    b.watcher.start();
    await settleActiveRuns(a.api);
    const run = await workspace.runJob(b.api);
    const holders = new Set<string | undefined>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        holders.add(await leaseHolder());
        await sleep(50);
      }
    })();
    const items = await subscribeOverWebSocket(a.url, workspace.engineer, RUN_EVENTS, { runId: run.id, afterSeq: 0 });
    sampling = false;
    await sampler;

    const events = items.slice(1).map((item) => item.runEvents.event);
    expect(events[0].type).toBe('RUN_STARTED');
    expect(events.at(-1)).toMatchObject({ type: 'RUN_COMPLETED', recordsProcessed: 400 });
    expect(seqsOf(items)).toEqual(consecutive(events.length));
    holders.delete(undefined); // before the first tick took it
    expect(holders.size).toBe(1);
    expect([a.instanceId, b.instanceId]).toContain([...holders][0]);
  });

  it('hands a workspace over when its watching instance dies mid-run; the subscriber misses nothing', async () => {
    await Promise.all([a.watcher.stop(), b.watcher.stop()]);
    // Steps of three seconds: tasks are still left to end when B's takeover comes, a lease (3 s) after A died.
    const step = (seconds: number) =>
      emulator.setNotebook({
        path: workspace.notebookPath,
        durationSeconds: [seconds, seconds],
        output: { records_processed: 100 },
      });
    await step(600);
    onTestFinished(() => step(100));
    a.watcher.start(); // A watches; B joins once the run is under way and must wait for A's lease to expire
    const run = await workspace.runJob(a.api);
    let killedAt = 0;
    const items = await subscribeOverWebSocket(
      b.url,
      workspace.engineer,
      RUN_EVENTS,
      { runId: run.id, afterSeq: 0 },
      (item) => {
        if (killedAt || item.runEvents.event?.type !== 'RUN_PROGRESS') return;
        killedAt = Date.now();
        b.watcher.start();
        // A crashes: no more ticks, no lease released, no longer serving.
        void a.watcher.abandon().then(() => a.stopServing());
      },
    );

    const events = items.slice(1).map((item) => item.runEvents.event);
    expect(killedAt).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ type: 'RUN_COMPLETED', recordsProcessed: 400 });
    expect(seqsOf(items)).toEqual(consecutive(events.length));
    expect(await leaseHolder()).toBe(b.instanceId);
    // B wrote what happened after A died, including outputs of tasks that ended while nobody watched.
    const stored = await b.api.prisma.runEvent.findMany({
      where: { jobRunId: decodeGlobalID(run.id).id, createdAt: { gt: new Date(killedAt) } },
    });
    expect(stored.map((event) => event.type)).toContain('RUN_COMPLETED');
    expect(stored.length).toBeGreaterThanOrEqual(2);
  });

  it('makes the watching instance poll when a job notification reaches the other one', async () => {
    // Ticks a minute apart: only the notification, relayed through Redis, can end the run in time.
    const slow = { activeIntervalMs: 60_000, idleIntervalMs: 60_000, leaseTtlMs: 120_000 };
    const env = { WEBHOOK_SECRET: 'scale-webhook-secret' };
    const [watching, other] = await Promise.all([startInstance('api-c', slow, env), startInstance('api-d', slow, env)]);
    try {
      await Promise.all([a.watcher.stop(), b.watcher.stop()]);
      watching.watcher.start();
      const run = await workspace.runJob(watching.api); // its poll takes the lease
      const jobRunId = decodeGlobalID(run.id).id;
      await waitFor(async () => (await leaseHolder()) === watching.instanceId, 5_000);
      other.watcher.start();
      await waitFor(
        async () => (await getRun(workspace.rest, Number(run.databricksRunId))).state.life_cycle_state === 'TERMINATED',
      );
      const isTerminal = async () =>
        (await other.api.prisma.jobRun.findUniqueOrThrow({ where: { id: jobRunId } })).isTerminal;
      expect(await isTerminal()).toBe(false);

      const response = await other.api.request('/webhooks/databricks/jobs', {
        method: 'POST',
        headers: { 'x-webhook-secret': env.WEBHOOK_SECRET },
        body: JSON.stringify({
          event_type: 'jobs.on_success',
          workspace_id: '1',
          run: { run_id: Number(run.databricksRunId) },
        }),
      });
      expect(response.status).toBe(202);
      await waitFor(isTerminal, 3_000);
      expect(await leaseHolder()).toBe(watching.instanceId);
    } finally {
      await Promise.all([watching.close(), other.close()]);
    }
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribeOverWebSocket } from './support/live-clients.js';
import {
  consecutive,
  createLiveWorkspace,
  RUN_EVENTS,
  seqsOf,
  settleActiveRuns,
  waitFor,
} from './support/live-workspace.js';
import { startOwnRedis } from './support/own-redis.js';
import { type Instance, startInstance } from './support/second-instance.js';

const WATCHER = { activeIntervalMs: 100, idleIntervalMs: 100, leaseTtlMs: 2_000 };
let redis: Awaited<ReturnType<typeof startOwnRedis>>;
let watching: Instance;
let serving: Instance;
let workspace: Awaited<ReturnType<typeof createLiveWorkspace>>;

beforeAll(async () => {
  redis = await startOwnRedis();
  const env = { REDIS_URL: redis.url };
  [watching, serving] = await Promise.all([startInstance('watching', WATCHER, env), startInstance('serving', {}, env)]);
  workspace = await createLiveWorkspace(watching.api, { steps: 2, stepSeconds: 200 });
  watching.watcher.start();
  await settleActiveRuns(watching.api);
});
afterAll(async () => {
  await Promise.all([watching?.close(), serving?.close()]);
  await redis?.stop();
});

describe('a Redis restart during a run', () => {
  it('loses no run event: the run ends while Redis is down, and the subscriber on another instance still gets every event to the end', async () => {
    const run = await workspace.runJob(watching.api);
    const jobRunId = decodeGlobalID(run.id).id;
    let outage: Promise<void> | undefined;
    const endedInOutage = async () => {
      await redis.kill();
      // The run goes on and ends while nothing can be published; then Redis comes back.
      await waitFor(
        async () => (await watching.api.prisma.jobRun.findUniqueOrThrow({ where: { id: jobRunId } })).isTerminal,
      );
      await sleep(500);
      await redis.restart();
    };
    const items = await withTimeout(
      subscribeOverWebSocket(
        serving.url,
        workspace.engineer,
        RUN_EVENTS,
        { runId: run.id, afterSeq: 0 },
        (_item, all) => {
          if (all.length === 2 && !outage) outage = endedInOutage();
        },
      ),
      20_000,
    );
    await outage;
    const stored = await watching.api.prisma.runEvent.findMany({ where: { jobRunId }, orderBy: { seq: 'asc' } });
    expect(outage).toBeDefined();
    expect(stored.at(-1)?.type).toBe('RUN_COMPLETED');
    expect(seqsOf(items)).toEqual(consecutive(stored.length));
    expect(items.at(-1).runEvents.event.type).toBe('RUN_COMPLETED');
  });

  it('carries events across instances again after the restart, without restarting the api', async () => {
    const run = await workspace.runJob(watching.api);
    const items = await withTimeout(
      subscribeOverWebSocket(serving.url, workspace.engineer, RUN_EVENTS, { runId: run.id, afterSeq: 0 }),
      20_000,
    );
    expect(items.at(-1).runEvents.event.type).toBe('RUN_COMPLETED');
    expect(seqsOf(items)).toEqual(consecutive(items.length - 1));
  });
});

/** Fails instead of hanging when a subscription never completes. */
function withTimeout<T>(pending: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    pending,
    sleep(ms).then(() => Promise.reject(new Error(`no answer within ${ms} ms (an event was lost)`))),
  ]);
}

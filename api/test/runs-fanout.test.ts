import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../src/http/server.js';
import { idempotencyToken } from '../src/runs/triggers.js';
import { testEmulator } from './support/emulator.js';
import { serve } from './support/live-clients.js';
import {
  consecutive,
  createLiveWorkspace,
  RUN_EVENTS,
  seqsOf,
  settleActiveRuns,
  waitFor,
} from './support/live-workspace.js';
import { createTestApi } from './support/test-api.js';

const SUBSCRIPTIONS_PER_SOCKET = 100;
// Ticks 200 ms apart: a run's length varies by ~0.2 s (seeded cluster set-up), about one tick.
const api = createTestApi({}, { watcher: { activeIntervalMs: 200 } });
const emulator = testEmulator();
let server: RunningServer;
let workspace: Awaited<ReturnType<typeof createLiveWorkspace>>;

/** Every payload of one subscription on a shared graphql-ws connection, until it completes. */
function collect(client: Client, runId: string, onFirst: () => void): Promise<any[]> {
  const items: any[] = [];
  return new Promise((resolve, reject) => {
    client.subscribe(
      { query: RUN_EVENTS, variables: { runId, afterSeq: 0 } },
      {
        next: (result) => {
          if (result.errors) reject(new Error(JSON.stringify(result.errors)));
          if (items.push(result.data) === 1) onFirst();
        },
        error: reject,
        complete: () => resolve(items),
      },
    );
  });
}

/**
 * Runs the job once with `subscribers` graphql-ws subscriptions on it, attached before the run starts in
 * Databricks (so setting up 500 subscriptions does not overlap the run): a first trigger meets a Databricks
 * outage and leaves its run retryable, everybody subscribes to that run, then the retry with the same key
 * starts it. Returns the Databricks calls of the whole run, by route, and the streams.
 */
async function runWatchedBy(subscribers: number) {
  await settleActiveRuns(api);
  const key = `fan-out-${randomUUID()}`;
  await emulator.injectFaults([{ kind: 'error', status: 503, pathPrefix: '/api/2.2/jobs/run-now', count: 3 }]);
  await expect(workspace.runJob(api, key)).rejects.toThrow(/DATABRICKS_UNAVAILABLE/);
  const pending = await api.prisma.jobRun.findUniqueOrThrow({
    where: { idempotencyToken: idempotencyToken(workspace.integration.id, key) },
  });
  const runId = encodeGlobalID('JobRun', pending.id);

  const clients = Array.from({ length: Math.ceil(subscribers / SUBSCRIPTIONS_PER_SOCKET) }, () =>
    createClient({
      url: `${server.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${workspace.engineer}` },
      retryAttempts: 0,
    }),
  );
  try {
    let attached = 0;
    const everyoneAttached = waitFor(async () => attached === subscribers, 30_000);
    const streams = Array.from({ length: subscribers }, (_item, index) =>
      collect(clients[index % clients.length]!, runId, () => attached++),
    );
    await everyoneAttached;
    await databaseQuiet();
    await emulator.resetStats();
    api.counter.statements = 0;
    expect((await workspace.runJob(api, key)).id).toBe(runId);
    const results = await Promise.all(streams);
    const { calls } = (await emulator.stats()) as { calls: Record<string, number> };
    return { calls, streams: results, statements: api.counter.statements };
  } finally {
    await emulator.clearFaults();
    await Promise.all(clients.map((client) => client.dispose()));
  }
}

/** Waits until subscriptions have read their backlogs (only the idle watcher still queries now and then). */
async function databaseQuiet() {
  let before = -1;
  await waitFor(async () => {
    const settled = api.counter.statements - before < 3;
    before = api.counter.statements;
    await sleep(200);
    return settled;
  }, 30_000);
}

beforeAll(async () => {
  workspace = await createLiveWorkspace(api, { steps: 2, stepSeconds: 100 });
  server = await serve(api);
  api.deps.runs.watcher.start();
});
afterAll(async () => {
  await server?.close();
  await api.close();
});

describe('fan-out cost of live runs', () => {
  it('makes as many Databricks calls and SQL statements for a run watched by 500 subscribers as by 1', async () => {
    const one = await runWatchedBy(1);
    const many = await runWatchedBy(500);

    expect(many.streams).toHaveLength(500);
    const reference = many.streams[0]!;
    expect(reference.at(-1).runEvents.event).toMatchObject({ type: 'RUN_COMPLETED', recordsProcessed: 200 });
    expect(seqsOf(reference)).toEqual(consecutive(reference.length - 1));
    for (const stream of many.streams) expect(seqsOf(stream)).toEqual(seqsOf(reference));

    const route = (calls: Record<string, number>, key: string) => calls[key] ?? 0;
    // Fixed per run: one start, one output read per finished task.
    for (const key of ['POST /api/2.2/jobs/run-now', 'GET /api/2.2/jobs/runs/get-output']) {
      expect(route(many.calls, key)).toBe(route(one.calls, key));
    }
    // Per tick and per state change: the count follows how long the run took and how changes fell into ticks
    // (timing varies with machine load), never the subscribers: 500 subscribers polling would add hundreds.
    for (const key of ['GET /api/2.2/jobs/runs/list', 'GET /api/2.2/jobs/runs/get']) {
      expect(route(many.calls, key)).toBeLessThanOrEqual(route(one.calls, key) * 1.5 + 2);
    }
    const total = (calls: Record<string, number>) => Object.values(calls).reduce((sum, count) => sum + count, 0);
    expect(total(many.calls)).toBeLessThanOrEqual(total(one.calls) * 1.5 + 4);
    expect(Object.keys(many.calls).sort()).toEqual(Object.keys(one.calls).sort());
    // Events reach subscribers from pub/sub, not from a query per subscriber (that would add ~500 per event).
    expect(many.statements).toBeLessThanOrEqual(one.statements + 20);
  });
});

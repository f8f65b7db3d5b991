import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/http/server.js';
import { testDatabaseUrl } from './support/database-url.js';
import { serve, subscribeOverWebSocket } from './support/live-clients.js';
import {
  consecutive,
  createLiveWorkspace,
  RUN_EVENTS,
  seqsOf,
  settleActiveRuns,
  waitFor,
} from './support/live-workspace.js';
import { createTestApi } from './support/test-api.js';

const LEASE_TTL_MS = 1_000;
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
// The instance that survives; its watcher starts only once the other process is dead.
const survivor = createTestApi(
  {},
  { watcher: { leaseTtlMs: LEASE_TTL_MS, activeIntervalMs: 100, idleIntervalMs: 100 } },
);
let server: RunningServer;
let workspace: Awaited<ReturnType<typeof createLiveWorkspace>>;
let watcherProcess: ChildProcess | undefined;

/** The api as its own process (`node --import tsx api/src/main.ts`), on the test database, watching runs. */
async function startApiProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      PORT: '0',
      LOG_LEVEL: 'info',
      RUN_WATCH_INTERVAL_MS: '100',
      RUN_WATCH_IDLE_INTERVAL_MS: '100',
      RUN_WATCH_LEASE_TTL_MS: String(LEASE_TTL_MS),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitFor(async () => output.includes('CoP OS api listening'), 30_000);
  return child;
}

beforeAll(async () => {
  server = await serve(survivor);
  workspace = await createLiveWorkspace(survivor, { steps: 3, stepSeconds: 400 });
  survivor.deps.runs.watcher.start();
  await settleActiveRuns(survivor);
  await survivor.deps.runs.watcher.stop();
}, 60_000);
afterAll(async () => {
  watcherProcess?.kill('SIGKILL');
  await server?.close();
  await survivor.close();
});

describe('the watching process killed mid-run', () => {
  it('loses no run event: another instance takes the lease over and the run streams to its end', async () => {
    watcherProcess = await startApiProcess();
    const run = await workspace.runJob(survivor);
    const jobRunId = decodeGlobalID(run.id).id;
    const lease = () => survivor.prisma.watchLease.findUnique({ where: { integrationId: workspace.integration.id } });
    // The process follows the run (it holds the lease and has written progress), then dies without a word.
    await waitFor(async () => {
      const progress = await survivor.prisma.runEvent.count({ where: { jobRunId, type: 'RUN_PROGRESS' } });
      return progress > 0 && (await lease())?.holder !== survivor.deps.runs.instanceId;
    }, 15_000);
    const exited = once(watcherProcess, 'exit');
    watcherProcess.kill('SIGKILL');
    await exited;
    const eventsAtKill = await survivor.prisma.runEvent.count({ where: { jobRunId } });

    survivor.deps.runs.watcher.start();
    const items = await subscribeOverWebSocket(server.url, workspace.engineer, RUN_EVENTS, {
      runId: run.id,
      afterSeq: 0,
    });
    const stored = await survivor.prisma.runEvent.findMany({ where: { jobRunId }, orderBy: { seq: 'asc' } });
    expect(stored.length).toBeGreaterThan(eventsAtKill);
    expect(stored.at(-1)?.type).toBe('RUN_COMPLETED');
    expect(seqsOf(items)).toEqual(consecutive(stored.length));
    expect(items.at(-1).runEvents.event).toMatchObject({ type: 'RUN_COMPLETED', recordsProcessed: 300 });
    expect((await lease())?.holder).toBe(survivor.deps.runs.instanceId);
  });
});

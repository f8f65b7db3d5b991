import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryHoldLease } from '../src/runs/lease.js';
import { testEmulator } from './support/emulator.js';
import { createLiveWorkspace, settleActiveRuns } from './support/live-workspace.js';
import { createTestApi } from './support/test-api.js';

// A lease far shorter than one slow tick: only renewal during the tick keeps it.
const LEASE_TTL_MS = 600;
const api = createTestApi({}, { watcher: { leaseTtlMs: LEASE_TTL_MS, activeIntervalMs: 100, idleIntervalMs: 100 } });
const emulator = testEmulator();
let workspace: Awaited<ReturnType<typeof createLiveWorkspace>>;

beforeAll(async () => {
  workspace = await createLiveWorkspace(api, { steps: 2, stepSeconds: 100 });
  api.deps.runs.watcher.start();
  await settleActiveRuns(api);
  await api.deps.runs.watcher.stop();
});
afterAll(async () => {
  await emulator.clearFaults();
  await api.close();
});

describe('the run watcher lease', () => {
  it('is renewed during a tick that outlasts it, so no other instance takes the workspace mid-tick', async () => {
    await workspace.runJob(api);
    await emulator.injectFaults([{ kind: 'latency', ms: 1_200, pathPrefix: '/api/2.2/jobs/runs/list', count: 1 }]);
    const tick = api.deps.runs.watcher.tick();
    await sleep(LEASE_TTL_MS + 300);
    const intruder = await tryHoldLease(api.prisma, workspace.integration.id, 'intruder', LEASE_TTL_MS);
    const lease = await api.prisma.watchLease.findUniqueOrThrow({ where: { integrationId: workspace.integration.id } });
    expect(await tick).toBeGreaterThanOrEqual(1);
    expect(intruder).toBe(false);
    expect(lease.holder).toBe(api.deps.runs.instanceId);
  });
});

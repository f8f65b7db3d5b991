import { setTimeout as sleep } from 'node:timers/promises';
import type { AppDeps } from '@cop-os/api/deps';
import type { RunningEmulator } from '../../emulator/src/app.js';
import { createBenchDatabase } from '../lib/database.js';
import { startBenchEmulator, untilSqlReady } from '../lib/emulator.js';
import { analyzeDeliveries, apiCalls } from '../lib/fanout-analysis.js';
import { type MemoryReading, readMemory } from '../lib/fanout-memory.js';
import { fanoutReport, type PhaseResult } from '../lib/fanout-report.js';
import { startPoller, startSubscribers } from '../lib/fanout-workers.js';
import { createFanoutWorkspace, FANOUT_NOTEBOOK, type StartedRun } from '../lib/fanout-workspace.js';
import { startBenchGateway } from '../lib/gateway.js';
import type { Scenario } from './scenario.js';

/** The bench's shape: 20 runs of a 3-task job, 20 graphql-ws connections, the watcher ticking every 100 ms. */
export const FANOUT = {
  runs: 20,
  sockets: 20,
  steps: 3,
  speed: 20,
  /**
   * Wall seconds the runs wait for their cluster: the time subscribers have to attach before anything moves.
   * Attaching 2,000 takes about 20 s on a loaded 2-core VM (each one authenticates and reads its run through a
   * 10-connection Postgres pool).
   */
  setupWallSeconds: 30,
  /** Emulated seconds each task runs (2–3 wall seconds at speed 20). */
  stepSeconds: [40, 60] as [number, number],
  tickMs: 100,
  pollMs: 20,
};

type Workspace = Awaited<ReturnType<typeof createFanoutWorkspace>>;

type RunProgress = { lastSeq: number; isTerminal: boolean };

/** The runs' rows now, in the order of `runs`. */
async function readRuns(deps: AppDeps, runs: StartedRun[]): Promise<RunProgress[]> {
  const rows = await deps.prisma.jobRun.findMany({
    where: { id: { in: runs.map((run) => run.rowId) } },
    select: { id: true, lastSeq: true, isTerminal: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return runs.map((run) => byId.get(run.rowId)!);
}

/** Polls the database until `check` holds for every run's row. */
async function untilRuns(
  deps: AppDeps,
  runs: StartedRun[],
  check: (row: RunProgress) => boolean,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await readRuns(deps, runs)).every(check)) {
    if (Date.now() > deadline) throw new Error(`Runs did not ${what} within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/**
 * One phase: starts the runs, waits until the watcher has reported their first state (clusters starting),
 * attaches the subscribers while the runs wait for their clusters, then follows everything to the end.
 */
async function runPhase(
  deps: AppDeps,
  emulator: RunningEmulator,
  workspace: Workspace,
  graphqlUrl: string,
  subscribers: number,
): Promise<PhaseResult> {
  emulator.stats.reset();
  const poller = startPoller({
    emulatorUrl: emulator.url,
    token: emulator.token,
    caPem: emulator.caPem,
    jobId: workspace.jobId,
    intervalMs: FANOUT.pollMs,
  });
  const subscribed = { runs: Math.min(FANOUT.runs, subscribers), sockets: Math.min(FANOUT.sockets, subscribers) };
  const perRun = Math.ceil(subscribers / subscribed.runs);
  let workers: { kill(): void }[] = [poller];
  try {
    const runs = await Promise.all(Array.from({ length: FANOUT.runs }, () => workspace.runJob(graphqlUrl)));
    // RUN_STARTED and the first progress (tasks pending) come before anyone subscribes.
    await untilRuns(deps, runs, (row) => row.lastSeq >= 2, 'report their first state', 10_000);
    const before = readMemory();
    const watched = runs.slice(0, subscribed.runs);
    const clients = startSubscribers({
      graphqlUrl: graphqlUrl.replace('http', 'ws'),
      token: workspace.token,
      runIds: watched.map((run) => run.id),
      perRun,
      sockets: subscribed.sockets,
    });
    workers = [...workers, clients];
    const attachMs = await clients.attached();
    const after: MemoryReading = readMemory();
    const attachedSeq = (await readRuns(deps, watched)).map((row) => row.lastSeq);
    const { events, streams } = await withTimeout(clients.done(), 120_000, 'the subscriptions to complete');
    await untilRuns(deps, runs, (row) => row.isTerminal, 'end', 60_000);
    const seen = await poller.stop();
    return {
      subscribers: perRun * subscribed.runs,
      perRun,
      sockets: subscribed.sockets,
      attachMs,
      memory: { before, after },
      deliveries: analyzeDeliveries({
        events,
        streams,
        perRun,
        attachedSeq,
        databricksRunIds: watched.map((run) => run.databricksRunId),
        firstSeen: seen.firstSeen,
      }),
      polls: { count: seen.polls, roundTrips: seen.roundTrips },
      ...apiCalls(emulator.stats.snapshot().calls),
    };
  } finally {
    for (const worker of workers) worker.kill();
  }
}

/**
 * `untilSqlReady` waits 50 emulated seconds, which at this speed is 2.5 wall seconds: short of the system
 * tables' generation on a loaded machine. Ask again until it answers.
 */
async function untilSqlGenerated(emulator: RunningEmulator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await untilSqlReady(emulator);
    } catch (error) {
      if (attempt === 12) throw error;
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Live-run events to many subscribers: delivery latency, completeness and memory for `iterations`
 * subscribers over 20 concurrent runs, and the Databricks calls per watcher tick compared with 1 subscriber.
 */
export const runFanout: Scenario = {
  name: 'run-fanout',
  title: 'Live-run event delivery to many graphql-ws subscribers, against one subscriber',
  defaultIterations: 2_000,
  async run({ iterations }) {
    const database = await createBenchDatabase();
    const emulator = await startBenchEmulator({
      speed: FANOUT.speed,
      scenario: {
        setupSeconds: [FANOUT.setupWallSeconds * FANOUT.speed, FANOUT.setupWallSeconds * FANOUT.speed],
        cleanupSeconds: [2, 4],
        notebooks: { [FANOUT_NOTEBOOK]: { durationSeconds: FANOUT.stepSeconds, output: { records_processed: 100 } } },
      },
    });
    await untilSqlGenerated(emulator);
    const gateway = await startBenchGateway(database, emulator, {
      watcher: { activeIntervalMs: FANOUT.tickMs, idleIntervalMs: FANOUT.tickMs },
    });
    const { deps, server } = gateway;
    try {
      const workspace = await createFanoutWorkspace(deps, emulator, FANOUT.steps);
      deps.runs.watcher.start();
      const graphqlUrl = `${server.url}/graphql`;
      const one = await runPhase(deps, emulator, workspace, graphqlUrl, 1);
      const many = await runPhase(deps, emulator, workspace, graphqlUrl, iterations);
      return fanoutReport({ one, many, settings: FANOUT });
    } finally {
      await gateway.close();
    }
  },
};

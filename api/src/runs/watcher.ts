import type { Logger } from 'pino';
import { getRun, getRunOutput, listRuns, type Run, TERMINAL_LIFE_CYCLE_STATES } from '../databricks/api/jobs.js';
import type { DatabricksRegistry, WorkspaceConnection } from '../databricks/registry.js';
import type { PrismaClient } from '../db/prisma.js';
import type { JobRun } from '../generated/prisma/client.js';
import { appendRunEvent } from './events.js';
import { releaseLeases, tryHoldLease } from './lease.js';
import type { RunPubSub } from './pubsub.js';
import {
  currentTask,
  etaMs,
  eventFor,
  failureMessage,
  type RunSnapshot,
  recordsFromOutput,
  runFingerprint,
  snapshotFingerprint,
  snapshotOf,
  type TaskSnapshot,
  totalRecords,
} from './snapshot.js';

export interface RunWatcherOptions {
  /** Identifies this instance in leases. */
  instanceId: string;
  /** Tick while runs are active. */
  activeIntervalMs: number;
  /** Tick while nothing runs (only to notice new runs and take over leases). */
  idleIntervalMs: number;
  /** A lease not renewed for this long is taken over by another instance. */
  leaseTtlMs: number;
}

export interface RunWatcherDeps {
  prisma: PrismaClient;
  pubsub: RunPubSub;
  registry: DatabricksRegistry;
  log: Logger;
}

/**
 * Follows active runs for every instance's subscribers at once: per workspace and tick one
 * `runs/list?active_only=true`, then `runs/get` only for runs whose state changed, and `get-output` once per
 * finished task. Databricks calls therefore grow with workspaces and state changes, never with subscribers.
 * State changes become numbered `RunEvent`s. One instance per integration watches, through a lease.
 */
export class RunWatcher {
  /** What `/metrics` reports of this instance's watching. */
  readonly stats = { ticks: 0, failedTicks: 0, followedRuns: 0, lastTickSeconds: 0 };
  private stopped = true;
  private wake?: () => void;
  /** A poll asked for while a tick was running: the next sleep is skipped so the request is not lost. */
  private pollRequested = false;
  private loop?: Promise<void>;

  constructor(
    private readonly deps: RunWatcherDeps,
    private readonly options: RunWatcherOptions,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    await this.abandon();
    await releaseLeases(this.deps.prisma, this.options.instanceId).catch(() => {});
  }

  /** Stops without releasing leases, as a crashed instance would: others take over once they expire. */
  async abandon(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** Polls at once instead of at the next tick (after a trigger, a cancel or a webhook). */
  pollNow(): void {
    this.pollRequested = true;
    this.wake?.();
  }

  /**
   * One pass over every integration with active runs; returns how many runs it followed. The leases it holds
   * are renewed all through the pass (a pass over slow workspaces may outlast a lease), and an integration whose
   * lease another instance took meanwhile is left to it at once.
   */
  async tick(): Promise<number> {
    const groups = await this.deps.prisma.jobRun.groupBy({
      by: ['integrationId'],
      where: { isTerminal: false, databricksRunId: { not: null } },
      _count: true,
    });
    const held: typeof groups = [];
    for (const group of groups) {
      if (await this.holdLease(group.integrationId)) held.push(group);
    }
    const lost = new Set<string>();
    const renewal = setInterval(() => void this.renewLeases(held, lost), Math.max(50, this.options.leaseTtlMs / 3));
    try {
      let followed = 0;
      for (const group of held) {
        if (lost.has(group.integrationId)) continue;
        followed += group._count;
        await this.pollIntegration(group.integrationId, () => lost.has(group.integrationId)).catch((error: unknown) =>
          this.deps.log.warn(
            { err: error, integrationId: group.integrationId },
            'polling runs failed; retrying next tick',
          ),
        );
      }
      return followed;
    } finally {
      clearInterval(renewal);
    }
  }

  private holdLease(integrationId: string): Promise<boolean> {
    return tryHoldLease(this.deps.prisma, integrationId, this.options.instanceId, this.options.leaseTtlMs);
  }

  private async renewLeases(held: { integrationId: string }[], lost: Set<string>): Promise<void> {
    for (const { integrationId } of held) {
      if (lost.has(integrationId)) continue;
      // A renewal that cannot reach Postgres is not a lost lease: the writes of this pass fail the same way.
      if (!(await this.holdLease(integrationId).catch(() => true))) lost.add(integrationId);
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.pollRequested = false;
      const started = performance.now();
      const followed = await this.tick().catch((error: unknown) => {
        this.deps.log.error({ err: error }, 'run watcher tick failed');
        this.stats.failedTicks++;
        return 0;
      });
      this.stats.ticks++;
      this.stats.followedRuns = followed;
      this.stats.lastTickSeconds = (performance.now() - started) / 1000;
      await this.sleep(followed > 0 ? this.options.activeIntervalMs : this.options.idleIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.pollRequested || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async pollIntegration(integrationId: string, leaseLost: () => boolean): Promise<void> {
    const integration = await this.deps.prisma.integration.findUniqueOrThrow({ where: { id: integrationId } });
    const connection = this.deps.registry.forIntegration(integration);
    const runs = await this.deps.prisma.jobRun.findMany({
      where: { integrationId, isTerminal: false, databricksRunId: { not: null } },
    });
    const active = await listActiveRuns(connection);
    for (const row of runs) {
      if (leaseLost()) return;
      const listed = active.get(row.databricksRunId!);
      const stored = snapshotFingerprint({
        state: row.state,
        resultState: row.resultState,
        tasks: row.tasks as unknown as TaskSnapshot[],
      });
      // Unchanged and still active: nothing to fetch. Gone from the active list: it finished, so fetch it.
      if (listed && runFingerprint(listed) === stored) continue;
      const run = await getRun(connection.rest, Number(row.databricksRunId));
      await this.apply(connection, row, run);
    }
  }

  private async apply(connection: WorkspaceConnection, row: JobRun, run: Run): Promise<void> {
    const previous = row.tasks as unknown as TaskSnapshot[];
    const snapshot = snapshotOf(run, previous);
    await this.readFinishedTaskOutputs(connection, snapshot, previous);
    const changed =
      snapshotFingerprint(snapshot) !==
        snapshotFingerprint({ state: row.state, resultState: row.resultState, tasks: previous }) ||
      totalRecords(snapshot.tasks) !== row.recordsProcessed;
    if (!changed) return;
    const records = totalRecords(snapshot.tasks);
    const type = eventFor(snapshot);
    const errorMessage = type === 'RUN_FAILED' ? failureMessage(snapshot) : null;
    const runChanges = {
      state: snapshot.state,
      resultState: snapshot.resultState,
      stateMessage: snapshot.stateMessage,
      runPageUrl: snapshot.runPageUrl ?? row.runPageUrl,
      startedAt: snapshot.startedAt,
      endedAt: snapshot.endedAt,
      durationMs: snapshot.durationMs,
      tasks: snapshot.tasks as object[],
      recordsProcessed: records,
      isTerminal: snapshot.isTerminal,
      ...(errorMessage ? { errorMessage } : {}),
    };
    const payload = {
      state: snapshot.state,
      resultState: snapshot.resultState,
      currentTask: currentTask(snapshot.tasks),
      tasks: snapshot.tasks,
      runPageUrl: snapshot.runPageUrl,
      durationMs: snapshot.durationMs,
      recordsProcessed: records,
      errorMessage,
      etaMs: etaMs(row.expectedDurationMs, snapshot),
    };
    await appendRunEvent(this.deps.prisma, this.deps.pubsub, row.id, type, payload, runChanges);
  }

  /** Reads `dbutils.notebook.exit` output (records processed) or the error of each task that just finished. */
  private async readFinishedTaskOutputs(
    connection: WorkspaceConnection,
    snapshot: RunSnapshot,
    previous: TaskSnapshot[],
  ) {
    const wasDone = new Set(
      previous.filter((task) => TERMINAL_LIFE_CYCLE_STATES.has(task.state)).map((task) => task.taskKey),
    );
    for (const task of snapshot.tasks) {
      if (
        !TERMINAL_LIFE_CYCLE_STATES.has(task.state) ||
        wasDone.has(task.taskKey) ||
        task.resultState === 'UPSTREAM_FAILED'
      )
        continue;
      if (task.resultState === 'CANCELED' || task.state === 'SKIPPED') continue;
      const output = await getRunOutput(connection.rest, task.runId).catch(() => null);
      if (!output) continue;
      task.recordsProcessed = recordsFromOutput(output) ?? task.recordsProcessed;
      if (output.error) task.message = output.error;
    }
  }
}

/** Every active run of the workspace, following pages (25 runs a page is Databricks' limit). */
async function listActiveRuns(connection: WorkspaceConnection): Promise<Map<string, Run>> {
  const active = new Map<string, Run>();
  let pageToken: string | undefined;
  do {
    const page = await listRuns(connection.rest, { activeOnly: true, limit: 25, pageToken, expandTasks: true });
    for (const run of page.runs) active.set(String(run.run_id), run);
    pageToken = page.hasMore ? page.nextPageToken : undefined;
  } while (pageToken);
  return active;
}

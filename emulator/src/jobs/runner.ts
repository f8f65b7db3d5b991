import type { Clock } from '../contracts.js';
import { deriveRandom, randomInt } from '../scenario/random.js';
import { type DrawContext, drawTasks } from './draws.js';
import type { IdSequence } from './ids.js';
import type { WebhookNotifier } from './notifications.js';
import { planTasks } from './plan.js';
import type { RunRecord, RunStore } from './records.js';
import { isTerminal, runStateView } from './run-state.js';
import type { SqlTaskExecutor } from './sql-tasks.js';
import type { LakeflowRecorder } from './timeline.js';
import type { RunType, TaskSettings, Trigger, WebhookNotifications } from './types.js';

export interface NewRun {
  jobId?: number;
  runName: string;
  tasks: TaskSettings[];
  creatorUserName: string;
  runType: RunType;
  trigger: Trigger;
  /** Concurrency limit of the job (submitted runs have none). */
  maxConcurrentRuns?: number;
  queueEnabled?: boolean;
  jobClusters?: unknown[];
  jobParameters?: RunRecord['jobParameters'];
  overridingParameters?: Record<string, unknown>;
  idempotencyToken?: string;
  webhookNotifications?: WebhookNotifications;
  /** For generated history: when the run was created (it starts at once). */
  createdAt?: number;
}

export interface RunnerDeps {
  clock: Clock;
  store: RunStore;
  runIds: IdSequence;
  draws: Omit<DrawContext, 'runAs' | 'historic'>;
  recorder?: LakeflowRecorder;
  notifier?: WebhookNotifier;
  /** Runs the queries of `sql_task`s; without it they end when their drawn time is up. */
  sqlTasks?: SqlTaskExecutor;
}

/** How often (wall time) finished runs are recorded and queued runs started. */
const TICK_MS = 50;

/**
 * Moves runs through their lifecycle: queue or skip past the concurrency limit, plan the tasks when a run
 * starts, cancel, and, when a run ends, record it and start the next queued run of its job. States between
 * those moments are derived from the plan and the clock (see run-state.ts).
 */
export class RunRunner {
  private ticker?: NodeJS.Timeout;

  constructor(private readonly deps: RunnerDeps) {}

  start(): void {
    this.ticker = setInterval(() => this.advance(), TICK_MS);
    this.ticker.unref();
  }

  stop(): void {
    clearInterval(this.ticker);
  }

  create(request: NewRun): RunRecord {
    const { clock, store, runIds } = this.deps;
    // Runs already waiting in the queue go first.
    if (request.createdAt === undefined) this.advance();
    const now = request.createdAt ?? clock.now();
    const run: RunRecord = {
      runId: runIds.take(),
      jobId: request.jobId,
      runName: request.runName,
      creatorUserName: request.creatorUserName,
      runType: request.runType,
      trigger: request.trigger,
      createdAt: now,
      tasks: request.tasks.map((settings) => ({ runId: runIds.take(), settings })),
      jobClusters: request.jobClusters,
      jobParameters: request.jobParameters,
      overridingParameters: request.overridingParameters,
      idempotencyToken: request.idempotencyToken,
      webhookNotifications: request.webhookNotifications,
      finalized: false,
    };
    const limit = request.maxConcurrentRuns;
    if (request.createdAt === undefined && limit !== undefined && this.activeRuns(request.jobId).length >= limit) {
      if (request.queueEnabled) run.concurrencyLimit = limit;
      else
        run.skippedMessage = `Skipping this run because the limit of ${limit} maximum concurrent runs has been reached.`;
    } else {
      this.begin(run, now, request.createdAt !== undefined);
    }
    store.add(run);
    return run;
  }

  cancel(run: RunRecord): void {
    const now = this.deps.clock.now();
    if (run.cancel || isTerminal(run, now)) return;
    const cleanupMs = randomInt(deriveRandom(this.deps.draws.seed, 'cancel', run.runId), 1000, 3000);
    run.cancel = { at: now, cleanupMs: run.startedAt === undefined ? 0 : cleanupMs };
  }

  /** Records finished runs and starts queued ones whose job has a free slot. */
  advance(): void {
    const now = this.deps.clock.now();
    const runs = this.deps.store.all().reverse();
    for (const run of runs) {
      if (!run.finalized) this.deps.sqlTasks?.advance(run, now);
      if (!run.finalized && isTerminal(run, now)) {
        run.finalized = true;
        const view = runStateView(run, now);
        void this.deps.recorder?.recordRun(run, view, now);
        this.deps.notifier?.notify(run, view.state.result_state === 'SUCCESS' ? 'jobs.on_success' : 'jobs.on_failure');
      }
    }
    for (const run of runs) {
      if (run.startedAt !== undefined || run.cancel || run.skippedMessage) continue;
      if (this.activeRuns(run.jobId).length < (run.concurrencyLimit ?? 1)) this.begin(run, now, false);
    }
  }

  /** Runs of the job that have started and not finished. */
  activeRuns(jobId: number | undefined): RunRecord[] {
    const now = this.deps.clock.now();
    return this.deps.store
      .all()
      .filter((run) => run.jobId === jobId && run.startedAt !== undefined && !run.finalized && !isTerminal(run, now));
  }

  private begin(run: RunRecord, at: number, historic: boolean): void {
    const { draws, outputs } = drawTasks(
      { ...this.deps.draws, runAs: run.creatorUserName, historic },
      run.runId,
      run.tasks.map((task) => task.settings),
    );
    const plans = planTasks(draws, at);
    run.startedAt = at;
    if (!historic) this.deps.notifier?.notify(run, 'jobs.on_start');
    run.tasks.forEach((task, index) => {
      task.plan = plans[index];
      task.output = outputs[index];
    });
  }
}

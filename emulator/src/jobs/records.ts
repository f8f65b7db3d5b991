import type { Cancellation, PlannedTask } from './plan.js';
import type { RunType, TaskSettings, Trigger, WebhookNotifications } from './types.js';

/** What the notebook passed to `dbutils.notebook.exit`, or the exception it raised. */
export interface TaskOutput {
  result?: string;
  error?: string;
  errorTrace?: string;
}

export interface TaskRunRecord {
  runId: number;
  settings: TaskSettings;
  /** Set when the parent run leaves the queue. */
  plan?: PlannedTask;
  output?: TaskOutput;
}

/** One run (job run or submitted run) and everything needed to answer for it at any emulated time. */
export interface RunRecord {
  runId: number;
  jobId?: number;
  runName: string;
  creatorUserName: string;
  runType: RunType;
  trigger: Trigger;
  /** `start_time`: when the run was created (it may then wait in the queue). */
  createdAt: number;
  /** When it left the queue and its tasks were planned. */
  startedAt?: number;
  tasks: TaskRunRecord[];
  jobClusters?: unknown[];
  jobParameters?: { name: string; default: string; value?: string }[];
  overridingParameters?: Record<string, unknown>;
  idempotencyToken?: string;
  webhookNotifications?: WebhookNotifications;
  /** For a queued run: the job's `max_concurrent_runs` it waits for. */
  concurrencyLimit?: number;
  cancel?: Cancellation;
  /** Terminal without running: `MAX_CONCURRENT_RUNS_EXCEEDED`. */
  skippedMessage?: string;
  /** Recorded in the system tables. */
  finalized: boolean;
}

/** Runs by run id, and task runs by their own run id (`runs/get` and `runs/get-output` accept both). */
export class RunStore {
  private readonly runs = new Map<number, RunRecord>();
  private readonly taskRuns = new Map<number, { run: RunRecord; task: TaskRunRecord }>();
  private readonly byIdempotencyToken = new Map<string, number>();

  add(run: RunRecord): void {
    this.runs.set(run.runId, run);
    for (const task of run.tasks) this.taskRuns.set(task.runId, { run, task });
    if (run.idempotencyToken) this.byIdempotencyToken.set(run.idempotencyToken, run.runId);
  }

  get(runId: number): RunRecord | undefined {
    return this.runs.get(runId);
  }

  getTaskRun(runId: number): { run: RunRecord; task: TaskRunRecord } | undefined {
    return this.taskRuns.get(runId);
  }

  byToken(token: string): RunRecord | undefined {
    const runId = this.byIdempotencyToken.get(token);
    return runId === undefined ? undefined : this.runs.get(runId);
  }

  delete(run: RunRecord): void {
    this.runs.delete(run.runId);
    for (const task of run.tasks) this.taskRuns.delete(task.runId);
    if (run.idempotencyToken) this.byIdempotencyToken.delete(run.idempotencyToken);
  }

  /** Newest first, as `runs/list` answers. */
  all(): RunRecord[] {
    return [...this.runs.values()].sort((a, b) => b.createdAt - a.createdAt || b.runId - a.runId);
  }
}

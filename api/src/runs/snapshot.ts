import { type Run, type RunOutput, TERMINAL_LIFE_CYCLE_STATES } from '../databricks/api/jobs.js';
import type { RunEventType } from './events.js';

/** A task of a run as the gateway stores it (`JobRun.tasks`). */
export interface TaskSnapshot {
  taskKey: string;
  runId: number;
  state: string;
  resultState: string | null;
  message: string | null;
  startedAt: string | null;
  endedAt: string | null;
  recordsProcessed: number | null;
  /** What the notebook passed to `dbutils.notebook.exit` (raw), once the task succeeded. */
  output?: string | null;
  /** Databricks returned only the first part of the exit value. */
  outputTruncated?: boolean;
  /** The stack trace of a failed task. */
  errorTrace?: string | null;
}

/** What `runs/get-output` told about a finished task; read once, then carried from snapshot to snapshot. */
export type TaskOutputFields = Pick<TaskSnapshot, 'recordsProcessed' | 'output' | 'outputTruncated' | 'errorTrace'>;

/** The fields of `JobRun` that follow the Databricks run. */
export interface RunSnapshot {
  state: string;
  resultState: string | null;
  stateMessage: string | null;
  runPageUrl: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  durationMs: number | null;
  tasks: TaskSnapshot[];
  isTerminal: boolean;
}

const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : null);

/** Reads a Databricks run into the gateway's snapshot, keeping each task's output already read. */
export function snapshotOf(run: Run, previous: TaskSnapshot[] = []): RunSnapshot {
  const known = new Map(previous.map((task) => [task.taskKey, outputFields(task)]));
  const isTerminal = TERMINAL_LIFE_CYCLE_STATES.has(run.state.life_cycle_state);
  return {
    state: run.state.life_cycle_state,
    resultState: run.state.result_state ?? null,
    stateMessage: run.status?.termination_details?.message || run.state.state_message || null,
    runPageUrl: run.run_page_url ?? null,
    startedAt: run.start_time ? new Date(run.start_time) : null,
    endedAt: run.end_time ? new Date(run.end_time) : null,
    durationMs: isTerminal
      ? run.run_duration || (run.end_time && run.start_time ? run.end_time - run.start_time : null)
      : null,
    isTerminal,
    tasks: (run.tasks ?? []).map((task) => ({
      taskKey: task.task_key,
      runId: task.run_id,
      state: task.state.life_cycle_state,
      resultState: task.state.result_state ?? null,
      message: task.state.state_message || null,
      startedAt: iso(task.start_time),
      endedAt: iso(task.end_time),
      recordsProcessed: null,
      ...known.get(task.task_key),
    })),
  };
}

/** What a `runs/list` entry or a stored snapshot looks like for change detection: states only. */
export function fingerprint(
  state: string,
  resultState: string | null | undefined,
  tasks: { key: string; state: string; result?: string | null }[],
) {
  return [state, resultState ?? '', ...tasks.map((task) => `${task.key}:${task.state}:${task.result ?? ''}`)].join('|');
}

export const runFingerprint = (run: Run) =>
  fingerprint(
    run.state.life_cycle_state,
    run.state.result_state,
    (run.tasks ?? []).map((task) => ({
      key: task.task_key,
      state: task.state.life_cycle_state,
      result: task.state.result_state,
    })),
  );

export const snapshotFingerprint = (snapshot: Pick<RunSnapshot, 'state' | 'resultState' | 'tasks'>) =>
  fingerprint(
    snapshot.state,
    snapshot.resultState,
    snapshot.tasks.map((task) => ({ key: task.taskKey, state: task.state, result: task.resultState })),
  );

/** The task a person would call "current": the first running one, else the last one started. */
export function currentTask(tasks: TaskSnapshot[]): string | null {
  const running = tasks.find((task) => task.state === 'RUNNING' || (task.state === 'PENDING' && task.startedAt));
  if (running) return running.taskKey;
  const started = tasks.filter((task) => task.startedAt).sort((a, b) => (a.startedAt! < b.startedAt! ? 1 : -1));
  return started[0]?.taskKey ?? null;
}

const outputFields = (task: TaskSnapshot): TaskOutputFields => ({
  recordsProcessed: task.recordsProcessed,
  ...(task.output === undefined ? {} : { output: task.output, outputTruncated: task.outputTruncated }),
  ...(task.errorTrace === undefined ? {} : { errorTrace: task.errorTrace }),
});

/** A task's fields from its `runs/get-output`: the exit value (raw and as records processed) or the error trace. */
export function fromOutput(output: RunOutput): TaskOutputFields & { error: string | null } {
  return {
    recordsProcessed: recordsFromOutput(output.notebook_output?.result),
    output: output.notebook_output?.result ?? null,
    outputTruncated: output.notebook_output?.truncated ?? false,
    errorTrace: output.error_trace ?? null,
    error: output.error ?? null,
  };
}

/** A notebook's exit value as JSON when it is JSON (most are), else the string it is. */
export function exitValue(raw: string | null | undefined): unknown {
  if (raw === null || raw === undefined) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** `{"records_processed": 12873}` from `dbutils.notebook.exit`, or null when the output says nothing. */
function recordsFromOutput(raw: string | undefined): number | null {
  if (!raw) return null;
  try {
    const value = (JSON.parse(raw) as { records_processed?: unknown }).records_processed;
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

export const totalRecords = (tasks: TaskSnapshot[]) =>
  tasks.some((task) => task.recordsProcessed !== null)
    ? tasks.reduce((sum, task) => sum + (task.recordsProcessed ?? 0), 0)
    : null;

/** The event a state change produces: a terminal one when the run ended, else progress. */
export function eventFor(snapshot: RunSnapshot): RunEventType {
  if (!snapshot.isTerminal) return 'RUN_PROGRESS';
  if (snapshot.resultState === 'SUCCESS' || snapshot.resultState === 'SUCCESS_WITH_FAILURES') return 'RUN_COMPLETED';
  if (snapshot.resultState === 'CANCELED') return 'RUN_CANCELED';
  return 'RUN_FAILED';
}

/** Why a run failed, in words: the first failed task's message, else the run's. */
export function failureMessage(snapshot: RunSnapshot): string | null {
  const failed = snapshot.tasks.find((task) => task.resultState === 'FAILED' && task.message);
  return failed?.message ?? snapshot.stateMessage;
}

/**
 * Remaining time from the typical duration; null when unknown or finished. Counted from when the gateway asked
 * for the run (its own clock): Databricks' `start_time` comes from another clock (an emulator's may even run fast).
 */
export function etaMs(
  expectedDurationMs: number | null,
  run: { isTerminal: boolean; requestedAt: Date },
): number | null {
  if (expectedDurationMs === null || run.isTerminal) return null;
  return Math.max(0, expectedDurationMs - Math.max(0, Date.now() - run.requestedAt.getTime()));
}

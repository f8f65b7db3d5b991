import type { LifeCycleState, ResultState } from './types.js';

/** Why a task ended badly, as `termination_details` reports it. */
export interface TaskFailure {
  code: 'RUN_EXECUTION_ERROR' | 'RESOURCE_NOT_FOUND';
  message: string;
}

/** What a task will do once it starts: drawn from the scenario when the run starts. */
export interface TaskDraw {
  taskKey: string;
  dependsOn: string[];
  setupMs: number;
  executionMs: number;
  cleanupMs: number;
  failure?: TaskFailure;
}

/** A task's timeline within a run that started at a known time. */
export interface PlannedTask extends TaskDraw {
  /** When its compute set-up began; undefined when an upstream failure means it never starts. */
  startTime?: number;
  /** When it reached a terminal state (for skipped tasks: when the upstream failure was known). */
  endTime: number;
  outcome: 'SUCCESS' | 'FAILED' | 'UPSTREAM_FAILED';
}

export interface TaskState {
  lifeCycle: LifeCycleState;
  result?: ResultState;
}

/** Orders tasks so that each comes after what it depends on; throws on unknown keys and cycles. */
export function topologicalOrder<T extends { taskKey: string; dependsOn: string[] }>(tasks: T[]): T[] {
  const byKey = new Map(tasks.map((task) => [task.taskKey, task]));
  const ordered: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (task: T) => {
    if (state.get(task.taskKey) === 'done') return;
    if (state.get(task.taskKey) === 'visiting') throw new Error(`Task ${task.taskKey} is part of a dependency cycle`);
    state.set(task.taskKey, 'visiting');
    for (const key of task.dependsOn) {
      const dependency = byKey.get(key);
      if (!dependency) throw new Error(`Task ${task.taskKey} depends on ${key}, which is not a task of this job`);
      visit(dependency);
    }
    state.set(task.taskKey, 'done');
    ordered.push(task);
  };
  for (const task of tasks) visit(task);
  return ordered;
}

/**
 * Lays tasks out in time: each starts when all it depends on succeeded (independent tasks run in parallel);
 * a task downstream of a failure never starts and ends as UPSTREAM_FAILED when that failure is known.
 */
export function planTasks(draws: TaskDraw[], runStart: number): PlannedTask[] {
  const planned = new Map<string, PlannedTask>();
  for (const draw of topologicalOrder(draws)) {
    const upstream = draw.dependsOn.map((key) => planned.get(key)!);
    const readyAt = Math.max(runStart, ...upstream.map((task) => task.endTime));
    if (upstream.some((task) => task.outcome !== 'SUCCESS')) {
      planned.set(draw.taskKey, { ...draw, endTime: readyAt, outcome: 'UPSTREAM_FAILED' });
      continue;
    }
    const endTime = readyAt + draw.setupMs + draw.executionMs + draw.cleanupMs;
    planned.set(draw.taskKey, { ...draw, startTime: readyAt, endTime, outcome: draw.failure ? 'FAILED' : 'SUCCESS' });
  }
  return draws.map((draw) => planned.get(draw.taskKey)!);
}

/** A cancel request: tasks not finished by `at` spend `cleanupMs` terminating, then end CANCELED. */
export interface Cancellation {
  at: number;
  cleanupMs: number;
}

/** The moment a task reaches its terminal state, given a possible cancellation. */
export function taskEndTime(task: PlannedTask, cancel?: Cancellation): number {
  if (cancel && cancel.at < task.endTime) return cancel.at + cancel.cleanupMs;
  return task.endTime;
}

/** A planned task's state at time `t`. */
export function taskStateAt(task: PlannedTask, t: number, cancel?: Cancellation): TaskState {
  if (cancel && cancel.at < task.endTime && t >= cancel.at) {
    return t < cancel.at + cancel.cleanupMs
      ? { lifeCycle: 'TERMINATING' }
      : { lifeCycle: 'TERMINATED', result: 'CANCELED' };
  }
  if (t >= task.endTime) return { lifeCycle: 'TERMINATED', result: task.outcome };
  if (task.startTime === undefined || t < task.startTime) {
    return { lifeCycle: task.dependsOn.length > 0 ? 'BLOCKED' : 'PENDING' };
  }
  const elapsed = t - task.startTime;
  if (elapsed < task.setupMs) return { lifeCycle: 'PENDING' };
  if (elapsed < task.setupMs + task.executionMs) return { lifeCycle: 'RUNNING' };
  return { lifeCycle: 'TERMINATING' };
}

/** Time spent so far in each phase (ms), as `setup_duration`, `execution_duration`, `cleanup_duration`. */
export function phaseDurations(task: PlannedTask, t: number, cancel?: Cancellation) {
  if (task.startTime === undefined) return { setup: 0, execution: 0, cleanup: 0 };
  const stop = Math.min(t, cancel && cancel.at < task.endTime ? cancel.at : task.endTime);
  const elapsed = Math.max(0, stop - task.startTime);
  const setup = Math.min(elapsed, task.setupMs);
  const execution = Math.min(elapsed - setup, task.executionMs);
  const cleanup = Math.min(elapsed - setup - execution, task.cleanupMs);
  return { setup, execution, cleanup };
}

/**
 * A multi-task run's state from its tasks': PENDING until one executes, RUNNING while any is active,
 * TERMINATING while only clean-up is left, TERMINATED when all are; the result is the worst task's.
 */
export function runStateFromTasks(states: TaskState[]): TaskState {
  const active = states.filter((state) => state.lifeCycle !== 'TERMINATED');
  if (active.length === 0) {
    const results = states.map((state) => state.result);
    const result: ResultState = results.includes('CANCELED')
      ? 'CANCELED'
      : results.some((value) => value !== 'SUCCESS')
        ? 'FAILED'
        : 'SUCCESS';
    return { lifeCycle: 'TERMINATED', result };
  }
  if (active.every((state) => state.lifeCycle === 'TERMINATING')) return { lifeCycle: 'TERMINATING' };
  const started = states.some((state) => !['PENDING', 'BLOCKED'].includes(state.lifeCycle));
  return { lifeCycle: started ? 'RUNNING' : 'PENDING' };
}

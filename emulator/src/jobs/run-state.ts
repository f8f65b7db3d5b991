import { runStateFromTasks, type TaskState, taskEndTime, taskStateAt } from './plan.js';
import type { RunRecord, TaskRunRecord } from './records.js';
import type { RunState, RunStatus } from './types.js';

/** A run's or task's state at one moment, in both the 2.1 (`state`) and 2.2 (`status`) shapes. */
export interface StateView {
  state: RunState;
  status: RunStatus;
  /** 0 until terminal. */
  endTime: number;
}

const UPSTREAM_FAILED_MESSAGE = 'Upstream task(s) failed.';
const CANCELED_MESSAGE = 'Run cancelled by user.';

function termination(code: string, type: 'SUCCESS' | 'CLIENT_ERROR', message: string): RunStatus {
  return { state: 'TERMINATED', termination_details: { code, type, message } };
}

function view(state: TaskState, message: string, details: RunStatus | undefined, endTime: number): StateView {
  const terminal = state.lifeCycle === 'TERMINATED' || state.lifeCycle === 'SKIPPED';
  const statusState = terminal ? 'TERMINATED' : (state.lifeCycle as RunStatus['state']);
  return {
    state: {
      life_cycle_state: state.lifeCycle,
      ...(state.result ? { result_state: state.result } : {}),
      state_message: message,
      user_cancelled_or_timedout: state.result === 'CANCELED',
    },
    status: terminal && details ? details : { state: statusState },
    endTime: terminal ? endTime : 0,
  };
}

const queuedView = (): StateView => ({
  state: {
    life_cycle_state: 'QUEUED',
    state_message: 'Queued due to reaching maximum concurrent runs',
    user_cancelled_or_timedout: false,
    queue_reason: 'Queued due to reaching maximum concurrent runs',
  },
  status: {
    state: 'QUEUED',
    queue_details: { code: 'ACTIVE_RUNS_LIMIT_REACHED', message: 'Queued due to reaching maximum concurrent runs' },
  },
  endTime: 0,
});

export function taskStateView(run: RunRecord, task: TaskRunRecord, t: number): StateView {
  if (run.skippedMessage) return skippedView(run);
  if (!task.plan) {
    if (run.cancel) return canceledView(run.cancel.at);
    return queuedView();
  }
  const state = taskStateAt(task.plan, t, run.cancel);
  const endTime = taskEndTime(task.plan, run.cancel);
  if (state.result === 'CANCELED') return canceledView(endTime);
  if (state.result === 'UPSTREAM_FAILED') {
    return view(
      state,
      UPSTREAM_FAILED_MESSAGE,
      termination('SKIPPED', 'CLIENT_ERROR', UPSTREAM_FAILED_MESSAGE),
      endTime,
    );
  }
  const failure = task.plan.failure;
  if (state.result === 'FAILED' && failure) {
    return view(state, failure.message, termination(failure.code, 'CLIENT_ERROR', failure.message), endTime);
  }
  const message = state.lifeCycle === 'PENDING' ? 'Waiting for cluster' : '';
  return view(state, message, termination('SUCCESS', 'SUCCESS', ''), endTime);
}

function skippedView(run: RunRecord): StateView {
  const message = run.skippedMessage ?? '';
  return view(
    { lifeCycle: 'SKIPPED' },
    message,
    termination('MAX_CONCURRENT_RUNS_EXCEEDED', 'CLIENT_ERROR', message),
    run.createdAt,
  );
}

function canceledView(at: number): StateView {
  return view(
    { lifeCycle: 'TERMINATED', result: 'CANCELED' },
    CANCELED_MESSAGE,
    termination('USER_CANCELED', 'SUCCESS', CANCELED_MESSAGE),
    at,
  );
}

/** The parent run's state, derived from its tasks'. */
export function runStateView(run: RunRecord, t: number): StateView {
  if (run.skippedMessage) return skippedView(run);
  if (run.startedAt === undefined) return run.cancel ? canceledView(run.cancel.at) : queuedView();
  const taskStates = run.tasks.map((task) => taskStateAt(task.plan!, t, run.cancel));
  const state = runStateFromTasks(taskStates);
  const endTime = Math.max(...run.tasks.map((task) => taskEndTime(task.plan!, run.cancel)));
  if (state.result === 'CANCELED') return canceledView(endTime);
  if (state.result === 'FAILED') {
    const failed = run.tasks.find((task) => task.plan?.outcome === 'FAILED')!;
    const failure = failed.plan!.failure!;
    const downstream = run.tasks.some((task) => task.plan?.outcome === 'UPSTREAM_FAILED');
    const message = `Task ${failed.settings.task_key} failed with message: ${failure.message}.${
      downstream ? ' This caused all downstream tasks to get skipped.' : ''
    }`;
    return view(state, message, termination(failure.code, 'CLIENT_ERROR', message), endTime);
  }
  return view(
    state,
    state.lifeCycle === 'PENDING' ? 'Waiting for cluster' : '',
    termination('SUCCESS', 'SUCCESS', ''),
    endTime,
  );
}

/** True once the run can no longer change. */
export const isTerminal = (run: RunRecord, t: number) => runStateView(run, t).endTime !== 0;

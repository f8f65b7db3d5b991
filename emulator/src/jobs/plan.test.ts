import { describe, expect, it } from 'vitest';
import { planTasks, runStateFromTasks, type TaskDraw, taskStateAt, topologicalOrder } from './plan.js';

const draw = (taskKey: string, dependsOn: string[] = [], extra: Partial<TaskDraw> = {}): TaskDraw => ({
  taskKey,
  dependsOn,
  setupMs: 10,
  executionMs: 100,
  cleanupMs: 5,
  ...extra,
});

describe('planTasks', () => {
  it('starts each task when its dependencies end and runs independent tasks in parallel', () => {
    const [a, b, c, d] = planTasks(
      [draw('a'), draw('b', ['a']), draw('c', ['a']), draw('d', ['b', 'c'], { setupMs: 0 })],
      1000,
    );
    expect(a).toMatchObject({ startTime: 1000, endTime: 1115, outcome: 'SUCCESS' });
    expect(b.startTime).toBe(1115);
    expect(c.startTime).toBe(1115);
    expect(d).toMatchObject({ startTime: 1230, endTime: 1335 });
  });

  it('never starts tasks downstream of a failure and ends them UPSTREAM_FAILED when it is known', () => {
    const failure = { code: 'RUN_EXECUTION_ERROR' as const, message: 'boom' };
    const [, failed, skipped, unrelated] = planTasks(
      [draw('a'), draw('b', ['a'], { failure }), draw('c', ['b']), draw('d', ['a'])],
      0,
    );
    expect(failed.outcome).toBe('FAILED');
    expect(skipped).toMatchObject({ outcome: 'UPSTREAM_FAILED', endTime: failed.endTime });
    expect(skipped.startTime).toBeUndefined();
    expect(unrelated.outcome).toBe('SUCCESS');
    expect(taskStateAt(skipped, failed.endTime - 1)).toEqual({ lifeCycle: 'BLOCKED' });
    expect(taskStateAt(skipped, failed.endTime)).toEqual({ lifeCycle: 'TERMINATED', result: 'UPSTREAM_FAILED' });
  });

  it('rejects dependency cycles and unknown dependencies', () => {
    expect(() => topologicalOrder([draw('a', ['b']), draw('b', ['a'])])).toThrow(/cycle/);
    expect(() => topologicalOrder([draw('a', ['nope'])])).toThrow(/nope/);
  });
});

describe('task and run states over time', () => {
  const [task] = planTasks([draw('a')], 0);

  it('goes PENDING (set-up) → RUNNING → TERMINATING (clean-up) → TERMINATED', () => {
    expect(taskStateAt(task, 5).lifeCycle).toBe('PENDING');
    expect(taskStateAt(task, 50).lifeCycle).toBe('RUNNING');
    expect(taskStateAt(task, 112).lifeCycle).toBe('TERMINATING');
    expect(taskStateAt(task, 115)).toEqual({ lifeCycle: 'TERMINATED', result: 'SUCCESS' });
  });

  it('after a cancel, spends the cancel clean-up TERMINATING and then ends CANCELED', () => {
    const cancel = { at: 50, cleanupMs: 20 };
    expect(taskStateAt(task, 49, cancel).lifeCycle).toBe('RUNNING');
    expect(taskStateAt(task, 60, cancel).lifeCycle).toBe('TERMINATING');
    expect(taskStateAt(task, 70, cancel)).toEqual({ lifeCycle: 'TERMINATED', result: 'CANCELED' });
  });

  it('derives the run state from its tasks', () => {
    expect(runStateFromTasks([{ lifeCycle: 'PENDING' }, { lifeCycle: 'BLOCKED' }])).toEqual({ lifeCycle: 'PENDING' });
    expect(runStateFromTasks([{ lifeCycle: 'TERMINATED', result: 'SUCCESS' }, { lifeCycle: 'PENDING' }])).toEqual({
      lifeCycle: 'RUNNING',
    });
    expect(runStateFromTasks([{ lifeCycle: 'TERMINATED', result: 'SUCCESS' }, { lifeCycle: 'TERMINATING' }])).toEqual({
      lifeCycle: 'TERMINATING',
    });
    expect(
      runStateFromTasks([
        { lifeCycle: 'TERMINATED', result: 'FAILED' },
        { lifeCycle: 'TERMINATED', result: 'UPSTREAM_FAILED' },
      ]),
    ).toEqual({ lifeCycle: 'TERMINATED', result: 'FAILED' });
    expect(
      runStateFromTasks([
        { lifeCycle: 'TERMINATED', result: 'SUCCESS' },
        { lifeCycle: 'TERMINATED', result: 'CANCELED' },
      ]),
    ).toEqual({ lifeCycle: 'TERMINATED', result: 'CANCELED' });
  });
});

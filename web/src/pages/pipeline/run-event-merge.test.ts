import { describe, expect, it } from 'vitest';
import { mergeRunEvent, type RunEventFields } from './run-event-merge';
import { bronzeRun, task } from './run-fixtures';

const event = (fields: Partial<RunEventFields>): RunEventFields => ({
  seq: 3,
  type: 'RUN_PROGRESS',
  state: null,
  resultState: null,
  currentTask: null,
  durationMs: null,
  etaMs: null,
  recordsProcessed: null,
  errorMessage: null,
  runPageUrl: null,
  tasks: null,
  ...fields,
});

describe('mergeRunEvent', () => {
  it('applies what a progress event carries and keeps what it leaves out', () => {
    const tasks = [task('bronze_ingestion', { state: 'TERMINATED', resultState: 'SUCCESS', recordsProcessed: 900 })];
    const merged = mergeRunEvent(
      bronzeRun(),
      event({ currentTask: 'silver_transformations', etaMs: 20_000, recordsProcessed: 900, tasks }),
    );
    expect(merged).toMatchObject({
      state: 'RUNNING',
      currentTask: 'silver_transformations',
      etaMs: 20_000,
      recordsProcessed: 900,
      runPageUrl: bronzeRun().runPageUrl,
      lastSeq: 3,
      tasks,
    });
  });

  it('ends the run on a terminal event: no ETA or current task any more', () => {
    const merged = mergeRunEvent(
      bronzeRun(),
      event({ type: 'RUN_COMPLETED', state: 'TERMINATED', resultState: 'SUCCESS', durationMs: 30_000 }),
    );
    expect(merged).toMatchObject({ isTerminal: true, resultState: 'SUCCESS', etaMs: null, currentTask: null });
    expect(merged.durationMs).toBe(30_000);
  });

  it('ignores an event the run already reflects (a replay after a reconnect)', () => {
    const run = bronzeRun({ lastSeq: 5 });
    expect(mergeRunEvent(run, event({ seq: 5, state: 'PENDING' }))).toBe(run);
  });
});

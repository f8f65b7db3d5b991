import type { RunFieldsFragment } from '../../gql/graphql';

type Task = RunFieldsFragment['tasks'][number];

export const task = (taskKey: string, fields: Partial<Task> = {}): Task => ({
  taskKey,
  databricksRunId: `${taskKey}-1`,
  state: 'PENDING',
  resultState: null,
  message: null,
  recordsProcessed: null,
  startedAt: null,
  endedAt: null,
  ...fields,
});

/** A bronze run just started on Databricks; tests override what their case changes. */
export const bronzeRun = (fields: Partial<RunFieldsFragment> = {}): RunFieldsFragment => ({
  id: 'Sm9iUnVuOjE=',
  layer: 'BRONZE',
  state: 'RUNNING',
  resultState: null,
  isTerminal: false,
  currentTask: 'bronze_ingestion',
  runPageUrl: 'https://adb-1.cloud.databricks.com/#job/1/run/42',
  createdAt: '2026-03-04T10:00:00Z',
  startedAt: '2026-03-04T10:00:01Z',
  endedAt: null,
  durationMs: null,
  etaMs: 45_000,
  recordsProcessed: null,
  errorMessage: null,
  lastSeq: 2,
  tasks: [task('bronze_ingestion', { state: 'RUNNING' }), task('silver_transformations')],
  ...fields,
});

import type { RunEventsSubscription, RunFieldsFragment } from '../../gql/graphql';

export type RunEventFields = NonNullable<RunEventsSubscription['runEvents']['event']>;

const TERMINAL_EVENTS: ReadonlySet<RunEventFields['type']> = new Set(['RUN_COMPLETED', 'RUN_FAILED', 'RUN_CANCELED']);

/**
 * The run after one of its events. Events carry only what changed (a start has no tasks yet, a cancel before
 * Databricks answered has no duration), so a missing value keeps the run's; a finished run has no ETA or
 * current task any more. An event the run already reflects (by sequence number) changes nothing.
 */
export function mergeRunEvent(run: RunFieldsFragment, event: RunEventFields): RunFieldsFragment {
  if (event.seq <= run.lastSeq) return run;
  const terminal = TERMINAL_EVENTS.has(event.type);
  return {
    ...run,
    state: event.state ?? run.state,
    resultState: event.resultState ?? run.resultState,
    isTerminal: terminal || run.isTerminal,
    currentTask: terminal ? null : (event.currentTask ?? run.currentTask),
    etaMs: terminal ? null : (event.etaMs ?? run.etaMs),
    durationMs: event.durationMs ?? run.durationMs,
    recordsProcessed: event.recordsProcessed ?? run.recordsProcessed,
    errorMessage: event.errorMessage ?? run.errorMessage,
    runPageUrl: event.runPageUrl ?? run.runPageUrl,
    tasks: event.tasks ?? run.tasks,
    lastSeq: event.seq,
  };
}

/** What a run view needs to know about where a run stands. */
export type RunOutcome = 'running' | 'succeeded' | 'failed' | 'canceled';

export const OUTCOME_LABELS: Record<RunOutcome, string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  canceled: 'Canceled',
};

/** Databricks result states that count as a failure (TIMEDOUT, UPSTREAM_FAILED, …); anything else unknown too. */
export function runOutcome(run: { isTerminal: boolean; resultState: string | null }): RunOutcome {
  if (!run.isTerminal) return 'running';
  if (run.resultState === 'SUCCESS' || run.resultState === 'SUCCESS_WITH_FAILURES') return 'succeeded';
  if (run.resultState === 'CANCELED' || run.resultState === 'UPSTREAM_CANCELED') return 'canceled';
  return 'failed';
}

/** `65_000` → `1 min 5 s`; `42_000` → `42 s`; under a second → `<1 s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return '<1 s';
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} s`;
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  return `${hours} h ${minutes % 60} min`;
}

const count = new Intl.NumberFormat('en');

/** `12345` → `12,345 records`. */
export const formatRecords = (records: number) => `${count.format(records)} ${records === 1 ? 'record' : 'records'}`;

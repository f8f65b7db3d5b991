/**
 * Why a notebook operation was refused: both sides changed since the last sync (CONFLICT), Databricks is off for the
 * customer or the notebook is not in the workspace (both CONFLICT too: the state does not allow it now), or it could
 * not be brought to the workspace before a run (NOT_SYNCED, DATABRICKS_UNAVAILABLE).
 */
export type NotebookErrorReason = 'CONFLICT' | 'DATABRICKS_OFF' | 'NOT_IN_DATABRICKS' | 'NOT_SYNCED';

export class NotebookError extends Error {
  constructor(
    readonly reason: NotebookErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'NotebookError';
  }
}

/**
 * Why a notebook operation was refused: both sides changed since the last sync (CONFLICT), Databricks is off for the
 * customer or the notebook is not in the workspace (both CONFLICT too: the state does not allow it now), it could not
 * be brought to the workspace before a run (NOT_SYNCED, DATABRICKS_UNAVAILABLE), or it was deleted meanwhile
 * (DELETED, NOT_FOUND).
 */
export type NotebookErrorReason = 'CONFLICT' | 'DATABRICKS_OFF' | 'NOT_IN_DATABRICKS' | 'NOT_SYNCED' | 'DELETED';

export class NotebookError extends Error {
  constructor(
    readonly reason: NotebookErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'NotebookError';
  }
}

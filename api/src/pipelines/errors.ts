/** Why a pipeline definition or action was refused. */
export type PipelineErrorReason =
  | 'DUPLICATE_TASK_KEY'
  | 'UNKNOWN_DEPENDENCY'
  | 'CYCLE'
  | 'TASK_FIELDS'
  | 'INVALID_CRON'
  | 'UNKNOWN_TIMEZONE'
  | 'UNKNOWN_WAREHOUSE'
  | 'NOT_IN_DATABRICKS';

/** A refused pipeline, in words; `field` is the input field at fault (for forms). */
export class PipelineError extends Error {
  constructor(
    readonly reason: PipelineErrorReason,
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'PipelineError';
  }
}

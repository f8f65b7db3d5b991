/**
 * Jobs API wire types (2.1/2.2), named and shaped as in Databricks' REST reference and SDKs.
 * Only what the emulator reads or writes is typed; unknown settings fields pass through untouched.
 */

export interface NotebookTask {
  notebook_path: string;
  base_parameters?: Record<string, string>;
  source?: 'WORKSPACE' | 'GIT';
  warehouse_id?: string;
}

export interface TaskSettings {
  task_key: string;
  description?: string;
  depends_on?: { task_key: string; outcome?: string }[];
  notebook_task?: NotebookTask;
  existing_cluster_id?: string;
  /** A cluster created for this task alone (`spark_version`, `node_type_id`, `num_workers`, …). */
  new_cluster?: Record<string, unknown>;
  job_cluster_key?: string;
  run_if?: string;
  timeout_seconds?: number;
  max_retries?: number;
  [field: string]: unknown;
}

/** `webhook_notifications` of job settings: destination ids per event. */
export type WebhookNotifications = Partial<Record<'on_start' | 'on_success' | 'on_failure', { id: string }[]>>;

export interface JobSettings {
  name: string;
  tasks: TaskSettings[];
  schedule?: { quartz_cron_expression: string; timezone_id: string; pause_status?: 'PAUSED' | 'UNPAUSED' };
  max_concurrent_runs: number;
  parameters?: { name: string; default: string }[];
  queue?: { enabled: boolean };
  [field: string]: unknown;
}

export interface Job {
  job_id: number;
  creator_user_name: string;
  run_as_user_name: string;
  created_time: number;
  settings: JobSettings;
}

export type LifeCycleState =
  | 'QUEUED'
  | 'PENDING'
  | 'RUNNING'
  | 'TERMINATING'
  | 'TERMINATED'
  | 'SKIPPED'
  | 'INTERNAL_ERROR'
  | 'BLOCKED';

export type ResultState = 'SUCCESS' | 'FAILED' | 'CANCELED' | 'UPSTREAM_FAILED' | 'UPSTREAM_CANCELED' | 'TIMEDOUT';

export interface RunState {
  life_cycle_state: LifeCycleState;
  result_state?: ResultState;
  state_message: string;
  user_cancelled_or_timedout: boolean;
  queue_reason?: string;
}

/** API 2.2's `status`: the state without the legacy life-cycle/result split. */
export interface RunStatus {
  state: 'BLOCKED' | 'PENDING' | 'QUEUED' | 'RUNNING' | 'TERMINATING' | 'TERMINATED';
  termination_details?: {
    code: string;
    type: 'SUCCESS' | 'INTERNAL_ERROR' | 'CLIENT_ERROR' | 'CLOUD_FAILURE';
    message: string;
  };
  queue_details?: { code: string; message: string };
}

export type Trigger = 'ONE_TIME' | 'PERIODIC' | 'RETRY';
export type RunType = 'JOB_RUN' | 'SUBMIT_RUN' | 'WORKFLOW_RUN';

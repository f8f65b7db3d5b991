import type { DatabricksRestClient } from '../rest-client.js';

/** The subset of Jobs API 2.2 shapes the gateway reads (field names as Databricks sends them). */
export interface RunState {
  life_cycle_state: string;
  result_state?: string;
  state_message?: string;
  user_cancelled_or_timedout?: boolean;
}

export interface RunTask {
  run_id: number;
  task_key: string;
  state: RunState;
  start_time?: number;
  end_time?: number;
  execution_duration?: number;
  depends_on?: { task_key: string }[];
  notebook_task?: { notebook_path: string };
  attempt_number?: number;
}

export interface Run {
  run_id: number;
  job_id?: number;
  run_name?: string;
  state: RunState;
  status?: { state: string; termination_details?: { code?: string; type?: string; message?: string } };
  tasks?: RunTask[];
  start_time?: number;
  end_time?: number;
  run_duration?: number;
  execution_duration?: number;
  run_page_url?: string;
  trigger?: string;
  run_type?: string;
}

/** A cluster created for one run (`new_cluster` of a task). */
export interface NewClusterSpec {
  spark_version: string;
  node_type_id: string;
  num_workers: number;
  autotermination_minutes?: number;
}

export interface JobTaskSettings {
  task_key: string;
  depends_on?: { task_key: string }[];
  notebook_task?: { notebook_path: string; base_parameters?: Record<string, string>; source?: 'WORKSPACE' | 'GIT' };
  /** A saved query (Queries API) run on a SQL warehouse. */
  sql_task?: { warehouse_id: string; query: { query_id: string }; parameters?: Record<string, string> };
  spark_python_task?: { python_file: string; parameters?: string[] };
  description?: string;
  /** Where the task runs: an all-purpose cluster, a new cluster, a job cluster; none of them means serverless. */
  existing_cluster_id?: string;
  new_cluster?: NewClusterSpec;
  job_cluster_key?: string;
}

/** A job-level parameter definition (Jobs 2.2 `parameters`): run-now accepts only these in `job_parameters`. */
export interface JobParameterDefinition {
  name: string;
  default: string;
}

export interface Job {
  job_id: number;
  creator_user_name?: string;
  created_time?: number;
  settings: {
    name: string;
    tasks?: JobTaskSettings[];
    schedule?: { quartz_cron_expression: string; timezone_id: string; pause_status?: string };
    tags?: Record<string, string>;
    max_concurrent_runs?: number;
    parameters?: JobParameterDefinition[];
  };
}

export interface RunOutput {
  notebook_output?: { result?: string; truncated?: boolean };
  error?: string;
  error_trace?: string;
  metadata?: Run;
}

export interface RunsPage {
  runs: Run[];
  hasMore: boolean;
  nextPageToken?: string;
}

const JOBS = '/api/2.2/jobs';

export async function listJobs(
  rest: DatabricksRestClient,
  options: { limit?: number; pageToken?: string; name?: string } = {},
) {
  const page = await rest.get<{ jobs?: Job[]; has_more?: boolean; next_page_token?: string }>(`${JOBS}/list`, {
    limit: options.limit ?? 100,
    page_token: options.pageToken,
    name: options.name,
    expand_tasks: true,
  });
  return { jobs: page.jobs ?? [], hasMore: page.has_more ?? false, nextPageToken: page.next_page_token };
}

export const getJob = (rest: DatabricksRestClient, jobId: number) => rest.get<Job>(`${JOBS}/get`, { job_id: jobId });

export async function listRuns(
  rest: DatabricksRestClient,
  options: { jobId?: number; activeOnly?: boolean; limit?: number; pageToken?: string; expandTasks?: boolean } = {},
): Promise<RunsPage> {
  const page = await rest.get<{ runs?: Run[]; has_more?: boolean; next_page_token?: string }>(`${JOBS}/runs/list`, {
    job_id: options.jobId,
    active_only: options.activeOnly || undefined,
    limit: Math.min(25, Math.max(1, options.limit ?? 25)),
    page_token: options.pageToken,
    expand_tasks: options.expandTasks ?? true,
  });
  return { runs: page.runs ?? [], hasMore: page.has_more ?? false, nextPageToken: page.next_page_token };
}

export const getRun = (rest: DatabricksRestClient, runId: number) =>
  rest.get<Run>(`${JOBS}/runs/get`, { run_id: runId });

export const getRunOutput = (rest: DatabricksRestClient, runId: number) =>
  rest.get<RunOutput>(`${JOBS}/runs/get-output`, { run_id: runId });

export const runNow = (
  rest: DatabricksRestClient,
  request: {
    job_id: number;
    idempotency_token?: string;
    job_parameters?: Record<string, string>;
    notebook_params?: Record<string, string>;
    only?: string[];
  },
) => rest.post<{ run_id: number; number_in_job?: number }>(`${JOBS}/run-now`, request);

export const submitRun = (
  rest: DatabricksRestClient,
  request: { run_name: string; idempotency_token?: string; tasks: JobTaskSettings[] },
) => rest.post<{ run_id: number }>(`${JOBS}/runs/submit`, request);

export const cancelRun = (rest: DatabricksRestClient, runId: number) =>
  rest.post(`${JOBS}/runs/cancel`, { run_id: runId });

export const createJob = (rest: DatabricksRestClient, settings: Job['settings']) =>
  rest.post<{ job_id: number }>(`${JOBS}/create`, settings);

/** Replaces all of a job's settings (`jobs/reset`). */
export const resetJob = (rest: DatabricksRestClient, jobId: number, settings: Job['settings']) =>
  rest.post(`${JOBS}/reset`, { job_id: jobId, new_settings: settings });

export const deleteJob = (rest: DatabricksRestClient, jobId: number) => rest.post(`${JOBS}/delete`, { job_id: jobId });

/** Terminal life-cycle states: the run will not change any more. */
export const TERMINAL_LIFE_CYCLE_STATES = new Set(['TERMINATED', 'SKIPPED', 'INTERNAL_ERROR']);
export const isTerminal = (run: Pick<Run, 'state'>) => TERMINAL_LIFE_CYCLE_STATES.has(run.state.life_cycle_state);

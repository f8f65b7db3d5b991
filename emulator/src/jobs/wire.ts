import { phaseDurations } from './plan.js';
import type { RunRecord, TaskRunRecord } from './records.js';
import { runStateView, taskStateView } from './run-state.js';

/** Where run page links point: `<host>/?o=<workspace_id>#job/<job_id>/run/<run_id>`. */
export interface WireContext {
  host: () => string;
  workspaceId: string;
}

const runPageUrl = (context: WireContext, run: RunRecord, runId: number) =>
  `${context.host()}/?o=${context.workspaceId}#job/${run.jobId ?? run.runId}/run/${runId}`;

/** Settings fields a task run repeats from its task definition. */
function taskDefinition(task: TaskRunRecord) {
  const {
    task_key,
    depends_on,
    notebook_task,
    existing_cluster_id,
    new_cluster,
    job_cluster_key,
    description,
    run_if,
  } = task.settings;
  return {
    task_key,
    ...(description ? { description } : {}),
    ...(depends_on?.length ? { depends_on } : {}),
    run_if: run_if ?? 'ALL_SUCCESS',
    ...(notebook_task ? { notebook_task: { source: 'WORKSPACE', ...notebook_task } } : {}),
    ...(existing_cluster_id ? { existing_cluster_id } : {}),
    ...(new_cluster ? { new_cluster } : {}),
    ...(job_cluster_key ? { job_cluster_key } : {}),
  };
}

/** One task run as it appears inside `tasks[]` of its parent. */
export function renderTaskRun(context: WireContext, run: RunRecord, task: TaskRunRecord, t: number) {
  const { state, status, endTime } = taskStateView(run, task, t);
  const durations = task.plan ? phaseDurations(task.plan, t, run.cancel) : { setup: 0, execution: 0, cleanup: 0 };
  return {
    run_id: task.runId,
    ...taskDefinition(task),
    state,
    status,
    run_page_url: runPageUrl(context, run, task.runId),
    start_time: task.plan?.startTime ?? 0,
    end_time: endTime,
    setup_duration: durations.setup,
    execution_duration: durations.execution,
    cleanup_duration: durations.cleanup,
    attempt_number: 0,
  };
}

function runIdentity(run: RunRecord) {
  return {
    ...(run.jobId === undefined ? {} : { job_id: run.jobId }),
    creator_user_name: run.creatorUserName,
    run_as_user_name: run.creatorUserName,
    run_type: run.runType,
    trigger: run.trigger,
    format: 'MULTI_TASK',
    attempt_number: 0,
  };
}

/** A run as `runs/get` and `runs/list` answer (`tasks` only when expanded). */
export function renderRun(context: WireContext, run: RunRecord, t: number, options: { tasks: boolean }) {
  const { state, status, endTime } = runStateView(run, t);
  return {
    ...runIdentity(run),
    run_id: run.runId,
    number_in_job: run.runId,
    original_attempt_run_id: run.runId,
    run_name: run.runName,
    state,
    status,
    run_page_url: runPageUrl(context, run, run.runId),
    start_time: run.createdAt,
    end_time: endTime,
    setup_duration: 0,
    execution_duration: 0,
    cleanup_duration: 0,
    run_duration: endTime ? endTime - run.createdAt : 0,
    queue_duration: (run.startedAt ?? (endTime || t)) - run.createdAt,
    ...(options.tasks ? { tasks: run.tasks.map((task) => renderTaskRun(context, run, task, t)) } : {}),
    ...(run.jobClusters ? { job_clusters: run.jobClusters } : {}),
    ...(run.jobParameters ? { job_parameters: run.jobParameters } : {}),
    ...(run.overridingParameters ? { overriding_parameters: run.overridingParameters } : {}),
  };
}

/** A task run addressed by its own run id (`runs/get`, `metadata` of `runs/get-output`). */
export function renderTaskRunAsRun(context: WireContext, run: RunRecord, task: TaskRunRecord, t: number) {
  const rendered = renderTaskRun(context, run, task, t);
  return {
    ...runIdentity(run),
    ...rendered,
    number_in_job: task.runId,
    original_attempt_run_id: task.runId,
    run_name: task.settings.task_key,
    run_duration: rendered.end_time && rendered.start_time ? rendered.end_time - rendered.start_time : 0,
    tasks: [rendered],
  };
}

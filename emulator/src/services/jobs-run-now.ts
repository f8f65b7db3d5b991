import { invalidParameter } from '../http/types.js';
import type { RunRecord } from '../jobs/records.js';
import type { JobsRuntime } from '../jobs/runtime.js';
import type { Job, TaskSettings, Trigger, WebhookNotifications } from '../jobs/types.js';

const stringMap = (value: unknown, field: string): Record<string, string> | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidParameter(`${field} must be an object of string values`);
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
};

/** `only`: run just these tasks, dropping dependencies on the tasks left out. */
function selectTasks(tasks: TaskSettings[], only: unknown): TaskSettings[] {
  if (only === undefined) return tasks;
  if (!Array.isArray(only) || only.length === 0) throw invalidParameter('only must be a non-empty array of task keys');
  const keys = new Set(only.map(String));
  const unknown = [...keys].find((key) => !tasks.some((task) => task.task_key === key));
  if (unknown) throw invalidParameter(`Task ${unknown} does not exist in the job`);
  return tasks
    .filter((task) => keys.has(task.task_key))
    .map((task) => ({ ...task, depends_on: task.depends_on?.filter((dependency) => keys.has(dependency.task_key)) }));
}

/** Notebook parameters of this run: the task's base parameters, then job parameters, then `notebook_params`. */
function withParameters(task: TaskSettings, values: Record<string, string>): TaskSettings {
  if (!task.notebook_task || Object.keys(values).length === 0) return task;
  return {
    ...task,
    notebook_task: { ...task.notebook_task, base_parameters: { ...task.notebook_task.base_parameters, ...values } },
  };
}

/** Starts (or queues, or skips) a run of a job for `run-now` (or for its schedule: trigger PERIODIC). */
export function startJobRun(
  runtime: JobsRuntime,
  job: Job,
  body: Record<string, unknown>,
  userName: string,
  idempotencyToken: string | undefined,
  trigger: Trigger = 'ONE_TIME',
): RunRecord {
  const jobParameters = stringMap(body.job_parameters, 'job_parameters');
  const notebookParams = stringMap(body.notebook_params, 'notebook_params');
  const declared = job.settings.parameters ?? [];
  const undeclared = Object.keys(jobParameters ?? {}).find((name) => !declared.some((p) => p.name === name));
  if (undeclared) throw invalidParameter(`Job parameter ${undeclared} is not defined in the job`);
  const resolved = declared.map((parameter) => ({
    ...parameter,
    value: jobParameters?.[parameter.name] ?? parameter.default,
  }));
  const values = { ...Object.fromEntries(resolved.map((p) => [p.name, p.value])), ...notebookParams };
  const overriding = {
    ...(jobParameters ? { job_parameters: jobParameters } : {}),
    ...(notebookParams ? { notebook_params: notebookParams } : {}),
  };
  const tasks = selectTasks(job.settings.tasks, body.only).map((task) => withParameters(task, values));
  if (tasks.length === 0) throw invalidParameter(`Job ${job.job_id} has no tasks to run`);
  const queue = (body.queue as { enabled?: boolean } | undefined) ?? job.settings.queue;
  return runtime.runner.create({
    jobId: job.job_id,
    runName: job.settings.name,
    tasks,
    creatorUserName: userName,
    runType: 'JOB_RUN',
    trigger,
    maxConcurrentRuns: job.settings.max_concurrent_runs,
    queueEnabled: queue?.enabled === true,
    jobClusters: job.settings.job_clusters as unknown[] | undefined,
    jobParameters: resolved.length ? resolved : undefined,
    overridingParameters: Object.keys(overriding).length ? overriding : undefined,
    idempotencyToken,
    webhookNotifications: job.settings.webhook_notifications as WebhookNotifications | undefined,
  });
}

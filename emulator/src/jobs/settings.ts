import { invalidParameter } from '../http/types.js';
import { topologicalOrder } from './plan.js';
import { type JobSchedule, quartzCron } from './schedule.js';
import type { JobSettings, TaskSettings } from './types.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a task list as the Jobs service does: unique keys, known dependencies, no cycles, known clusters. */
export function validateTasks(tasks: unknown, jobClusterKeys: Set<string>): TaskSettings[] {
  if (!Array.isArray(tasks)) throw invalidParameter('tasks must be an array');
  const seen = new Set<string>();
  for (const task of tasks) {
    if (!isObject(task) || typeof task.task_key !== 'string' || !/^[\w-]{1,100}$/.test(task.task_key)) {
      throw invalidParameter('Every task needs a task_key of 1 to 100 letters, digits, dashes or underscores');
    }
    if (seen.has(task.task_key)) throw invalidParameter(`Task key ${task.task_key} is used by more than one task`);
    seen.add(task.task_key);
    const notebook = task.notebook_task;
    if (notebook !== undefined && (!isObject(notebook) || typeof notebook.notebook_path !== 'string')) {
      throw invalidParameter(`Task ${task.task_key}: notebook_task.notebook_path is required`);
    }
    if (typeof task.job_cluster_key === 'string' && !jobClusterKeys.has(task.job_cluster_key)) {
      throw invalidParameter(
        `Task ${task.task_key} refers to job cluster ${task.job_cluster_key}, which is not defined in job_clusters`,
      );
    }
  }
  const typed = tasks as TaskSettings[];
  try {
    topologicalOrder(
      typed.map((task) => ({ taskKey: task.task_key, dependsOn: (task.depends_on ?? []).map((d) => d.task_key) })),
    );
  } catch (error) {
    throw invalidParameter((error as Error).message);
  }
  return typed.map((task) =>
    task.notebook_task ? { ...task, notebook_task: { source: 'WORKSPACE', ...task.notebook_task } } : task,
  );
}

/** Job settings with Databricks' defaults filled in, validated. */
export function normalizeSettings(input: Record<string, unknown>): JobSettings {
  const jobClusters = Array.isArray(input.job_clusters) ? input.job_clusters : [];
  const clusterKeys = new Set(
    jobClusters.map((cluster) => String((cluster as { job_cluster_key?: unknown }).job_cluster_key)),
  );
  const maxConcurrentRuns = input.max_concurrent_runs ?? 1;
  if (
    typeof maxConcurrentRuns !== 'number' ||
    !Number.isInteger(maxConcurrentRuns) ||
    maxConcurrentRuns < 0 ||
    maxConcurrentRuns > 1000
  ) {
    throw invalidParameter('max_concurrent_runs must be an integer between 0 and 1000');
  }
  if (input.name !== undefined && typeof input.name !== 'string') throw invalidParameter('name must be a string');
  const schedule = input.schedule;
  if (schedule !== undefined && (!isObject(schedule) || typeof schedule.quartz_cron_expression !== 'string')) {
    throw invalidParameter('schedule.quartz_cron_expression is required');
  }
  const fullSchedule = isObject(schedule)
    ? ({ timezone_id: 'UTC', pause_status: 'UNPAUSED', ...schedule } as JobSchedule)
    : undefined;
  if (fullSchedule) quartzCron(fullSchedule);
  return {
    email_notifications: {},
    webhook_notifications: {},
    timeout_seconds: 0,
    format: 'MULTI_TASK',
    ...input,
    name: (input.name as string | undefined) ?? 'Untitled',
    max_concurrent_runs: maxConcurrentRuns,
    ...(fullSchedule ? { schedule: fullSchedule } : {}),
    tasks: validateTasks(input.tasks ?? [], clusterKeys),
  };
}

/** `jobs/update`: top-level fields replace, tasks and job clusters merge by key, `fields_to_remove` removes. */
export function mergeSettings(current: JobSettings, changes: Record<string, unknown>, fieldsToRemove: string[]) {
  const mergeByKey = (existing: unknown[] = [], updates: unknown, key: string) => {
    if (!Array.isArray(updates)) return existing;
    const merged = new Map(existing.map((item) => [(item as Record<string, unknown>)[key], item]));
    for (const item of updates) merged.set((item as Record<string, unknown>)[key], item);
    return [...merged.values()];
  };
  const next: Record<string, unknown> = {
    ...current,
    ...changes,
    tasks: mergeByKey(current.tasks, changes.tasks, 'task_key'),
    job_clusters: mergeByKey(current.job_clusters as unknown[], changes.job_clusters, 'job_cluster_key'),
  };
  if (!(next.job_clusters as unknown[]).length) delete next.job_clusters;
  for (const field of fieldsToRemove) {
    const [kind, key] = field.split('/');
    if (key === undefined) delete next[field];
    else if (kind === 'tasks') next.tasks = (next.tasks as TaskSettings[]).filter((task) => task.task_key !== key);
    else if (kind === 'job_clusters') {
      next.job_clusters = (next.job_clusters as Record<string, unknown>[]).filter((c) => c.job_cluster_key !== key);
    }
  }
  return normalizeSettings(next);
}

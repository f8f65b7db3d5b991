/** Jobs API runs endpoints: submit, get, list, cancel, cancel-all, get-output, delete. */
import { DatabricksApiError, invalidParameter, type Route } from '../http/types.js';
import { validateCompute } from '../jobs/compute.js';
import { bothVersions, flag, idempotencyToken, optionalId, requestInput, requiredId } from '../jobs/input.js';
import { paginate } from '../jobs/pagination.js';
import type { RunRecord, TaskRunRecord } from '../jobs/records.js';
import { isTerminal, taskStateView } from '../jobs/run-state.js';
import type { JobsRuntime } from '../jobs/runtime.js';
import { validateTasks } from '../jobs/settings.js';
import type { WebhookNotifications } from '../jobs/types.js';
import { renderRun, renderTaskRunAsRun } from '../jobs/wire.js';

const runDoesNotExist = (runId: number) =>
  new DatabricksApiError(400, 'INVALID_PARAMETER_VALUE', `Run ${runId} does not exist.`);

const MULTI_TASK_OUTPUT =
  'Retrieving the output of runs with multiple tasks is not supported. Please retrieve the output of each individual task run instead.';

/** Databricks returns the first 1 MB of a notebook's exit value and says it truncated the rest. */
const NOTEBOOK_RESULT_LIMIT = 1024 * 1024;

/** A task run's output once it ended: the notebook's exit value, or its error. */
function taskOutput(runtime: JobsRuntime, run: RunRecord, task: TaskRunRecord) {
  const now = runtime.clock.now();
  const metadata = renderTaskRunAsRun(runtime.wire, run, task, now);
  const { state } = taskStateView(run, task, now);
  if (state.life_cycle_state !== 'TERMINATED' || !task.output) return { metadata };
  if (state.result_state === 'SUCCESS') {
    const result = task.output.result ?? '';
    const truncated = result.length > NOTEBOOK_RESULT_LIMIT;
    return { metadata, notebook_output: { result: result.slice(0, NOTEBOOK_RESULT_LIMIT), truncated } };
  }
  if (state.result_state === 'FAILED') {
    return { metadata, error: task.output.error, error_trace: task.output.errorTrace ?? task.output.error };
  }
  return { metadata };
}

export function createRunRoutes(runtime: JobsRuntime): Route[] {
  const { runs, runner, clock, wire } = runtime;
  const findRun = (runId: number) => {
    runner.advance();
    const run = runs.get(runId);
    if (!run) throw runDoesNotExist(runId);
    return run;
  };

  return bothVersions<Route>([
    {
      method: 'POST',
      path: '/runs/submit',
      handler: (req) => {
        const token = idempotencyToken(req.body);
        const existing = token ? runs.byToken(token) : undefined;
        if (existing) return { run_id: existing.runId };
        const clusterKeys = new Set(
          (Array.isArray(req.body.job_clusters) ? req.body.job_clusters : []).map((c) => String(c.job_cluster_key)),
        );
        const tasks = validateTasks(req.body.tasks, clusterKeys);
        if (tasks.length === 0) throw invalidParameter('tasks must contain at least one task');
        validateCompute(tasks, runtime.compute);
        const run = runner.create({
          runName: typeof req.body.run_name === 'string' ? req.body.run_name : 'Untitled',
          tasks,
          creatorUserName: req.principal.userName,
          runType: 'SUBMIT_RUN',
          trigger: 'ONE_TIME',
          jobClusters: req.body.job_clusters as unknown[] | undefined,
          idempotencyToken: token,
          webhookNotifications: req.body.webhook_notifications as WebhookNotifications | undefined,
        });
        return { run_id: run.runId };
      },
    },
    {
      method: 'GET',
      path: '/runs/get',
      handler: (req) => {
        const runId = requiredId(requestInput(req), 'run_id');
        runner.advance();
        const run = runs.get(runId);
        if (run) return renderRun(wire, run, clock.now(), { tasks: true });
        const taskRun = runs.getTaskRun(runId);
        if (!taskRun) throw runDoesNotExist(runId);
        return renderTaskRunAsRun(wire, taskRun.run, taskRun.task, clock.now());
      },
    },
    {
      method: 'GET',
      path: '/runs/list',
      handler: (req) => {
        const input = requestInput(req);
        const activeOnly = flag(input.active_only);
        const completedOnly = flag(input.completed_only);
        if (activeOnly && completedOnly) throw invalidParameter('active_only and completed_only cannot both be true');
        const jobId = optionalId(input, 'job_id');
        if (jobId !== undefined) runtime.jobs.get(jobId);
        const from = optionalId(input, 'start_time_from');
        const to = optionalId(input, 'start_time_to');
        runner.advance();
        const now = clock.now();
        const matching = runs.all().filter((run) => {
          if (jobId !== undefined && run.jobId !== jobId) return false;
          if (input.run_type && run.runType !== input.run_type) return false;
          if ((from !== undefined && run.createdAt < from) || (to !== undefined && run.createdAt > to)) return false;
          if (activeOnly || completedOnly) return isTerminal(run, now) === completedOnly;
          return true;
        });
        const { items, ...page } = paginate(matching, input, { max: 25, fallback: 25 });
        const tasks = flag(input.expand_tasks);
        return { ...(items.length ? { runs: items.map((run) => renderRun(wire, run, now, { tasks })) } : {}), ...page };
      },
    },
    {
      method: 'POST',
      path: '/runs/cancel',
      handler: (req) => {
        runner.cancel(findRun(requiredId(req.body, 'run_id')));
        return {};
      },
    },
    {
      method: 'POST',
      path: '/runs/cancel-all',
      handler: (req) => {
        const jobId = optionalId(req.body, 'job_id');
        const queuedOnly = flag(req.body.all_queued_runs);
        if (jobId === undefined && !queuedOnly) throw invalidParameter('Either job_id or all_queued_runs is required');
        if (jobId !== undefined) runtime.jobs.get(jobId);
        runner.advance();
        for (const run of runs.all()) {
          if (jobId !== undefined && run.jobId !== jobId) continue;
          if (queuedOnly && run.startedAt !== undefined) continue;
          runner.cancel(run);
        }
        return {};
      },
    },
    {
      method: 'GET',
      path: '/runs/get-output',
      handler: (req) => {
        const runId = requiredId(requestInput(req), 'run_id');
        runner.advance();
        const run = runs.get(runId);
        if (run) {
          if (run.tasks.length !== 1) throw invalidParameter(MULTI_TASK_OUTPUT);
          return taskOutput(runtime, run, run.tasks[0]);
        }
        const taskRun = runs.getTaskRun(runId);
        if (!taskRun) throw runDoesNotExist(runId);
        return taskOutput(runtime, taskRun.run, taskRun.task);
      },
    },
    {
      method: 'POST',
      path: '/runs/delete',
      handler: (req) => {
        const run = findRun(requiredId(req.body, 'run_id'));
        if (!isTerminal(run, clock.now())) throw invalidParameter(`Run ${run.runId} is active and cannot be deleted.`);
        runs.delete(run);
        return {};
      },
    },
  ]);
}

/**
 * Jobs API 2.1 / 2.2: jobs (create, list, get, update, reset, delete, run-now) here, runs in jobs-runs.ts.
 * Answers follow the REST reference field for field; unknown ids answer 400 `Job <id> does not exist.`
 * as Databricks does.
 */
import type { Route } from '../http/types.js';
import { invalidParameter } from '../http/types.js';
import { validateCompute } from '../jobs/compute.js';
import { seedScenarioJobs } from '../jobs/history.js';
import { bothVersions, flag, idempotencyToken, requestInput, requiredId } from '../jobs/input.js';
import { paginate } from '../jobs/pagination.js';
import { createJobsRuntime, type JobsDeps, type JobsRuntime } from '../jobs/runtime.js';
import { JobScheduler } from '../jobs/scheduler.js';
import { mergeSettings, normalizeSettings } from '../jobs/settings.js';
import type { Job } from '../jobs/types.js';
import { createNotificationDestinationRoutes } from './jobs-notification-destinations.js';
import { startJobRun } from './jobs-run-now.js';
import { createRunRoutes } from './jobs-runs.js';

export type { JobsDeps } from '../jobs/runtime.js';

function renderJob(job: Job, expandTasks: boolean) {
  const { tasks, ...settings } = job.settings;
  return { ...job, settings: expandTasks ? job.settings : settings };
}

const settingsObject = (value: unknown, field: string) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidParameter(`${field} is required`);
  return value as Record<string, unknown>;
};

function createJobRoutes(runtime: JobsRuntime): Route[] {
  const { jobs } = runtime;
  return bothVersions<Route>([
    {
      method: 'POST',
      path: '/create',
      handler: (req) => {
        const settings = normalizeSettings(req.body);
        validateCompute(settings.tasks, runtime.compute);
        const job = jobs.create(settings, req.principal.userName, runtime.clock.now());
        void runtime.recorder?.recordJob(job);
        return { job_id: job.job_id };
      },
    },
    {
      method: 'GET',
      path: '/get',
      handler: (req) => renderJob(jobs.get(requiredId(requestInput(req), 'job_id')), true),
    },
    {
      method: 'GET',
      path: '/list',
      handler: (req) => {
        const input = requestInput(req);
        const name = typeof input.name === 'string' ? input.name.toLowerCase() : undefined;
        const matching = jobs.all().filter((job) => name === undefined || job.settings.name.toLowerCase() === name);
        const { items, ...page } = paginate(matching, input, { max: 100, fallback: 20 });
        const expand = flag(input.expand_tasks);
        return { ...(items.length ? { jobs: items.map((job) => renderJob(job, expand)) } : {}), ...page };
      },
    },
    {
      method: 'POST',
      path: '/update',
      handler: (req) => {
        const job = jobs.get(requiredId(req.body, 'job_id'));
        const remove = Array.isArray(req.body.fields_to_remove) ? req.body.fields_to_remove.map(String) : [];
        job.settings = mergeSettings(job.settings, (req.body.new_settings ?? {}) as Record<string, unknown>, remove);
        return {};
      },
    },
    {
      method: 'POST',
      path: '/reset',
      handler: (req) => {
        const job = jobs.get(requiredId(req.body, 'job_id'));
        job.settings = normalizeSettings(settingsObject(req.body.new_settings, 'new_settings'));
        return {};
      },
    },
    {
      method: 'POST',
      path: '/delete',
      handler: (req) => {
        const job = jobs.get(requiredId(req.body, 'job_id'));
        // Deleting a job cancels its runs that are still going, as Databricks does.
        for (const run of runtime.runs.all()) if (run.jobId === job.job_id) runtime.runner.cancel(run);
        jobs.delete(job.job_id);
        return {};
      },
    },
    {
      method: 'POST',
      path: '/run-now',
      handler: (req) => {
        const job = jobs.get(requiredId(req.body, 'job_id'));
        const token = idempotencyToken(req.body);
        const run =
          (token && runtime.runs.byToken(token)) || startJobRun(runtime, job, req.body, req.principal.userName, token);
        return { run_id: run.runId, number_in_job: run.runId };
      },
    },
  ]);
}

/** The Jobs service: the scenario's jobs and history exist from the start. */
export function createJobsService(deps: JobsDeps): Route[] {
  const runtime = createJobsRuntime(deps);
  seedScenarioJobs(runtime, deps.scenario, deps.seed);
  const scheduler = new JobScheduler({
    clock: runtime.clock,
    jobs: runtime.jobs,
    fire: (job) => startJobRun(runtime, job, {}, job.run_as_user_name, undefined, 'PERIODIC'),
  });
  scheduler.start();
  deps.lifetime?.addEventListener('abort', () => scheduler.stop(), { once: true });
  return [
    ...createJobRoutes(runtime),
    ...createRunRoutes(runtime),
    ...createNotificationDestinationRoutes(runtime.destinations),
  ];
}

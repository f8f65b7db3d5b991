import type { Job, Run, RunTask } from '../../databricks/api/jobs.js';
import type { Remote } from '../../databricks/remote-cache.js';
import { badInput } from '../../errors.js';
import { builder } from '../builder.js';
import { epochToDate, remote, remoteList } from './remote.js';
import { connectionOf, DatabricksWorkspace } from './workspace.js';

const RunTaskRef = builder.objectRef<RunTask>('DatabricksRunTask').implement({
  fields: (t) => ({
    taskKey: t.exposeString('task_key'),
    runId: t.string({ resolve: (task) => String(task.run_id) }),
    lifeCycleState: t.string({ resolve: (task) => task.state.life_cycle_state }),
    resultState: t.string({ nullable: true, resolve: (task) => task.state.result_state ?? null }),
    stateMessage: t.string({ nullable: true, resolve: (task) => task.state.state_message || null }),
    notebookPath: t.string({ nullable: true, resolve: (task) => task.notebook_task?.notebook_path ?? null }),
    dependsOn: t.stringList({ resolve: (task) => (task.depends_on ?? []).map((dependency) => dependency.task_key) }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (task) => epochToDate(task.start_time) }),
    endedAt: t.field({ type: 'DateTime', nullable: true, resolve: (task) => epochToDate(task.end_time) }),
  }),
});

/** A job run as Databricks reports it, with whether it came from the cache while Databricks was down. */
type RunView = Run & { stale?: boolean };

export const DatabricksRunRef = builder.objectRef<RunView>('DatabricksRun').implement({
  fields: (t) => ({
    runId: t.string({ resolve: (run) => String(run.run_id) }),
    jobId: t.string({ nullable: true, resolve: (run) => (run.job_id ? String(run.job_id) : null) }),
    name: t.string({ nullable: true, resolve: (run) => run.run_name ?? null }),
    lifeCycleState: t.string({ resolve: (run) => run.state.life_cycle_state }),
    resultState: t.string({ nullable: true, resolve: (run) => run.state.result_state ?? null }),
    stateMessage: t.string({ nullable: true, resolve: (run) => run.state.state_message || null }),
    runPageUrl: t.string({ nullable: true, resolve: (run) => run.run_page_url ?? null }),
    trigger: t.string({ nullable: true, resolve: (run) => run.trigger ?? null }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (run) => epochToDate(run.start_time) }),
    endedAt: t.field({ type: 'DateTime', nullable: true, resolve: (run) => epochToDate(run.end_time) }),
    durationMs: t.float({
      nullable: true,
      description: 'Wall time of the run (multi-task runs report `run_duration`).',
      resolve: (run) =>
        run.run_duration ||
        run.execution_duration ||
        (run.end_time && run.start_time ? run.end_time - run.start_time : null),
    }),
    tasks: t.field({ type: [RunTaskRef], resolve: (run) => run.tasks ?? [] }),
    stale: t.boolean({ resolve: (run) => run.stale ?? false }),
  }),
});

const JobRef = builder.objectRef<Job>('DatabricksJob').implement({
  fields: (t) => ({
    jobId: t.string({ resolve: (job) => String(job.job_id) }),
    name: t.string({ resolve: (job) => job.settings.name }),
    creator: t.string({ nullable: true, resolve: (job) => job.creator_user_name ?? null }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (job) => epochToDate(job.created_time) }),
    schedule: t.string({ nullable: true, resolve: (job) => job.settings.schedule?.quartz_cron_expression ?? null }),
    taskKeys: t.stringList({ resolve: (job) => (job.settings.tasks ?? []).map((task) => task.task_key) }),
  }),
});

const JobList = remoteList('DatabricksJobList', JobRef);

const RunPage = builder
  .objectRef<Remote<{ runs: Run[]; hasMore: boolean; nextPageToken?: string }>>('DatabricksRunPage')
  .implement({
    description: 'One page of runs (Databricks pages with opaque tokens; at most 25 runs a page).',
    fields: (t) => ({
      nodes: t.field({
        type: [DatabricksRunRef],
        resolve: (page) => page.value.runs.map((run) => ({ ...run, stale: page.stale })),
      }),
      hasMore: t.boolean({ resolve: (page) => page.value.hasMore }),
      nextPageToken: t.string({ nullable: true, resolve: (page) => page.value.nextPageToken ?? null }),
      stale: t.exposeBoolean('stale'),
      fetchedAt: t.expose('fetchedAt', { type: 'DateTime' }),
    }),
  });

const numericId = (value: string) => {
  const id = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id <= 0)
    throw badInput(`"${value}" is not a Databricks id: ids are positive whole numbers.`);
  return id;
};

builder.objectFields(DatabricksWorkspace, (t) => ({
  jobs: t.field({
    type: JobList,
    nullable: true,
    resolve: (row, _args, ctx) => remote(() => ctx.databricks.jobs(connectionOf(ctx, row))),
  }),
  job: t.field({
    type: JobRef,
    nullable: true,
    args: { jobId: t.arg.string() },
    resolve: (row, { jobId }, ctx) =>
      remote(async () => (await ctx.databricks.job(connectionOf(ctx, row), numericId(jobId))).value),
  }),
  runs: t.field({
    type: RunPage,
    nullable: true,
    args: {
      jobId: t.arg.string({ required: false }),
      activeOnly: t.arg.boolean({ required: false }),
      first: t.arg.int({ required: false, description: 'Runs per page, 1–25.' }),
      after: t.arg.string({ required: false, description: '`nextPageToken` of the previous page.' }),
    },
    resolve: (row, args, ctx) =>
      remote(() =>
        ctx.databricks.runs(connectionOf(ctx, row), {
          jobId: args.jobId ? numericId(args.jobId) : undefined,
          activeOnly: args.activeOnly ?? false,
          limit: args.first ?? 25,
          pageToken: args.after ?? undefined,
        }),
      ),
  }),
  run: t.field({
    type: DatabricksRunRef,
    nullable: true,
    args: { runId: t.arg.string() },
    resolve: (row, { runId }, ctx) =>
      remote(async () => {
        const run = await ctx.databricks.run(connectionOf(ctx, row), numericId(runId));
        return { ...run.value, stale: run.stale };
      }),
  }),
}));

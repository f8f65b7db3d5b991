import type { RunEvent as RunEventRow } from '../../generated/prisma/client.js';
import type { RunEventMessage } from '../../runs/pubsub.js';
import { currentTask, etaMs, exitValue, type TaskSnapshot } from '../../runs/snapshot.js';
import { builder } from '../builder.js';
import { DatabricksWorkspace } from '../databricks/workspace.js';
import { ownedNode, ownedRow } from '../ownership.js';

export const PipelineLayerEnum = builder.enumType('PipelineLayer', {
  values: ['BRONZE', 'SILVER', 'GOLD', 'ALL'] as const,
});
export const JobRunKindEnum = builder.enumType('JobRunKind', { values: ['PIPELINE', 'JOB', 'NOTEBOOK'] as const });
export const RunEventTypeEnum = builder.enumType('RunEventType', {
  values: ['RUN_STARTED', 'RUN_PROGRESS', 'RUN_COMPLETED', 'RUN_FAILED', 'RUN_CANCELED'] as const,
});

export const RunTaskState = builder.objectRef<TaskSnapshot>('RunTaskState').implement({
  description: 'One task of a run: its Databricks state and what its notebook reported.',
  fields: (t) => ({
    taskKey: t.exposeString('taskKey'),
    databricksRunId: t.string({ resolve: (task) => String(task.runId) }),
    state: t.exposeString('state'),
    resultState: t.exposeString('resultState', { nullable: true }),
    message: t.exposeString('message', { nullable: true }),
    startedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (task) => (task.startedAt ? new Date(task.startedAt) : null),
    }),
    endedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (task) => (task.endedAt ? new Date(task.endedAt) : null),
    }),
    recordsProcessed: t.exposeInt('recordsProcessed', { nullable: true }),
    output: t.field({
      type: 'JSON',
      nullable: true,
      description: 'What the notebook passed to `dbutils.notebook.exit` (parsed when it is JSON), once it succeeded.',
      resolve: (task) => exitValue(task.output),
    }),
    outputTruncated: t.boolean({
      description: 'Databricks returned only the first part of a large exit value.',
      resolve: (task) => task.outputTruncated ?? false,
    }),
    errorTrace: t.string({
      nullable: true,
      description: 'The stack trace of a failed task.',
      resolve: (task) => task.errorTrace ?? null,
    }),
  }),
});

const tasksOf = (run: { tasks: unknown }) => run.tasks as TaskSnapshot[];

/** The task whose exit value is the run's: the last one (in task order) that returned one. */
const outputTask = (tasks: TaskSnapshot[]) =>
  tasks.filter((task) => task.output !== undefined && task.output !== null).at(-1);

/** A run the gateway started or adopted, following its Databricks run. */
export const JobRun = builder.prismaNode('JobRun', {
  ...ownedNode('jobRun'),
  fields: (t) => ({
    kind: t.expose('kind', { type: JobRunKindEnum }),
    layer: t.expose('layer', { type: PipelineLayerEnum, nullable: true }),
    databricksRunId: t.exposeString('databricksRunId', { nullable: true }),
    databricksJobId: t.exposeString('databricksJobId', { nullable: true }),
    state: t.exposeString('state', {
      description: 'Databricks life-cycle state (PENDING, RUNNING, TERMINATING, TERMINATED, …).',
    }),
    resultState: t.exposeString('resultState', {
      nullable: true,
      description: 'SUCCESS, FAILED, CANCELED, … once finished.',
    }),
    stateMessage: t.exposeString('stateMessage', { nullable: true }),
    isTerminal: t.exposeBoolean('isTerminal'),
    tasks: t.field({ type: [RunTaskState], resolve: tasksOf }),
    currentTask: t.string({ nullable: true, resolve: (run) => (run.isTerminal ? null : currentTask(tasksOf(run))) }),
    runPageUrl: t.exposeString('runPageUrl', { nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    durationMs: t.exposeInt('durationMs', { nullable: true }),
    etaMs: t.int({
      nullable: true,
      description:
        "Time left: the typical duration of the gateway's earlier runs of the same job and layer or, before any, the job's task medians in the system tables.",
      resolve: (run) => etaMs(run.expectedDurationMs, { isTerminal: run.isTerminal, requestedAt: run.createdAt }),
    }),
    recordsProcessed: t.exposeInt('recordsProcessed', { nullable: true }),
    output: t.field({
      type: 'JSON',
      nullable: true,
      description:
        "The exit value (`dbutils.notebook.exit`, parsed when JSON) of the run's notebook, or of the last task that returned one.",
      resolve: (run) => exitValue(outputTask(tasksOf(run))?.output),
    }),
    outputTruncated: t.boolean({
      description: 'Databricks returned only the first part of that exit value.',
      resolve: (run) => outputTask(tasksOf(run))?.outputTruncated ?? false,
    }),
    errorTrace: t.string({
      nullable: true,
      description: 'The stack trace of the first failed task.',
      resolve: (run) => tasksOf(run).find((task) => task.errorTrace)?.errorTrace ?? null,
    }),
    errorMessage: t.exposeString('errorMessage', { nullable: true }),
    parameters: t.expose('parameters', { type: 'JSON' }),
    triggeredById: t.exposeString('triggeredById', { nullable: true }),
    retryOfId: t.exposeString('retryOfId', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastSeq: t.exposeInt('lastSeq', { description: 'Sequence number of the latest event.' }),
    cop: t.relation('cop', { nullable: true }),
    workspace: t.relation('workspaceMapping', { type: DatabricksWorkspace }),
    events: t.field({
      type: [RunEvent],
      description: 'Events in order; `afterSeq` skips those already seen.',
      args: { afterSeq: t.arg.int({ required: false }) },
      select: ({ afterSeq }) => ({ events: { where: { seq: { gt: afterSeq ?? 0 } }, orderBy: { seq: 'asc' } } }),
      resolve: (run) => run.events.map(toRunEventMessage),
    }),
  }),
});

type EventPayload = Partial<{
  state: string;
  resultState: string | null;
  currentTask: string | null;
  tasks: TaskSnapshot[];
  durationMs: number | null;
  recordsProcessed: number | null;
  errorMessage: string | null;
  etaMs: number | null;
  runPageUrl: string | null;
}>;

/** A run event, from the database or straight from pub/sub (same shape, no query per subscriber). */
export const RunEvent = builder.objectRef<RunEventMessage>('RunEvent').implement({
  fields: (t) => {
    const fromPayload =
      <K extends keyof EventPayload>(key: K) =>
      (event: RunEventMessage) =>
        ((event.payload as EventPayload)[key] ?? null) as Exclude<EventPayload[K], undefined>;
    return {
      seq: t.exposeInt('seq'),
      type: t.field({ type: RunEventTypeEnum, resolve: (event) => event.type }),
      createdAt: t.field({ type: 'DateTime', resolve: (event) => new Date(event.createdAt) }),
      state: t.string({ nullable: true, resolve: fromPayload('state') }),
      resultState: t.string({ nullable: true, resolve: fromPayload('resultState') }),
      currentTask: t.string({ nullable: true, resolve: fromPayload('currentTask') }),
      tasks: t.field({ type: [RunTaskState], nullable: true, resolve: fromPayload('tasks') }),
      durationMs: t.int({ nullable: true, resolve: fromPayload('durationMs') }),
      recordsProcessed: t.int({ nullable: true, resolve: fromPayload('recordsProcessed') }),
      errorMessage: t.string({ nullable: true, resolve: fromPayload('errorMessage') }),
      etaMs: t.int({ nullable: true, resolve: fromPayload('etaMs') }),
      runPageUrl: t.string({ nullable: true, resolve: fromPayload('runPageUrl') }),
      payload: t.field({ type: 'JSON', resolve: (event) => event.payload }),
    };
  },
});

builder.prismaObjectFields('Cop', (t) => ({
  runs: t.relatedConnection('jobRuns', {
    cursor: 'id',
    totalCount: true,
    description: 'Runs started for this CoP, newest first.',
    query: { orderBy: { createdAt: 'desc' } },
  }),
}));

builder.prismaObjectFields(DatabricksWorkspace, (t) => ({
  activeRuns: t.relation('jobRuns', { query: { where: { isTerminal: false }, orderBy: { createdAt: 'desc' } } }),
}));

builder.queryField('jobRun', (t) =>
  t.prismaField({
    type: 'JobRun',
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.globalID({ for: JobRun }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.prisma.jobRun.findFirst({ ...query, where: ownedRow(ctx.viewer, 'jobRun', id.id) }),
  }),
);

export const toRunEventMessage = (row: RunEventRow): RunEventMessage => ({
  id: row.id,
  jobRunId: row.jobRunId,
  seq: row.seq,
  type: row.type,
  payload: row.payload as Record<string, unknown>,
  createdAt: row.createdAt.toISOString(),
});

import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { ownedByViewer } from '../auth/tenancy.js';
import { EDITOR_ROLES, OPERATOR_ROLES } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { connectionSelect } from '../databricks/registry.js';
import { pipelineRowSelect, scheduleOf, tasksOf } from '../pipelines/definition.js';
import type { PipelineRemote } from '../pipelines/remote.js';
import { checkSchedule, nextFireTimes } from '../pipelines/schedule.js';
import {
  createPipeline,
  type PipelinePatch,
  type PipelineWorkspace,
  pipelineUpdate,
  remoteJobId,
} from '../pipelines/service.js';
import { dagOf, type PipelineTask } from '../pipelines/tasks.js';
import { builder } from './builder.js';
import { DatabricksWorkspace } from './databricks/workspace.js';
import { findOwned, ownedNode, updateOwned } from './ownership.js';
import { idempotencyKey, parametersSchema, resolveTarget, start, triggeredBy } from './runs/mutations.js';
import { syncField } from './sync-record.js';

const services = (ctx: Context) => ({ prisma: ctx.prisma, registry: ctx.databricksGateway.registry });

const TaskTypeEnum = builder.enumType('PipelineTaskType', {
  values: {
    NOTEBOOK: { description: 'A workspace notebook (`notebookPath`).' },
    SQL: { description: 'A SQL query on a SQL warehouse (`query`, `warehouseId`).' },
    PYTHON: { description: 'A Python file (`pythonFile`), parameters passed as `--name value`.' },
  },
});

const PipelineTaskType = builder.simpleObject('PipelineTask', {
  fields: (t) => ({
    key: t.string(),
    type: t.field({ type: TaskTypeEnum }),
    dependsOn: t.stringList({ description: 'Keys of the tasks that must succeed first.' }),
    notebookPath: t.string({ nullable: true }),
    parameters: t.field({ type: 'JSON', nullable: true, description: 'Parameters by name.' }),
    query: t.string({ nullable: true }),
    warehouseId: t.string({ nullable: true }),
    pythonFile: t.string({ nullable: true }),
  }),
});

const DagNode = builder.simpleObject('PipelineDagNode', {
  fields: (t) => ({
    key: t.string(),
    type: t.field({ type: TaskTypeEnum }),
    layer: t.int({ description: '0 for tasks that depend on nothing, else one more than the deepest dependency.' }),
  }),
});
const DagEdge = builder.simpleObject('PipelineDagEdge', {
  fields: (t) => ({
    from: t.string({ description: 'The dependency.' }),
    to: t.string({ description: 'Its dependent.' }),
  }),
});
const Dag = builder.simpleObject('PipelineDag', {
  description: 'The task graph, as data.',
  fields: (t) => ({ nodes: t.field({ type: [DagNode] }), edges: t.field({ type: [DagEdge] }) }),
});

const Schedule = builder.simpleObject('PipelineSchedule', {
  fields: (t) => ({
    quartzCron: t.string({ description: 'Quartz cron: seconds minutes hours day-of-month month day-of-week [year].' }),
    timezone: t.string({ description: 'IANA timezone the expression is read in.' }),
    paused: t.boolean(),
  }),
});

export const Pipeline = builder.prismaNode('Pipeline', {
  ...ownedNode('pipeline'),
  description: 'A multi-task pipeline: kept in CoP OS first, and as a scheduled Databricks job (Jobs 2.2) once synced.',
  fields: (t) => ({
    name: t.exposeString('name'),
    workspace: t.relation('workspaceMapping', { type: DatabricksWorkspace }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    createdBy: t.relation('createdBy', { nullable: true }),
    sync: t.field(syncField()),
    jobId: t.string({
      nullable: true,
      description: 'The Databricks job id, once synced.',
      select: { remote: true },
      resolve: (row) => (row.remote as Partial<PipelineRemote>).jobId ?? null,
    }),
    schedule: t.field({
      type: Schedule,
      nullable: true,
      description: 'None: the pipeline runs only when asked.',
      select: pipelineRowSelect,
      resolve: (row) => scheduleOf(row),
    }),
    nextRunsAt: t.field({
      type: ['DateTime'],
      description: 'The next fire times of the schedule; empty when paused or unscheduled.',
      args: { count: t.arg.int({ defaultValue: 5, validate: z.number().int().min(1).max(50) }) },
      select: pipelineRowSelect,
      resolve: (row, args) => {
        const schedule = scheduleOf(row);
        return schedule ? nextFireTimes(schedule, args.count ?? 5) : [];
      },
    }),
    tasks: t.field({
      type: [PipelineTaskType],
      description: 'The tasks (analysts and up).',
      authScopes: { role: EDITOR_ROLES },
      select: { tasks: true },
      resolve: (row) => tasksOf(row),
    }),
    dag: t.field({
      type: Dag,
      authScopes: { role: EDITOR_ROLES },
      select: { tasks: true },
      resolve: (row) => dagOf(tasksOf(row)),
    }),
    runs: t.prismaField({
      type: ['JobRun'],
      description: 'Runs of the pipeline started through CoP OS, newest first (analysts and up).',
      authScopes: { role: EDITOR_ROLES },
      args: { first: t.arg.int({ defaultValue: 20, validate: z.number().int().min(1).max(100) }) },
      select: { remote: true, workspaceMappingId: true },
      resolve: (query, row, args, ctx) => {
        const jobId = (row.remote as Partial<PipelineRemote>).jobId;
        if (!jobId) return [];
        return ctx.prisma.jobRun.findMany({
          ...query,
          where: { workspaceMappingId: row.workspaceMappingId, databricksJobId: jobId },
          orderBy: { createdAt: 'desc' },
          take: args.first ?? 20,
        });
      },
    }),
  }),
});

builder.queryFields((t) => ({
  pipelines: t.prismaConnection({
    type: 'Pipeline',
    cursor: 'id',
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.pipeline.findMany({
        ...query,
        where: { deletedAt: null, ...ownedByViewer(ctx.viewer) },
        orderBy: { createdAt: 'desc' },
      }),
  }),
}));

const taskKey = z.string().regex(/^[\w-]{1,100}$/, 'A task key is 1 to 100 letters, digits, dashes or underscores.');

const PipelineTaskInput = builder.inputType('PipelineTaskInput', {
  fields: (t) => ({
    key: t.string({ validate: taskKey }),
    type: t.field({ type: TaskTypeEnum }),
    dependsOn: t.stringList({ required: false, defaultValue: [], validate: z.array(z.string()).max(100) }),
    notebookPath: t.string({
      required: false,
      validate: z.string().startsWith('/', 'A notebook path starts with /.').max(1000),
    }),
    parameters: t.field({ type: 'JSON', required: false, validate: parametersSchema }),
    query: t.string({ required: false, validate: z.string().trim().min(1).max(100_000) }),
    warehouseId: t.string({ required: false, validate: z.string().trim().min(1).max(100) }),
    pythonFile: t.string({ required: false, validate: z.string().trim().min(1).max(1000) }),
  }),
});

const PipelineScheduleInput = builder.inputType('PipelineScheduleInput', {
  fields: (t) => ({
    quartzCron: t.string({ validate: z.string().trim().min(1).max(200) }),
    timezone: t.string({ required: false, defaultValue: 'UTC', validate: z.string().trim().min(1).max(100) }),
    paused: t.boolean({ required: false, defaultValue: false }),
  }),
});

const toSchedule = (input: typeof PipelineScheduleInput.$inferInput) => ({
  quartzCron: input.quartzCron,
  timezone: input.timezone ?? 'UTC',
  paused: input.paused ?? false,
});

builder.queryField('pipelineSchedulePreview', (t) =>
  t.field({
    type: ['DateTime'],
    description:
      'The next fire times of a schedule being edited (checked as a pipeline’s would be: BAD_USER_INPUT naming the fault).',
    authScopes: { authenticated: true },
    args: {
      schedule: t.arg({ type: PipelineScheduleInput }),
      count: t.arg.int({ defaultValue: 5, validate: z.number().int().min(1).max(50) }),
    },
    resolve: (_root, args) => nextFireTimes(checkSchedule(toSchedule(args.schedule)), args.count ?? 5),
  }),
);

const name = z.string().trim().min(1, 'A pipeline needs a name.').max(200);
const tasksList = z.array(z.any()).min(1, 'A pipeline needs at least one task.').max(100);

const CreatePipelineInput = builder.inputType('CreatePipelineInput', {
  fields: (t) => ({
    workspaceId: t.globalID({ for: DatabricksWorkspace }),
    name: t.string({ validate: name }),
    tasks: t.field({ type: [PipelineTaskInput], validate: tasksList }),
    schedule: t.field({ type: PipelineScheduleInput, required: false }),
  }),
});

const UpdatePipelineInput = builder.inputType('UpdatePipelineInput', {
  description: 'Fields left out stay as they are; `schedule: null` removes the schedule.',
  fields: (t) => ({
    name: t.string({ required: false, validate: name }),
    tasks: t.field({ type: [PipelineTaskInput], required: false, validate: tasksList }),
    schedule: t.field({ type: PipelineScheduleInput, required: false }),
  }),
});

type TaskInput = typeof PipelineTaskInput.$inferInput;
const toTask = (input: TaskInput): PipelineTask => ({
  key: input.key,
  type: input.type,
  dependsOn: input.dependsOn ?? [],
  ...(input.notebookPath ? { notebookPath: input.notebookPath } : {}),
  ...(input.parameters ? { parameters: input.parameters as Record<string, string> } : {}),
  ...(input.query ? { query: input.query } : {}),
  ...(input.warehouseId ? { warehouseId: input.warehouseId } : {}),
  ...(input.pythonFile ? { pythonFile: input.pythonFile } : {}),
});

/** The viewer's workspace (a Databricks mapping of their tenant) a pipeline lives in. */
async function workspaceOf(ctx: Context, mappingId: string): Promise<PipelineWorkspace> {
  const mapping = await findOwned(ctx, 'workspaceMapping', mappingId, {
    select: { id: true, integration: { select: { ...connectionSelect, customerId: true, isActive: true } } },
  });
  return { mappingId: mapping.id, customerId: mapping.integration.customerId, integration: mapping.integration };
}

builder.mutationFields((t) => ({
  createPipeline: t.prismaField({
    type: 'Pipeline',
    description: 'Creates a pipeline; its Databricks job follows (see `sync`).',
    authScopes: { role: OPERATOR_ROLES },
    args: { input: t.arg({ type: CreatePipelineInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const workspace = await workspaceOf(ctx, input.workspaceId.id);
      const row = await createPipeline(
        services(ctx),
        workspace,
        {
          name: input.name.trim(),
          tasks: input.tasks.map(toTask),
          schedule: input.schedule ? toSchedule(input.schedule) : null,
          createdById: triggeredBy(ctx),
        },
        query,
      );
      ctx.sync.poke();
      return row;
    },
  }),
  updatePipeline: t.prismaField({
    type: 'Pipeline',
    description: 'Changes a pipeline; its Databricks job is reset to match (see `sync`).',
    authScopes: { role: OPERATOR_ROLES },
    args: { id: t.arg.globalID({ for: Pipeline }), input: t.arg({ type: UpdatePipelineInput }) },
    resolve: async (query, _root, { id, input }, ctx) => {
      const current = await findOwned(ctx, 'pipeline', id.id, {
        select: { ...pipelineRowSelect, workspaceMappingId: true },
      });
      const patch: PipelinePatch = {
        name: input.name?.trim(),
        tasks: input.tasks?.map(toTask),
        schedule: input.schedule ? toSchedule(input.schedule) : input.schedule === null ? null : undefined,
      };
      const data = await pipelineUpdate(
        services(ctx),
        await workspaceOf(ctx, current.workspaceMappingId),
        current,
        patch,
      );
      const row = await updateOwned(ctx, 'pipeline', id.id, { ...query, data });
      ctx.sync.poke();
      return row;
    },
  }),
  deletePipeline: t.field({
    type: 'ID',
    description:
      'Deletes a pipeline here and its job in Databricks (finished by the reconciler if Databricks is down).',
    authScopes: { role: OPERATOR_ROLES },
    args: { id: t.arg.globalID({ for: Pipeline }) },
    resolve: async (_root, { id }, ctx) => {
      await updateOwned(ctx, 'pipeline', id.id, {
        data: { deletedAt: new Date(), syncNextAttemptAt: new Date() },
        select: { id: true },
      });
      ctx.sync.poke();
      return encodeGlobalID(id.typename, id.id);
    },
  }),
  runPipeline: t.prismaField({
    type: 'JobRun',
    description: 'Runs the pipeline’s Databricks job now (`run-now`); the same idempotencyKey never starts two runs.',
    authScopes: { role: OPERATOR_ROLES },
    args: {
      id: t.arg.globalID({ for: Pipeline }),
      parameters: t.arg({ type: 'JSON', required: false, validate: parametersSchema }),
      idempotencyKey: t.arg.string({ required: false, validate: idempotencyKey }),
    },
    resolve: async (query, _root, args, ctx) => {
      const row = await findOwned(ctx, 'pipeline', args.id.id, {
        select: { remote: true, syncStatus: true, workspaceMappingId: true },
      });
      const jobId = remoteJobId(row);
      return start(ctx, query, await resolveTarget(ctx, { mappingId: row.workspaceMappingId }), {
        kind: 'JOB',
        jobId,
        parameters: (args.parameters as Record<string, string>) ?? {},
        idempotencyKey: args.idempotencyKey,
        triggeredById: triggeredBy(ctx),
      });
    },
  }),
}));

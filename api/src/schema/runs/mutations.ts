import { z } from 'zod';
import { ownedByViewer } from '../../auth/tenancy.js';
import { OPERATOR_ROLES } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import { connectionSelect } from '../../databricks/registry.js';
import { badInput } from '../../errors.js';
import type { JobRun as JobRunRow } from '../../generated/prisma/client.js';
import { cancelJobRun, type RunRequest, type RunServices, type RunTarget, startRun } from '../../runs/triggers.js';
import { builder } from '../builder.js';
import { Cop } from '../cop.js';
import { remote } from '../databricks/remote.js';
import { DatabricksWorkspace } from '../databricks/workspace.js';
import { findOwned, found } from '../ownership.js';
import { JobRun, PipelineLayerEnum } from './types.js';

const parametersSchema = z.record(
  z.string().regex(/^[A-Za-z_][\w.-]{0,99}$/, 'Parameter names are identifiers.'),
  z.string().max(4000),
);
const idempotencyKey = z.string().trim().min(1).max(200);

const TriggerPipelineInput = builder.inputType('TriggerPipelineInput', {
  fields: (t) => ({
    copId: t.globalID({ for: Cop, required: false, description: 'The CoP whose mapped workspace runs the pipeline.' }),
    workspaceId: t.globalID({ for: DatabricksWorkspace, required: false, description: 'Or an explicit workspace.' }),
    layer: t.field({ type: PipelineLayerEnum }),
    parameters: t.field({ type: 'JSON', required: false, validate: parametersSchema }),
    idempotencyKey: t.string({
      required: false,
      validate: idempotencyKey,
      description: 'Send the same key when retrying a request: it never starts a second run.',
    }),
  }),
});

const RunJobInput = builder.inputType('RunJobInput', {
  fields: (t) => ({
    workspaceId: t.globalID({ for: DatabricksWorkspace }),
    jobId: t.string({ validate: z.string().regex(/^\d{1,19}$/, 'A Databricks job id is a number.') }),
    parameters: t.field({ type: 'JSON', required: false, validate: parametersSchema }),
    idempotencyKey: t.string({ required: false, validate: idempotencyKey }),
  }),
});

const SubmitNotebookRunInput = builder.inputType('SubmitNotebookRunInput', {
  fields: (t) => ({
    workspaceId: t.globalID({ for: DatabricksWorkspace }),
    notebookPath: t.string({ validate: z.string().startsWith('/', 'A notebook path starts with /.').max(1000) }),
    parameters: t.field({ type: 'JSON', required: false, validate: parametersSchema }),
    idempotencyKey: t.string({ required: false, validate: idempotencyKey }),
  }),
});

const targetSelect = {
  id: true,
  copId: true,
  integration: { select: { ...connectionSelect, customerId: true } },
} as const;

/** The workspace mapping a run goes to, inside the viewer's tenant. */
async function resolveTarget(ctx: Context, where: { mappingId?: string; copId?: string }): Promise<RunTarget> {
  if (!where.mappingId && !where.copId) throw badInput('Give a copId or a workspaceId.', 'copId');
  const mapping = found(
    await ctx.prisma.workspaceMapping.findFirst({
      where: {
        ...(where.mappingId ? { id: where.mappingId } : { copId: where.copId }),
        isActive: true,
        integration: { type: 'DATABRICKS', isActive: true, ...ownedByViewer(ctx.viewer) },
      },
      orderBy: { createdAt: 'asc' },
      select: targetSelect,
    }),
    where.mappingId ? 'Workspace' : 'A Databricks workspace mapped to this CoP',
  );
  return {
    mappingId: mapping.id,
    copId: where.copId ?? mapping.copId,
    customerId: mapping.integration.customerId,
    integration: mapping.integration,
  };
}

const runServices = (ctx: Context): RunServices => ({
  prisma: ctx.prisma,
  pubsub: ctx.runs.pubsub,
  connect: (integration) => ctx.databricksGateway.registry.forIntegration(integration),
  pollNow: () => ctx.runs.watcher.pollNow(),
  starting: ctx.runs.starting,
});

const triggeredBy = (ctx: Context) => (ctx.viewer?.kind === 'user' ? ctx.viewer.id : null);

async function start(ctx: Context, query: object, target: RunTarget, request: RunRequest) {
  const run = await remote(() => startRun(runServices(ctx), target, request));
  return ctx.prisma.jobRun.findUniqueOrThrow({ ...query, where: { id: run.id } });
}

async function ownedRun(ctx: Context, id: string): Promise<JobRunRow> {
  return findOwned(ctx, 'jobRun', id, {});
}

builder.mutationFields((t) => ({
  triggerPipeline: t.prismaField({
    type: 'JobRun',
    description:
      'Runs a pipeline layer (BRONZE = ingestion + silver transformations, SILVER, GOLD) or the whole job (ALL).',
    authScopes: { role: OPERATOR_ROLES },
    args: { input: t.arg({ type: TriggerPipelineInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const target = await resolveTarget(ctx, { mappingId: input.workspaceId?.id, copId: input.copId?.id });
      return start(ctx, query, target, {
        kind: 'PIPELINE',
        layer: input.layer,
        parameters: (input.parameters as Record<string, string>) ?? {},
        idempotencyKey: input.idempotencyKey,
        triggeredById: triggeredBy(ctx),
      });
    },
  }),
  runJob: t.prismaField({
    type: 'JobRun',
    authScopes: { role: OPERATOR_ROLES },
    args: { input: t.arg({ type: RunJobInput }) },
    resolve: async (query, _root, { input }, ctx) =>
      start(ctx, query, await resolveTarget(ctx, { mappingId: input.workspaceId.id }), {
        kind: 'JOB',
        jobId: input.jobId,
        parameters: (input.parameters as Record<string, string>) ?? {},
        idempotencyKey: input.idempotencyKey,
        triggeredById: triggeredBy(ctx),
      }),
  }),
  submitNotebookRun: t.prismaField({
    type: 'JobRun',
    authScopes: { role: OPERATOR_ROLES },
    args: { input: t.arg({ type: SubmitNotebookRunInput }) },
    resolve: async (query, _root, { input }, ctx) =>
      start(ctx, query, await resolveTarget(ctx, { mappingId: input.workspaceId.id }), {
        kind: 'NOTEBOOK',
        notebookPath: input.notebookPath,
        parameters: (input.parameters as Record<string, string>) ?? {},
        idempotencyKey: input.idempotencyKey,
        triggeredById: triggeredBy(ctx),
      }),
  }),
  cancelRun: t.prismaField({
    type: 'JobRun',
    description: 'Asks Databricks to cancel; the run reports RUN_CANCELED when it has stopped.',
    authScopes: { role: OPERATOR_ROLES },
    args: { id: t.arg.globalID({ for: JobRun }) },
    resolve: async (query, _root, { id }, ctx) => {
      const run = await ownedRun(ctx, id.id);
      const integration = await ctx.prisma.integration.findUniqueOrThrow({ where: { id: run.integrationId } });
      await remote(() => cancelJobRun(runServices(ctx), run, integration));
      return ctx.prisma.jobRun.findUniqueOrThrow({ ...query, where: { id: run.id } });
    },
  }),
  retryRun: t.prismaField({
    type: 'JobRun',
    description: 'Starts the same work again as a new run (the old one must have finished).',
    authScopes: { role: OPERATOR_ROLES },
    args: {
      id: t.arg.globalID({ for: JobRun }),
      idempotencyKey: t.arg.string({ required: false, validate: idempotencyKey }),
    },
    resolve: async (query, _root, { id, idempotencyKey: key }, ctx) => {
      const run = await ownedRun(ctx, id.id);
      if (!run.isTerminal) throw badInput('The run is still going; cancel it first or wait for it to finish.', 'id');
      return start(ctx, query, await resolveTarget(ctx, { mappingId: run.workspaceMappingId }), {
        kind: run.kind,
        layer: run.layer ?? undefined,
        jobId: run.databricksJobId ?? undefined,
        notebookPath: run.notebookPath ?? undefined,
        parameters: run.parameters as Record<string, string>,
        idempotencyKey: key ?? `retry:${run.id}:${run.lastSeq}`,
        triggeredById: triggeredBy(ctx),
        retryOfId: run.id,
      });
    },
  }),
}));

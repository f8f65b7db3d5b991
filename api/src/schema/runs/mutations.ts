import { z } from 'zod';
import { ownedByViewer } from '../../auth/tenancy.js';
import { OPERATOR_ROLES } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import { connectionSelect } from '../../databricks/registry.js';
import { badInput } from '../../errors.js';
import type { JobRun as JobRunRow } from '../../generated/prisma/client.js';
import { withClaimIds } from '../../runs/job-parameters.js';
import type { ComputeChoice, NewClusterChoice } from '../../runs/notebook-compute.js';
import { cancelJobRun, type RunRequest, type RunServices, type RunTarget, startRun } from '../../runs/triggers.js';
import { builder } from '../builder.js';
import { Cop } from '../cop.js';
import { remote } from '../databricks/remote.js';
import { DatabricksWorkspace } from '../databricks/workspace.js';
import { findOwned, found } from '../ownership.js';
import { mappingOfCop } from '../workspace-mapping.js';
import { JobRun, PipelineLayerEnum } from './types.js';

export const parametersSchema = z.record(
  z.string().regex(/^[A-Za-z_][\w.-]{0,99}$/, 'Parameter names are identifiers.'),
  z.string().max(4000),
);
export const idempotencyKey = z.string().trim().min(1).max(200);

const TriggerPipelineInput = builder.inputType('TriggerPipelineInput', {
  fields: (t) => ({
    copId: t.globalID({ for: Cop, required: false, description: 'The CoP whose mapped workspace runs the pipeline.' }),
    workspaceId: t.globalID({ for: DatabricksWorkspace, required: false, description: 'Or an explicit workspace.' }),
    layer: t.field({ type: PipelineLayerEnum }),
    claimIds: t.idList({
      required: false,
      validate: z.array(z.string().min(1).max(100)).max(1000, 'At most 1,000 claims per run.'),
      description:
        'Claims to (re)process: sent as the job parameter `claim_ids` (a JSON array), which the job must declare.',
    }),
    parameters: t.field({
      type: 'JSON',
      required: false,
      validate: parametersSchema,
      description: 'Job parameters by name; each must be declared by the job (else BAD_USER_INPUT).',
    }),
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

const NewClusterInput = builder.inputType('NewClusterInput', {
  description: 'A cluster created for this run alone.',
  fields: (t) => ({
    nodeTypeId: t.string({
      validate: z.string().trim().min(1).max(100),
      description: 'e.g. i3.xlarge, Standard_DS3_v2.',
    }),
    numWorkers: t.int({ validate: z.number().int().min(0).max(100) }),
    autoterminationMinutes: t.int({
      required: false,
      validate: z.number().int().min(10, 'Auto-termination is 10 minutes or more.').max(10_000),
    }),
    sparkVersion: t.string({
      required: false,
      validate: z.string().trim().min(1).max(100),
      description: 'Databricks Runtime, e.g. 15.4.x-scala2.12; defaults to that of a cluster the workspace has.',
    }),
  }),
});

const SubmitNotebookRunInput = builder.inputType('SubmitNotebookRunInput', {
  description:
    'Compute: `existingClusterId` or `newCluster` (not both); neither runs serverless where the workspace has it, else on a small job cluster.',
  fields: (t) => ({
    workspaceId: t.globalID({ for: DatabricksWorkspace }),
    existingClusterId: t.string({ required: false, validate: z.string().trim().min(1).max(100) }),
    newCluster: t.field({ type: NewClusterInput, required: false }),
    notebookPath: t.string({ validate: z.string().startsWith('/', 'A notebook path starts with /.').max(1000) }),
    parameters: t.field({ type: 'JSON', required: false, validate: parametersSchema }),
    idempotencyKey: t.string({ required: false, validate: idempotencyKey }),
  }),
});

const targetSelect = {
  id: true,
  copId: true,
  workspaceId: true,
  integration: { select: { ...connectionSelect, customerId: true } },
} as const;

/**
 * The workspace mapping a run goes to, inside the viewer's tenant: the one named, or the CoP's own, else one of
 * its customer's mappings with no CoP (those cover the whole customer).
 */
export async function resolveTarget(ctx: Context, where: { mappingId?: string; copId?: string }): Promise<RunTarget> {
  if (!where.mappingId && !where.copId) throw badInput('Give a copId or a workspaceId.', 'copId');
  const mapping = found(
    await ctx.prisma.workspaceMapping.findFirst({
      where: {
        ...(where.mappingId ? { id: where.mappingId } : mappingOfCop(where.copId!)),
        isActive: true,
        integration: { type: 'DATABRICKS', isActive: true, ...ownedByViewer(ctx.viewer) },
      },
      // The CoP's own mapping before the customer-wide ones (nulls last).
      orderBy: [{ copId: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
      select: targetSelect,
    }),
    where.mappingId ? 'Workspace' : 'A Databricks workspace mapped to this CoP or its customer',
  );
  return {
    mappingId: mapping.id,
    workspaceId: mapping.workspaceId,
    copId: where.copId ?? mapping.copId,
    customerId: mapping.integration.customerId,
    integration: mapping.integration,
  };
}

const runServices = (ctx: Context): RunServices => ({
  prisma: ctx.prisma,
  pubsub: ctx.runs.pubsub,
  connect: (integration) => ctx.databricksGateway.registry.forIntegration(integration),
  reader: ctx.databricks,
  pollNow: () => ctx.runs.watcher.pollNow(),
  starting: ctx.runs.starting,
});

export const triggeredBy = (ctx: Context) => (ctx.viewer?.kind === 'user' ? ctx.viewer.id : null);

/** Starts a run through the run machinery (idempotent per key) and reads it back with the caller's selection. */
export async function start(ctx: Context, query: object, target: RunTarget, request: RunRequest) {
  const run = await remote(() => startRun(runServices(ctx), target, request));
  return ctx.prisma.jobRun.findUniqueOrThrow({ ...query, where: { id: run.id } });
}

function computeChoice(input: {
  existingClusterId?: string | null;
  newCluster?: NewClusterChoice | null;
}): ComputeChoice | undefined {
  if (input.existingClusterId && input.newCluster) {
    throw badInput('Give existingClusterId or newCluster, not both.', 'newCluster');
  }
  if (input.existingClusterId) return { existingClusterId: input.existingClusterId };
  if (input.newCluster) return { newCluster: input.newCluster };
  return undefined;
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
        parameters: withClaimIds((input.parameters as Record<string, string>) ?? {}, input.claimIds),
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
        compute: computeChoice(input),
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
        compute: (run.compute as ComputeChoice | null) ?? undefined,
        parameters: run.parameters as Record<string, string>,
        idempotencyKey: key ?? `retry:${run.id}:${run.lastSeq}`,
        triggeredById: triggeredBy(ctx),
        retryOfId: run.id,
      });
    },
  }),
}));

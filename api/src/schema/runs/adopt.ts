import { z } from 'zod';
import { ownedByViewer } from '../../auth/tenancy.js';
import { OPERATOR_ROLES } from '../../auth/viewer.js';
import type { Context } from '../../context.js';
import { getRun } from '../../databricks/api/jobs.js';
import { connectionSelect } from '../../databricks/registry.js';
import { Prisma } from '../../generated/prisma/client.js';
import { appendRunEvent } from '../../runs/events.js';
import { builder } from '../builder.js';
import { remote } from '../databricks/remote.js';
import { DatabricksWorkspace } from '../databricks/workspace.js';
import { found } from '../ownership.js';

const WatchRunInput = builder.inputType('WatchRunInput', {
  fields: (t) => ({
    workspaceId: t.globalID({ for: DatabricksWorkspace, description: 'The workspace the run belongs to.' }),
    databricksRunId: t.string({
      validate: z.string().regex(/^\d{1,19}$/, 'A Databricks run id is a number.'),
      description: 'The `run_id` of the run (a job run or a one-time submitted run).',
    }),
  }),
});

type Mapping = Awaited<ReturnType<typeof ownedMapping>>;

async function ownedMapping(ctx: Context, mappingId: string) {
  return found(
    await ctx.prisma.workspaceMapping.findFirst({
      where: {
        id: mappingId,
        isActive: true,
        integration: { type: 'DATABRICKS', isActive: true, ...ownedByViewer(ctx.viewer) },
      },
      select: {
        id: true,
        copId: true,
        integration: { select: { ...connectionSelect, customerId: true } },
      },
    }),
    'Workspace',
  );
}

/**
 * Makes the gateway follow a run it did not start, once per run: a run already followed (started by the
 * gateway or adopted before) is returned as it is. The row starts PENDING with no tasks, so the watcher's
 * first poll reads the run's real state and publishes it (or its end, with records processed) like any
 * other change.
 */
async function adoptRun(ctx: Context, mapping: Mapping, databricksRunId: string): Promise<{ id: string }> {
  const { integration } = mapping;
  const followed = await ctx.prisma.jobRun.findFirst({
    where: { integrationId: integration.id, databricksRunId },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  if (followed) return followed;
  const run = await remote(() =>
    getRun(ctx.databricksGateway.registry.forIntegration(integration).rest, Number(databricksRunId)),
  );
  const idempotencyToken = `external:${integration.id}:${databricksRunId}`;
  try {
    const row = await ctx.prisma.jobRun.create({
      data: {
        customerId: integration.customerId,
        copId: mapping.copId,
        workspaceMappingId: mapping.id,
        integrationId: integration.id,
        kind: 'JOB',
        databricksJobId: run.job_id === undefined ? null : String(run.job_id),
        databricksRunId,
        idempotencyToken,
        runPageUrl: run.run_page_url ?? null,
        startedAt: run.start_time ? new Date(run.start_time) : null,
        triggeredById: ctx.viewer?.kind === 'user' ? ctx.viewer.id : null,
      },
      select: { id: true },
    });
    await appendRunEvent(ctx.prisma, ctx.runs.pubsub, row.id, 'RUN_STARTED', {
      databricksRunId,
      state: run.state.life_cycle_state,
      runPageUrl: run.run_page_url ?? null,
      adopted: true,
    });
    ctx.runs.requestPoll(`adopted ${databricksRunId}`);
    return row;
  } catch (error) {
    // Two requests adopting the same run at once: the other one created it.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
    return ctx.prisma.jobRun.findUniqueOrThrow({ where: { idempotencyToken }, select: { id: true } });
  }
}

builder.mutationField('watchRun', (t) =>
  t.prismaField({
    type: 'JobRun',
    description:
      'Follows a run started outside the gateway (Databricks UI, schedule, another tool): it gets a JobRun whose events stream like those of triggered runs. Watching the same run again returns the same JobRun.',
    authScopes: { role: OPERATOR_ROLES },
    args: { input: t.arg({ type: WatchRunInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const mapping = await ownedMapping(ctx, input.workspaceId.id);
      const run = await adoptRun(ctx, mapping, input.databricksRunId);
      return ctx.prisma.jobRun.findUniqueOrThrow({ ...query, where: { id: run.id } });
    },
  }),
);

import { getWarehouse } from '../databricks/api/compute.js';
import { DatabricksError } from '../databricks/errors.js';
import type { ConnectionRow, DatabricksRegistry } from '../databricks/registry.js';
import type { PrismaClient } from '../db/prisma.js';
import type { Prisma } from '../generated/prisma/client.js';
import { initialSync } from '../sync/record.js';
import { type PipelineRow, scheduleColumns, scheduleOf, tasksOf } from './definition.js';
import { PipelineError } from './errors.js';
import type { PipelineRemote } from './remote.js';
import { checkSchedule, type PipelineSchedule } from './schedule.js';
import { checkTasks, type PipelineTask } from './tasks.js';

export interface PipelineServices {
  prisma: PrismaClient;
  registry: DatabricksRegistry;
}

/** The workspace a pipeline belongs to: its mapping, customer and Databricks integration. */
export interface PipelineWorkspace {
  mappingId: string;
  customerId: string;
  integration: ConnectionRow & { isActive: boolean };
}

export interface PipelineDefinitionInput {
  name: string;
  tasks: PipelineTask[];
  schedule: PipelineSchedule | null;
}

/**
 * Every SQL task's warehouse exists in the workspace (asked of it). A workspace that cannot be asked now
 * does not block a local-first write: the job's sync reports the warehouse if Databricks refuses it.
 */
async function checkWarehouses(services: PipelineServices, workspace: PipelineWorkspace, tasks: PipelineTask[]) {
  const rest = services.registry.forIntegration(workspace.integration).rest;
  const checked = new Map<string, Promise<boolean>>();
  for (const [index, task] of tasks.entries()) {
    if (!task.warehouseId) continue;
    const id = task.warehouseId;
    if (!checked.has(id)) {
      checked.set(
        id,
        getWarehouse(rest, id).then(
          () => true,
          (error: unknown) => !(error instanceof DatabricksError && error.kind === 'NOT_FOUND'),
        ),
      );
    }
    if (!(await checked.get(id))) {
      throw new PipelineError(
        'UNKNOWN_WAREHOUSE',
        `Task "${task.key}": the workspace has no SQL warehouse "${id}".`,
        `tasks.${index}.warehouseId`,
      );
    }
  }
}

async function databricksEnabled(services: PipelineServices, workspace: PipelineWorkspace) {
  const customer = await services.prisma.customer.findUniqueOrThrow({
    where: { id: workspace.customerId },
    select: { databricksEnabled: true },
  });
  return customer.databricksEnabled && workspace.integration.isActive;
}

/** Checks a whole definition: the task DAG, the schedule and (when Databricks is on) the warehouses. */
async function checkDefinition(
  services: PipelineServices,
  workspace: PipelineWorkspace,
  definition: PipelineDefinitionInput,
  enabled: boolean,
) {
  checkTasks(definition.tasks);
  const schedule = definition.schedule && checkSchedule(definition.schedule);
  if (enabled) await checkWarehouses(services, workspace, definition.tasks);
  return { ...definition, schedule };
}

const definitionColumns = (definition: PipelineDefinitionInput) => ({
  name: definition.name,
  tasks: definition.tasks as unknown as Prisma.InputJsonValue,
  ...scheduleColumns(definition.schedule),
});

/** Records a checked pipeline, PENDING for the reconciler (or DISABLED). `args` is the caller's selection. */
export async function createPipeline<A extends Omit<Prisma.PipelineCreateArgs, 'data'>>(
  services: PipelineServices,
  workspace: PipelineWorkspace,
  input: PipelineDefinitionInput & { createdById: string | null },
  args: A,
) {
  const enabled = await databricksEnabled(services, workspace);
  const definition = await checkDefinition(services, workspace, input, enabled);
  return services.prisma.pipeline.create({
    ...args,
    data: {
      customerId: workspace.customerId,
      workspaceMappingId: workspace.mappingId,
      createdById: input.createdById,
      ...definitionColumns(definition),
      ...initialSync(enabled),
    },
  });
}

/** A change to a pipeline: fields left out stay; `schedule: null` removes the schedule. */
export interface PipelinePatch {
  name?: string;
  tasks?: PipelineTask[];
  schedule?: PipelineSchedule | null;
}

/** The whole new definition, checked, and the columns that queue it for the reconciler. */
export async function pipelineUpdate(
  services: PipelineServices,
  workspace: PipelineWorkspace,
  current: PipelineRow,
  patch: PipelinePatch,
) {
  const enabled = await databricksEnabled(services, workspace);
  const definition = await checkDefinition(
    services,
    workspace,
    {
      name: patch.name ?? current.name,
      tasks: patch.tasks ?? tasksOf(current),
      schedule: patch.schedule === undefined ? scheduleOf(current) : patch.schedule,
    },
    enabled,
  );
  return { ...definitionColumns(definition), ...initialSync(enabled) };
}

/** The Databricks job a run of the pipeline starts; refused while the pipeline has none yet. */
export function remoteJobId(row: { remote: unknown; syncStatus: string }): string {
  const remote = row.remote as Partial<PipelineRemote>;
  if (!remote.jobId) {
    throw new PipelineError(
      'NOT_IN_DATABRICKS',
      `The pipeline has no Databricks job yet (sync status ${row.syncStatus}); it can run once synced.`,
      'id',
    );
  }
  return remote.jobId;
}

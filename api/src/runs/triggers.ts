import { createHash, randomUUID } from 'node:crypto';
import { cancelRun, getRun, type JobTaskSettings, runNow, submitRun } from '../databricks/api/jobs.js';
import { DatabricksError } from '../databricks/errors.js';
import type { DatabricksReader } from '../databricks/reader.js';
import type { ConnectionRow, WorkspaceConnection } from '../databricks/registry.js';
import type { PrismaClient } from '../db/prisma.js';
import type { JobRun, JobRunKind, PipelineLayer } from '../generated/prisma/client.js';
import { databricksConfigSchema } from '../integrations/databricks-config.js';
import { appendRunEvent, appendRunEventIf } from './events.js';
import { durationFromTaskMedians, gatewayTypicalDuration } from './expected-duration.js';
import { runNowParameters } from './job-parameters.js';
import { type ComputeChoice, resolveNotebookCompute } from './notebook-compute.js';
import type { RunPubSub } from './pubsub.js';

export interface RunServices {
  prisma: PrismaClient;
  pubsub: RunPubSub;
  connect: (integration: IntegrationRow) => WorkspaceConnection;
  /** Cached reads of the workspace (job definitions, clusters, run history), within the request's deadline. */
  reader: DatabricksReader;
  /** Asks the watcher to poll now rather than at its next tick. */
  pollNow: () => void;
  /** Starts in progress in this instance, by idempotency token: concurrent callers with one key share one. */
  starting: Map<string, Promise<JobRun>>;
}

/** The integration a run goes through, as `connectionSelect` reads it. */
export type IntegrationRow = ConnectionRow;

/** The workspace a run goes to, with the tenant and CoP it is recorded under. */
export interface RunTarget {
  mappingId: string;
  /** The numeric workspace id (system tables are keyed by it). */
  workspaceId: string;
  customerId: string;
  copId: string | null;
  integration: IntegrationRow;
}

export interface RunRequest {
  kind: JobRunKind;
  layer?: PipelineLayer;
  jobId?: string;
  notebookPath?: string;
  parameters: Record<string, string>;
  /** Where a NOTEBOOK run goes; the workspace's default when absent. */
  compute?: ComputeChoice;
  /** The caller's key: the same key again returns the same run and starts nothing. */
  idempotencyKey?: string | null;
  triggeredById: string | null;
  retryOfId?: string;
}

/** What Databricks will be asked, settled (and checked) before the run's row is written. */
interface RunPlan {
  send: (token: string) => Promise<{ run_id: number }>;
  /** The parameters as sent, kept on the row. */
  parameters: Record<string, string>;
  compute?: ComputeChoice;
  /** From the job's history in the system tables, for when the gateway has none of its own. */
  historicDurationMs: () => Promise<number | null>;
}

/** Layers of the seed's pipeline (option A): bronze runs ingestion and the silver transformations. */
const LAYER_NOTEBOOKS: Record<PipelineLayer, ('bronze' | 'silver' | 'gold')[]> = {
  BRONZE: ['bronze', 'silver'],
  SILVER: ['silver'],
  GOLD: ['gold'],
  ALL: ['bronze', 'silver', 'gold'],
};

/**
 * Starts a run exactly once per idempotency key: the `JobRun` row (holding the token) is written first,
 * then Databricks is called with the same token, so a retried request — even after a crash between the two
 * steps — returns the one run instead of starting another. Concurrent callers with one key all get that run:
 * in one instance they share the start; across instances the row's unique token, Databricks' idempotency and
 * a guarded update leave one row, one Databricks run and one RUN_STARTED event.
 */
export function startRun(services: RunServices, target: RunTarget, request: RunRequest): Promise<JobRun> {
  const token = idempotencyToken(target.integration.id, request.idempotencyKey ?? randomUUID());
  const pending = services.starting.get(token);
  if (pending) return pending;
  const started = startOnce(services, target, request, token).finally(() => services.starting.delete(token));
  services.starting.set(token, started);
  return started;
}

async function startOnce(services: RunServices, target: RunTarget, request: RunRequest, token: string) {
  const existing = await services.prisma.jobRun.findUnique({ where: { idempotencyToken: token } });
  if (existing?.databricksRunId || existing?.isTerminal) return existing;
  const connection = services.connect(target.integration);
  // Input Databricks would refuse fails here, before anything is written.
  const plan = await planRun(services.reader, connection, target, request);
  const row = existing ?? (await createRunRow(services.prisma, target, request, plan, token));
  if (row.databricksRunId || row.isTerminal) return row;
  try {
    const runId = String((await plan.send(token)).run_id);
    // run-now answers only the id: the run page link is read at once, so RUN_STARTED carries it.
    const runPageUrl = (await getRun(connection.rest, Number(runId)).catch(() => null))?.run_page_url ?? null;
    const event = await appendRunEventIf(
      services.prisma,
      services.pubsub,
      row.id,
      { databricksRunId: null },
      'RUN_STARTED',
      {
        databricksRunId: runId,
        state: 'PENDING',
        layer: request.layer ?? null,
        etaMs: row.expectedDurationMs,
        runPageUrl,
      },
      { databricksRunId: runId, state: 'PENDING', errorMessage: null, runPageUrl },
    );
    if (event) services.pollNow();
    return services.prisma.jobRun.findUniqueOrThrow({ where: { id: row.id } });
  } catch (error) {
    await recordRefusal(services, row.id, error);
    throw error;
  }
}

/** The run's row, written once per token: a concurrent writer's row wins and is returned as it is. */
async function createRunRow(
  prisma: PrismaClient,
  target: RunTarget,
  request: RunRequest,
  plan: RunPlan,
  token: string,
) {
  const expectedDurationMs =
    (await gatewayTypicalDuration(prisma, target.integration.id, request)) ?? (await plan.historicDurationMs());
  await prisma.jobRun.createMany({
    skipDuplicates: true,
    data: {
      customerId: target.customerId,
      copId: target.copId,
      workspaceMappingId: target.mappingId,
      integrationId: target.integration.id,
      kind: request.kind,
      layer: request.layer,
      databricksJobId: request.jobId,
      notebookPath: request.notebookPath,
      compute: plan.compute as object | undefined,
      idempotencyToken: token,
      parameters: plan.parameters,
      triggeredById: request.triggeredById,
      retryOfId: request.retryOfId,
      expectedDurationMs,
    },
  });
  return prisma.jobRun.findUniqueOrThrow({ where: { idempotencyToken: token } });
}

/** A transient failure leaves the row retryable (same key, same token); a refusal ends it as FAILED. */
async function recordRefusal(services: RunServices, jobRunId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const transient = error instanceof DatabricksError && error.retryable;
  if (transient) {
    await services.prisma.jobRun.update({ where: { id: jobRunId }, data: { errorMessage: message } });
    return;
  }
  await appendRunEventIf(
    services.prisma,
    services.pubsub,
    jobRunId,
    { databricksRunId: null, isTerminal: false },
    'RUN_FAILED',
    { errorMessage: message },
    { errorMessage: message, state: 'INTERNAL_ERROR', resultState: 'FAILED', isTerminal: true },
  );
}

async function planRun(
  reader: DatabricksReader,
  connection: WorkspaceConnection,
  target: RunTarget,
  request: RunRequest,
): Promise<RunPlan> {
  if (request.kind === 'NOTEBOOK') {
    const compute = await resolveNotebookCompute(reader, connection, request.compute);
    return {
      parameters: request.parameters,
      compute: compute.choice,
      historicDurationMs: async () => null,
      send: (token) =>
        submitRun(connection.rest, {
          run_name: `CoP OS: ${request.notebookPath}`,
          idempotency_token: token,
          tasks: [
            {
              task_key: 'notebook',
              notebook_task: { notebook_path: request.notebookPath!, base_parameters: request.parameters },
              ...compute.task,
            },
          ],
        }),
    };
  }
  const config = databricksConfigSchema.parse(target.integration.config);
  const jobId = Number(request.jobId ?? config.pipelineJobId);
  if (!Number.isSafeInteger(jobId) || jobId <= 0) {
    throw new DatabricksError(
      'BAD_REQUEST',
      'This workspace has no pipeline job configured (integration setting pipelineJobId).',
    );
  }
  const job = (await reader.job(connection, jobId)).value;
  const allTasks = job.settings.tasks ?? [];
  const only = request.layer && request.layer !== 'ALL' ? layerTaskKeys(allTasks, config, request.layer) : undefined;
  const tasks = only ? allTasks.filter((task) => only.includes(task.task_key)) : allTasks;
  const parameters = runNowParameters(job, tasks, request.parameters, request.layer);
  return {
    parameters: parameters.values,
    historicDurationMs: async () => {
      const medians = await reader
        .taskDurations(connection, { workspaceId: target.workspaceId, jobId })
        .catch(() => null); // no warehouse, or the history is unreachable: no estimate, the run still starts
      return medians && durationFromTaskMedians(tasks, medians.value);
    },
    send: (token) =>
      runNow(connection.rest, {
        job_id: jobId,
        idempotency_token: token,
        ...parameters.body,
        ...(only ? { only } : {}),
      }),
  };
}

/** Task keys of the pipeline job whose notebooks belong to the layer. */
function layerTaskKeys(
  tasks: JobTaskSettings[],
  config: ReturnType<typeof databricksConfigSchema.parse>,
  layer: PipelineLayer,
): string[] {
  const paths = new Set(LAYER_NOTEBOOKS[layer].map((name) => config.notebookPaths?.[name]).filter(Boolean));
  const keys = tasks
    .filter(
      (task) =>
        task.notebook_task &&
        (paths.size ? paths.has(task.notebook_task.notebook_path) : matchesLayer(task.task_key, layer)),
    )
    .map((task) => task.task_key);
  if (keys.length === 0)
    throw new DatabricksError('BAD_REQUEST', `The pipeline job has no tasks for the ${layer.toLowerCase()} layer.`);
  return keys;
}

/** Without configured notebook paths, task keys are matched by name (bronze_…, silver_…, gold_…). */
const matchesLayer = (taskKey: string, layer: PipelineLayer) =>
  LAYER_NOTEBOOKS[layer].some((name) => taskKey.toLowerCase().startsWith(name));

/** ≤ 64 characters, as Databricks requires, and unique per integration and caller key. */
export const idempotencyToken = (integrationId: string, key: string) =>
  createHash('sha256').update(`${integrationId}\u0000${key}`).digest('hex');

export async function cancelJobRun(services: RunServices, run: JobRun, integration: IntegrationRow): Promise<void> {
  if (run.isTerminal) return;
  if (!run.databricksRunId) {
    const ended = { state: 'TERMINATED', resultState: 'CANCELED' };
    await appendRunEvent(services.prisma, services.pubsub, run.id, 'RUN_CANCELED', ended, {
      ...ended,
      isTerminal: true,
    });
    return;
  }
  await cancelRun(services.connect(integration).rest, Number(run.databricksRunId));
  services.pollNow();
}

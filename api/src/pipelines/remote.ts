import { createJob, deleteJob, type Job, type JobTaskSettings, listJobs, resetJob } from '../databricks/api/jobs.js';
import { createQuery, listQueries, type SavedQueryFields, trashQuery, updateQuery } from '../databricks/api/queries.js';
import { DatabricksError } from '../databricks/errors.js';
import type { DatabricksRestClient } from '../databricks/rest-client.js';
import type { PipelineSchedule } from './schedule.js';
import { checkTasks, type PipelineTask } from './tasks.js';

/**
 * A pipeline's Databricks identifiers: its job, and the saved query each SQL task runs. Each create is
 * recorded before it is sent (`jobName`; a query id of `''`): a retry after a create whose answer was lost looks
 * the object up (the job by name and id tag, a query by its derived display name) instead of creating another.
 */
export interface PipelineRemote {
  integrationId: string;
  jobName: string;
  jobId?: string;
  /** Saved query id by SQL task key. */
  queries?: Record<string, string>;
}

/** Stores part of the remote identifiers on the row as a push goes (merged into what is there). */
export type RecordRemote = (patch: Partial<PipelineRemote>) => Promise<void>;

/** The tag that ties a Databricks job to its pipeline row. */
export const PIPELINE_TAG = 'copos_pipeline_id';

export interface PipelineDefinition {
  id: string;
  name: string;
  tasks: PipelineTask[];
  schedule: PipelineSchedule | null;
}

const isNotFound = (error: unknown) => error instanceof DatabricksError && error.kind === 'NOT_FOUND';
const ignoreNotFound = (error: unknown) => {
  if (!isNotFound(error)) throw error;
};

/** A SQL task's saved query is named after the pipeline's row id and the task key: unique, found again by name. */
export const queryDisplayName = (pipelineId: string, taskKey: string) => `CoP OS pipeline ${pipelineId} · ${taskKey}`;

function taskSettings(task: PipelineTask, queryIds: Record<string, string>): JobTaskSettings {
  const parameters = task.parameters ?? {};
  const dependsOn = task.dependsOn.length ? { depends_on: task.dependsOn.map((key) => ({ task_key: key })) } : {};
  const withParameters = Object.keys(parameters).length ? { parameters } : {};
  switch (task.type) {
    case 'NOTEBOOK':
      return {
        task_key: task.key,
        ...dependsOn,
        notebook_task: {
          notebook_path: task.notebookPath!,
          source: 'WORKSPACE',
          ...(withParameters.parameters ? { base_parameters: parameters } : {}),
        },
      };
    case 'SQL':
      return {
        task_key: task.key,
        ...dependsOn,
        sql_task: { warehouse_id: task.warehouseId!, query: { query_id: queryIds[task.key]! }, ...withParameters },
      };
    case 'PYTHON':
      return {
        task_key: task.key,
        ...dependsOn,
        spark_python_task: {
          python_file: task.pythonFile!,
          // A Python task takes command-line arguments: each parameter as `--name value`.
          ...(withParameters.parameters
            ? { parameters: Object.entries(parameters).flatMap(([name, value]) => [`--${name}`, value]) }
            : {}),
        },
      };
  }
}

/**
 * The Jobs 2.2 settings of a pipeline: its tasks in dependency order, no cluster (serverless; a SQL task runs its
 * saved query on its warehouse), its schedule.
 */
export function jobSettingsOf(pipeline: PipelineDefinition, queryIds: Record<string, string>): Job['settings'] {
  return {
    name: pipeline.name,
    tasks: checkTasks(pipeline.tasks).map((task) => taskSettings(task, queryIds)),
    max_concurrent_runs: 1,
    tags: { [PIPELINE_TAG]: pipeline.id },
    ...(pipeline.schedule
      ? {
          schedule: {
            quartz_cron_expression: pipeline.schedule.quartzCron,
            timezone_id: pipeline.schedule.timezone,
            pause_status: pipeline.schedule.paused ? 'PAUSED' : 'UNPAUSED',
          },
        }
      : {}),
  };
}

/** The pipeline's job among those of that name, by its id tag. */
async function findJob(rest: DatabricksRestClient, name: string, pipelineId: string): Promise<number | undefined> {
  let pageToken: string | undefined;
  do {
    const page = await listJobs(rest, { name, pageToken });
    const job = page.jobs.find((candidate) => candidate.settings.tags?.[PIPELINE_TAG] === pipelineId);
    if (job) return job.job_id;
    pageToken = page.hasMore ? page.nextPageToken : undefined;
  } while (pageToken);
  return undefined;
}

async function findQuery(rest: DatabricksRestClient, displayName: string): Promise<string | undefined> {
  for await (const query of listQueries(rest)) if (query.display_name === displayName) return query.id;
  return undefined;
}

/** Creates or updates the saved query of every SQL task; returns the ids by task key (recorded as it goes). */
async function pushQueries(
  rest: DatabricksRestClient,
  pipeline: PipelineDefinition,
  known: Record<string, string>,
  record: RecordRemote,
): Promise<Record<string, string>> {
  const ids = { ...known };
  for (const task of pipeline.tasks.filter((candidate) => candidate.type === 'SQL')) {
    const fields: SavedQueryFields = {
      display_name: queryDisplayName(pipeline.id, task.key),
      warehouse_id: task.warehouseId!,
      query_text: task.query!,
    };
    const id = ids[task.key] === '' ? await findQuery(rest, fields.display_name) : ids[task.key];
    if (id && (await updateQuery(rest, id, fields).then(() => true, ignoreNotFound))) {
      ids[task.key] = id;
      continue;
    }
    ids[task.key] = '';
    await record({ queries: { ...ids } });
    ids[task.key] = (await createQuery(rest, fields)).id;
    await record({ queries: { ...ids } });
  }
  return ids;
}

/** Trashes saved queries of tasks that are gone or no longer SQL (after the job stopped naming them). */
async function trashQueries(
  rest: DatabricksRestClient,
  pipelineId: string,
  queries: Record<string, string>,
  keep: (taskKey: string) => boolean,
): Promise<Record<string, string>> {
  const kept: Record<string, string> = {};
  for (const [key, known] of Object.entries(queries)) {
    if (keep(key)) {
      kept[key] = known;
      continue;
    }
    const id = known || (await findQuery(rest, queryDisplayName(pipelineId, key)));
    if (id) await trashQuery(rest, id).catch(ignoreNotFound);
  }
  return kept;
}

/**
 * Makes the pipeline's Databricks objects match its row: the SQL tasks' saved queries, then `jobs/reset` of the
 * known (or found) job, else `jobs/create`, then the queries no task uses any more go to the trash. Returns the
 * identifiers to keep.
 */
export async function pushPipeline(
  rest: DatabricksRestClient,
  pipeline: PipelineDefinition,
  known: Partial<PipelineRemote>,
  record: RecordRemote,
): Promise<Omit<PipelineRemote, 'integrationId'>> {
  const queryIds = await pushQueries(rest, pipeline, known.queries ?? {}, record);
  const settings = jobSettingsOf(pipeline, queryIds);
  let jobId = known.jobId ? Number(known.jobId) : undefined;
  if (jobId === undefined && known.jobName) jobId = await findJob(rest, known.jobName, pipeline.id);
  if (jobId !== undefined && !(await resetJob(rest, jobId, settings).then(() => true, ignoreNotFound))) {
    // Deleted in the workspace: created again below.
    jobId = undefined;
  }
  if (jobId === undefined) {
    await record({ jobName: settings.name });
    jobId = (await createJob(rest, settings)).job_id;
  }
  const sqlKeys = new Set(pipeline.tasks.filter((task) => task.type === 'SQL').map((task) => task.key));
  const queries = await trashQueries(rest, pipeline.id, queryIds, (key) => sqlKeys.has(key));
  return { jobName: settings.name, jobId: String(jobId), queries };
}

/** Deletes the pipeline's job (known by id or found by its recorded name), then its saved queries. */
export async function removePipeline(
  rest: DatabricksRestClient,
  pipelineId: string,
  known: Partial<PipelineRemote>,
): Promise<void> {
  const jobId = known.jobId ? Number(known.jobId) : known.jobName && (await findJob(rest, known.jobName, pipelineId));
  if (jobId) await deleteJob(rest, jobId).catch(ignoreNotFound);
  await trashQueries(rest, pipelineId, known.queries ?? {}, () => false);
}

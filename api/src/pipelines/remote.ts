import { createJob, deleteJob, type Job, type JobTaskSettings, listJobs, resetJob } from '../databricks/api/jobs.js';
import { DatabricksError } from '../databricks/errors.js';
import type { DatabricksRestClient } from '../databricks/rest-client.js';
import type { PipelineSchedule } from './schedule.js';
import { checkTasks, type PipelineTask } from './tasks.js';

/**
 * A pipeline's Databricks identifiers. `jobName` is recorded before `jobs/create` is called: a retry after a
 * create whose answer was lost looks the job up by that name (and the id tag) instead of creating another.
 */
export interface PipelineRemote {
  integrationId: string;
  jobName: string;
  jobId?: string;
}

/** The tag that ties a Databricks job to its pipeline row. */
export const PIPELINE_TAG = 'copos_pipeline_id';

export interface PipelineDefinition {
  id: string;
  name: string;
  tasks: PipelineTask[];
  schedule: PipelineSchedule | null;
}

const isNotFound = (error: unknown) => error instanceof DatabricksError && error.kind === 'NOT_FOUND';

function taskSettings(task: PipelineTask): JobTaskSettings {
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
        sql_task: { warehouse_id: task.warehouseId!, query: { query_text: task.query! }, ...withParameters },
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

/** The Jobs 2.2 settings of a pipeline: its tasks in dependency order, no cluster (serverless), its schedule. */
export function jobSettingsOf(pipeline: PipelineDefinition): Job['settings'] {
  return {
    name: pipeline.name,
    tasks: checkTasks(pipeline.tasks).map(taskSettings),
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

/**
 * Makes the pipeline's job match its row: `jobs/reset` of the known (or found) job, else `jobs/create`.
 * `recordIntent` stores the name about to be created before the call, so an unanswered create is found
 * next time. Returns the job id.
 */
export async function pushPipeline(
  rest: DatabricksRestClient,
  pipeline: PipelineDefinition,
  known: Partial<PipelineRemote>,
  recordIntent: (jobName: string) => Promise<void>,
): Promise<number> {
  const settings = jobSettingsOf(pipeline);
  let jobId = known.jobId ? Number(known.jobId) : undefined;
  if (jobId === undefined && known.jobName) jobId = await findJob(rest, known.jobName, pipeline.id);
  if (jobId !== undefined) {
    try {
      await resetJob(rest, jobId, settings);
      return jobId;
    } catch (error) {
      // Deleted in the workspace: created again below.
      if (!isNotFound(error)) throw error;
    }
  }
  await recordIntent(settings.name);
  return (await createJob(rest, settings)).job_id;
}

/** Deletes the pipeline's job, known by id or found by its recorded name; gone already is fine. */
export async function removePipeline(
  rest: DatabricksRestClient,
  pipelineId: string,
  known: Partial<PipelineRemote>,
): Promise<void> {
  const jobId = known.jobId ? Number(known.jobId) : known.jobName && (await findJob(rest, known.jobName, pipelineId));
  if (!jobId) return;
  await deleteJob(rest, jobId).catch((error: unknown) => {
    if (!isNotFound(error)) throw error;
  });
}

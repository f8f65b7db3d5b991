import { DatabricksApiError } from '../http/types.js';
import type { IdSequence } from './ids.js';
import type { Job, JobSettings } from './types.js';

/** Databricks answers an unknown job id with 400 INVALID_PARAMETER_VALUE, not 404. */
export const jobDoesNotExist = (jobId: unknown) =>
  new DatabricksApiError(400, 'INVALID_PARAMETER_VALUE', `Job ${jobId} does not exist.`);

/** Jobs by id, in creation order. */
export class JobStore {
  private readonly jobs = new Map<number, Job>();

  constructor(private readonly ids: IdSequence) {}

  create(settings: JobSettings, creator: string, createdTime: number): Job {
    const job: Job = {
      job_id: this.ids.take(),
      creator_user_name: creator,
      run_as_user_name: creator,
      created_time: createdTime,
      settings,
    };
    this.jobs.set(job.job_id, job);
    return job;
  }

  /** The job, or the Databricks error for an unknown id. */
  get(jobId: unknown): Job {
    const job = this.jobs.get(Number(jobId));
    if (!job) throw jobDoesNotExist(jobId);
    return job;
  }

  delete(jobId: number): void {
    if (!this.jobs.delete(jobId)) throw jobDoesNotExist(jobId);
  }

  all(): Job[] {
    return [...this.jobs.values()];
  }
}

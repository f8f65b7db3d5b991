import { invalidParameter } from '../http/types.js';
import type { TaskSettings } from './types.js';

export interface ComputeDirectory {
  /** Serverless compute is enabled in the workspace: a task may name no cluster. */
  serverless: boolean;
  /** The state of an all-purpose cluster, undefined when there is none of that id. */
  clusterState: (clusterId: string) => 'RUNNING' | 'TERMINATED' | undefined;
}

const COMPUTE_FIELDS = ['existing_cluster_id', 'new_cluster', 'job_cluster_key'] as const;

/**
 * Checks where each task runs, as the Jobs service does on `jobs/create` and `runs/submit`: at most one of an
 * existing cluster (which must exist), a new cluster (a complete spec) or a job cluster; none means serverless,
 * which the workspace must have.
 */
export function validateCompute(tasks: TaskSettings[], compute: ComputeDirectory): void {
  for (const task of tasks) {
    const named = COMPUTE_FIELDS.filter((field) => task[field] !== undefined);
    // A SQL task runs on its SQL warehouse, not on a cluster.
    if (task.sql_task !== undefined && named.length === 0) continue;
    if (named.length > 1) {
      throw invalidParameter(`Task ${task.task_key}: only one of ${named.join(', ')} can be specified`);
    }
    if (task.existing_cluster_id !== undefined && !compute.clusterState(String(task.existing_cluster_id))) {
      throw invalidParameter(`Cluster ${task.existing_cluster_id} does not exist`);
    }
    if (task.new_cluster !== undefined) validateNewCluster(task.task_key, task.new_cluster);
    if (named.length === 0 && !compute.serverless) {
      throw invalidParameter(
        `Task ${task.task_key} has no compute: serverless compute is not enabled for this workspace; specify existing_cluster_id, new_cluster or job_cluster_key`,
      );
    }
  }
}

function validateNewCluster(taskKey: string, spec: unknown): void {
  const cluster = (typeof spec === 'object' && spec !== null ? spec : {}) as Record<string, unknown>;
  for (const field of ['spark_version', 'node_type_id'] as const) {
    if (typeof cluster[field] !== 'string' || cluster[field] === '') {
      throw invalidParameter(`Task ${taskKey}: new_cluster.${field} is required`);
    }
  }
  const workers = cluster.num_workers;
  if (cluster.autoscale === undefined && (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 0)) {
    throw invalidParameter(`Task ${taskKey}: new_cluster needs num_workers (0 or more) or autoscale`);
  }
  const minutes = cluster.autotermination_minutes;
  if (
    minutes !== undefined &&
    (typeof minutes !== 'number' || !(minutes === 0 || (minutes >= 10 && minutes <= 10000)))
  ) {
    throw invalidParameter(`Task ${taskKey}: new_cluster.autotermination_minutes must be 0 or between 10 and 10000`);
  }
}

import type { JobTaskSettings } from '../databricks/api/jobs.js';
import type { DatabricksReader } from '../databricks/reader.js';
import type { WorkspaceConnection } from '../databricks/registry.js';
import { RunInputError } from './errors.js';

export interface NewClusterChoice {
  nodeTypeId: string;
  numWorkers: number;
  autoterminationMinutes?: number | null;
  /** Defaults to the runtime of a cluster the workspace already has. */
  sparkVersion?: string | null;
}

/** Where a notebook run should go, as the caller chose (nothing: the workspace's default). */
export type ComputeChoice = { existingClusterId: string } | { newCluster: NewClusterChoice } | { serverless: true };

/** The compute fields of the submitted task, and the choice as stored on the run (so a retry goes to the same). */
export interface ResolvedCompute {
  task: Pick<JobTaskSettings, 'existing_cluster_id' | 'new_cluster'>;
  choice: ComputeChoice;
}

/** Workers of the job cluster a notebook gets when the workspace has no serverless compute. */
const DEFAULT_WORKERS = 1;

/**
 * Resolves the caller's choice, checking it before the run is written: a named cluster must exist; a new
 * cluster takes the runtime of one the workspace has unless given; with no choice the run is serverless where
 * the workspace has serverless compute (its SQL warehouses say so), else a small job cluster modelled on one of
 * its clusters.
 */
export async function resolveNotebookCompute(
  reader: DatabricksReader,
  connection: WorkspaceConnection,
  choice: ComputeChoice | undefined,
): Promise<ResolvedCompute> {
  if (choice && 'existingClusterId' in choice) {
    const clusters = (await reader.clusters(connection)).value;
    if (!clusters.some((cluster) => cluster.cluster_id === choice.existingClusterId)) {
      throw new RunInputError(`The workspace has no cluster ${choice.existingClusterId}.`, 'existingClusterId');
    }
    return { task: { existing_cluster_id: choice.existingClusterId }, choice };
  }
  if (choice && 'newCluster' in choice) {
    const { nodeTypeId, numWorkers, autoterminationMinutes, sparkVersion } = choice.newCluster;
    const runtime = sparkVersion ?? (await modelCluster(reader, connection, 'newCluster.sparkVersion')).spark_version;
    return {
      task: {
        new_cluster: {
          spark_version: runtime!,
          node_type_id: nodeTypeId,
          num_workers: numWorkers,
          ...(autoterminationMinutes ? { autotermination_minutes: autoterminationMinutes } : {}),
        },
      },
      choice,
    };
  }
  const serverless = (await reader.warehouses(connection)).value.some(
    (warehouse) => warehouse.enable_serverless_compute,
  );
  if (choice && !serverless) {
    throw new RunInputError('The workspace has no serverless compute: choose a cluster for the run.', 'compute');
  }
  if (serverless) return { task: {}, choice: { serverless: true } };
  const model = await modelCluster(reader, connection, 'newCluster');
  const newCluster = {
    nodeTypeId: model.node_type_id!,
    numWorkers: DEFAULT_WORKERS,
    sparkVersion: model.spark_version,
  };
  return {
    task: {
      new_cluster: {
        spark_version: newCluster.sparkVersion!,
        node_type_id: newCluster.nodeTypeId,
        num_workers: DEFAULT_WORKERS,
      },
    },
    choice: { newCluster },
  };
}

/** A cluster of the workspace whose runtime and node type a new cluster can copy. */
async function modelCluster(reader: DatabricksReader, connection: WorkspaceConnection, field: string) {
  const clusters = (await reader.clusters(connection)).value;
  const model = clusters.find((cluster) => cluster.spark_version && cluster.node_type_id);
  if (!model) {
    throw new RunInputError(
      'The workspace has no serverless compute and no cluster to model a new one on: give existingClusterId, or newCluster with a sparkVersion.',
      field,
    );
  }
  return model;
}

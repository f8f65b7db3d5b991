/** Clusters API (read side): a few realistic all-purpose clusters under both 2.0 and 2.1 paths. */
import { DEFAULT_USER } from '../config.js';
import type { Route } from '../http/types.js';
import { invalidParameter } from '../http/types.js';

const HOUR = 3_600_000;

interface ClusterSeed {
  cluster_id: string;
  cluster_name: string;
  spark_version: string;
  node_type_id: string;
  running: boolean;
  workers: { num_workers: number } | { autoscale: { min_workers: number; max_workers: number } };
  data_security_mode: string;
  extra?: Record<string, unknown>;
}

const SEEDS: ClusterSeed[] = [
  {
    cluster_id: '0923-164208-meows279',
    cluster_name: 'CoP OS Shared Analytics',
    spark_version: '15.4.x-scala2.12',
    node_type_id: 'i3.xlarge',
    running: true,
    workers: { autoscale: { min_workers: 2, max_workers: 8 } },
    data_security_mode: 'USER_ISOLATION',
    extra: { runtime_engine: 'PHOTON', num_workers: 3 },
  },
  {
    cluster_id: '1002-093514-petins42',
    cluster_name: 'PetInsure360 ETL',
    spark_version: '15.4.x-scala2.12',
    node_type_id: 'i3.2xlarge',
    running: false,
    workers: { num_workers: 4 },
    data_security_mode: 'SINGLE_USER',
    extra: { single_user_name: DEFAULT_USER, runtime_engine: 'STANDARD' },
  },
  {
    cluster_id: '1017-120311-mlsbx881',
    cluster_name: 'CoP ML Sandbox',
    spark_version: '15.4.x-cpu-ml-scala2.12',
    node_type_id: 'm5d.2xlarge',
    running: true,
    workers: { num_workers: 0 },
    data_security_mode: 'SINGLE_USER',
    extra: {
      single_user_name: DEFAULT_USER,
      is_single_node: true,
      spark_conf: { 'spark.databricks.cluster.profile': 'singleNode', 'spark.master': 'local[*, 4]' },
      custom_tags: { ResourceClass: 'SingleNode' },
    },
  },
];

/** Whether a cluster exists and runs (tasks on it start at once) or must start first; undefined: no such cluster. */
export function clusterState(clusterId: string): 'RUNNING' | 'TERMINATED' | undefined {
  const seed = SEEDS.find((candidate) => candidate.cluster_id === clusterId);
  return seed && (seed.running ? 'RUNNING' : 'TERMINATED');
}

function clusterDetails(seed: ClusterSeed, now: number) {
  const { running, workers, extra, ...identity } = seed;
  const startTime = now - 72 * HOUR;
  return {
    ...identity,
    driver_node_type_id: seed.node_type_id,
    ...workers,
    state: running ? 'RUNNING' : 'TERMINATED',
    state_message: running ? '' : 'Inactive cluster terminated (inactive for 60 minutes).',
    creator_user_name: DEFAULT_USER,
    start_time: startTime,
    last_restarted_time: running ? now - 3 * HOUR : startTime,
    ...(running
      ? { spark_context_id: 4_127_398_523_445_712, jdbc_port: 10000 }
      : {
          terminated_time: now - 2 * HOUR,
          termination_reason: { code: 'INACTIVITY', type: 'SUCCESS', parameters: { inactivity_duration_min: '60' } },
        }),
    autotermination_minutes: 60,
    enable_elastic_disk: true,
    cluster_source: 'UI',
    spark_conf: {},
    custom_tags: {},
    default_tags: {
      Vendor: 'Databricks',
      Creator: DEFAULT_USER,
      ClusterName: seed.cluster_name,
      ClusterId: seed.cluster_id,
    },
    aws_attributes: {
      availability: 'SPOT_WITH_FALLBACK',
      zone_id: 'auto',
      first_on_demand: 1,
      spot_bid_price_percent: 100,
    },
    ...extra,
  };
}

export function createClustersService(now: () => number = Date.now): Route[] {
  const startedAt = now();
  // Running clusters first, as the Clusters UI and API list them.
  const clusters = SEEDS.map((seed) => clusterDetails(seed, startedAt)).sort(
    (a, b) => Number(b.state === 'RUNNING') - Number(a.state === 'RUNNING'),
  );
  return ['2.0', '2.1'].flatMap((version): Route[] => [
    { method: 'GET', path: `/api/${version}/clusters/list`, handler: () => ({ clusters }) },
    {
      method: 'GET',
      path: `/api/${version}/clusters/get`,
      handler: (req) => {
        const clusterId = req.query.get('cluster_id');
        if (!clusterId) throw invalidParameter('Missing required field: cluster_id');
        const cluster = clusters.find((candidate) => candidate.cluster_id === clusterId);
        // Databricks answers an unknown cluster with 400 INVALID_PARAMETER_VALUE, not 404.
        if (!cluster) throw invalidParameter(`Cluster ${clusterId} does not exist`);
        return cluster;
      },
    },
  ]);
}

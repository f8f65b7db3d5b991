import type { z } from 'zod';
import { DEFAULT_USER } from '../config.js';
import type { scenarioSchema } from './types.js';

const pipelineCluster = {
  job_cluster_key: 'pipeline_cluster',
  new_cluster: { spark_version: '15.4.x-scala2.12', node_type_id: 'i3.xlarge', num_workers: 2 },
};

const notebookTask = (notebook_path: string, base_parameters: Record<string, string>) => ({
  notebook_path,
  base_parameters,
  source: 'WORKSPACE',
});

/**
 * The built-in scenario: the seed's PetInsure360 medallion pipeline and the CoP OS usage-collection job,
 * with realistic notebook durations (emulated seconds) and outputs, and some history.
 */
export const defaultScenario: z.input<typeof scenarioSchema> = {
  workspaceId: '1444828305810485',
  setupSeconds: [20, 60],
  cleanupSeconds: [2, 6],
  historyFailureRate: 0.1,
  notebooks: {
    '/PetInsure360/01_bronze_ingestion': {
      durationSeconds: [45, 120],
      output: { records_processed: { min: 9000, max: 15000 }, source: 'raw_claims' },
      failureMessage:
        'AnalysisException: [PATH_NOT_FOUND] Path does not exist: abfss://raw@petinsure360.dfs.core.windows.net/claims',
    },
    '/PetInsure360/02_silver_transformations': {
      durationSeconds: [60, 180],
      output: { records_processed: { min: 8500, max: 14000 }, records_rejected: { min: 0, max: 150 } },
      failureMessage: 'AnalysisException: [DELTA_SCHEMA_CHANGED] Detected schema change in claims_bronze',
    },
    '/PetInsure360/03_gold_aggregations': {
      durationSeconds: [30, 90],
      output: { records_processed: { min: 1200, max: 2400 }, tables_updated: 4 },
      failureMessage: 'SparkException: Job aborted due to stage failure: Task 3 in stage 12.0 failed 4 times',
    },
    '/CoPOS/daily_usage_collection': {
      durationSeconds: [20, 60],
      output: { metrics_pushed: { min: 20, max: 60 }, days_collected: 1 },
      failureMessage: 'requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: /api/usage/ingest',
    },
  },
  defaultNotebook: { durationSeconds: [20, 90] },
  jobs: [
    {
      creatorUserName: DEFAULT_USER,
      historicRuns: 14,
      settings: {
        name: 'PetInsure360 Pipeline',
        tags: { project: 'PetInsure360' },
        max_concurrent_runs: 3,
        queue: { enabled: true },
        job_clusters: [pipelineCluster],
        // What the gateway's runner sends (`{layer, claim_ids}`); notebooks read them as widgets.
        parameters: [
          { name: 'env', default: 'dev' },
          { name: 'layer', default: 'all' },
          { name: 'claim_ids', default: '[]' },
        ],
        tasks: [
          {
            task_key: 'bronze_ingestion',
            job_cluster_key: 'pipeline_cluster',
            notebook_task: notebookTask('/PetInsure360/01_bronze_ingestion', { layer: 'bronze' }),
          },
          {
            task_key: 'silver_transformations',
            depends_on: [{ task_key: 'bronze_ingestion' }],
            job_cluster_key: 'pipeline_cluster',
            notebook_task: notebookTask('/PetInsure360/02_silver_transformations', { layer: 'silver' }),
          },
          {
            task_key: 'gold_aggregations',
            depends_on: [{ task_key: 'silver_transformations' }],
            job_cluster_key: 'pipeline_cluster',
            notebook_task: notebookTask('/PetInsure360/03_gold_aggregations', { layer: 'gold' }),
          },
        ],
      },
    },
    {
      creatorUserName: DEFAULT_USER,
      historicRuns: 30,
      settings: {
        name: 'CoP OS daily usage collection',
        tags: { project: 'CoP OS' },
        max_concurrent_runs: 1,
        schedule: { quartz_cron_expression: '0 0 2 * * ?', timezone_id: 'UTC', pause_status: 'UNPAUSED' },
        tasks: [
          {
            task_key: 'collect_usage',
            existing_cluster_id: '0923-164208-meows279',
            notebook_task: notebookTask('/CoPOS/daily_usage_collection', { lookback_days: '1' }),
          },
        ],
      },
    },
  ],
};

import type { AppDeps } from '@cop-os/api/deps';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { request } from 'undici';
import { connectEmulator } from '../../api/test/support/databricks.js';
import { createTenant } from '../../api/test/support/fixtures.js';
import type { RunningEmulator } from '../../emulator/src/app.js';

/** The notebook every task of the bench job runs; its timing is set when the emulator starts. */
export const FANOUT_NOTEBOOK = '/Shared/copos-bench/fanout-step';
const WORKSPACE = '1444828305810485';
const RUN_JOB = `mutation($input: RunJobInput!) { runJob(input: $input) { id databricksRunId } }`;

export interface StartedRun {
  /** Relay id of the `JobRun`. */
  id: string;
  /** Local row id. */
  rowId: string;
  databricksRunId: string;
}

/**
 * A fresh tenant whose integration points at the emulator, and a job of `steps` chained notebook tasks on
 * one job cluster (only the first task waits for the cluster, as in Databricks), created through the
 * emulator's REST API with the api's own connection.
 */
export async function createFanoutWorkspace(deps: AppDeps, emulator: RunningEmulator, steps: number) {
  const tenant = await createTenant(deps.prisma, 'Bench fan-out');
  const integration = await connectEmulator(deps.prisma, deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: WORKSPACE, copId: tenant.cop.id }],
    // REST only: without a warehouse the connection opens no SQL driver.
    config: { host: emulator.url, warehouseId: undefined },
    token: emulator.token,
  });
  const rest = deps.databricksGateway.registry.forIntegration(integration).rest;
  await rest.post('/api/2.0/workspace/mkdirs', { path: '/Shared/copos-bench' });
  await rest.post('/api/2.0/workspace/import', {
    path: FANOUT_NOTEBOOK,
    format: 'SOURCE',
    language: 'PYTHON',
    content: Buffer.from('dbutils.notebook.exit(\'{"records_processed": 100}\')').toString('base64'),
  });
  const keys = Array.from({ length: steps }, (_step, index) => `step_${index + 1}`);
  const { job_id: jobId } = await rest.post<{ job_id: number }>('/api/2.2/jobs/create', {
    name: 'Bench fan-out',
    max_concurrent_runs: 100,
    job_clusters: [
      {
        job_cluster_key: 'bench_cluster',
        new_cluster: { spark_version: '15.4.x-scala2.12', node_type_id: 'i3.xlarge', num_workers: 1 },
      },
    ],
    tasks: keys.map((key, index) => ({
      task_key: key,
      job_cluster_key: 'bench_cluster',
      notebook_task: { notebook_path: FANOUT_NOTEBOOK },
      ...(index > 0 ? { depends_on: [{ task_key: keys[index - 1] }] } : {}),
    })),
  });
  const token = await deps.sessions.sign(tenant.users.DATA_ENGINEER.id);
  const workspaceId = encodeGlobalID('DatabricksWorkspace', integration.workspaceMappings[0]!.id);

  return {
    token,
    jobId: String(jobId),
    /** Starts the job through the gateway's GraphQL API, as a data engineer would. */
    async runJob(graphqlUrl: string): Promise<StartedRun> {
      const response = await request(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: RUN_JOB, variables: { input: { workspaceId, jobId: String(jobId) } } }),
      });
      const result = (await response.body.json()) as { data?: { runJob?: StartedRun }; errors?: unknown };
      const run = result.data?.runJob;
      if (!run) throw new Error(`runJob failed: ${JSON.stringify(result.errors)}`);
      return { ...run, rowId: decodeGlobalID(run.id).id };
    },
  };
}

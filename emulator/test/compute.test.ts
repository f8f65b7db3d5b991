import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness.js';

const BIG_OUTPUT_NOTEBOOK = '/Shared/big_output';
const RUNNING_CLUSTER = '0923-164208-meows279';

// A workspace without serverless compute: every task must say where it runs.
describe('Jobs API: compute of tasks, task timeline and output limits (no serverless)', () => {
  let emulator: TestEmulator;
  const submit = (task: Record<string, unknown>) =>
    emulator.call('POST', '/api/2.2/jobs/runs/submit', {
      run_name: 'adhoc',
      tasks: [{ task_key: 'only', notebook_task: { notebook_path: BIG_OUTPUT_NOTEBOOK }, ...task }],
    });
  async function sql(statement: string, parameters: { name: string; value: string }[]) {
    const started = await emulator.call('POST', '/api/2.0/sql/statements', {
      warehouse_id: (await emulator.call('GET', '/api/2.0/sql/warehouses')).body.warehouses[0].id,
      statement,
      parameters,
      wait_timeout: '0s',
    });
    let result = started.body;
    while (['PENDING', 'RUNNING'].includes(result.status.state)) {
      await delay(20);
      result = (await emulator.call('GET', `/api/2.0/sql/statements/${started.body.statement_id}`)).body;
    }
    return result;
  }
  async function finished(runId: number) {
    for (;;) {
      const { body } = await emulator.call('GET', `/api/2.2/jobs/runs/get?run_id=${runId}`);
      if (body.state.life_cycle_state === 'TERMINATED') return body;
      await delay(40);
    }
  }

  beforeAll(async () => {
    emulator = await startTestEmulator({
      speed: 1000,
      scenario: {
        serverlessCompute: false,
        notebooks: { [BIG_OUTPUT_NOTEBOOK]: { durationSeconds: [10, 10], output: { blob: 'x'.repeat(1_100_000) } } },
      },
    });
    await emulator.call('POST', '/api/2.0/workspace/import', {
      path: BIG_OUTPUT_NOTEBOOK,
      format: 'SOURCE',
      language: 'PYTHON',
      content: Buffer.from('dbutils.notebook.exit(big)').toString('base64'),
    });
  });
  afterAll(() => emulator.close());

  it('says its SQL warehouse is not serverless', async () => {
    const { body } = await emulator.call('GET', '/api/2.0/sql/warehouses');
    expect(body.warehouses[0].enable_serverless_compute).toBe(false);
  });

  it('refuses a task without compute, an unknown cluster, an incomplete new cluster and two kinds at once', async () => {
    const refusals = await Promise.all([
      submit({}),
      submit({ existing_cluster_id: '0000-000000-nothere' }),
      submit({ new_cluster: { spark_version: '15.4.x-scala2.12', num_workers: 1 } }),
      submit({ existing_cluster_id: RUNNING_CLUSTER, new_cluster: { spark_version: 'x', node_type_id: 'y' } }),
    ]);
    expect(refusals.map((refusal) => [refusal.status, refusal.body.error_code])).toEqual(
      Array(4).fill([400, 'INVALID_PARAMETER_VALUE']),
    );
    expect(refusals.map((refusal) => refusal.body.message)).toEqual([
      expect.stringContaining('serverless compute is not enabled'),
      'Cluster 0000-000000-nothere does not exist',
      'Task only: new_cluster.node_type_id is required',
      'Task only: only one of existing_cluster_id, new_cluster can be specified',
    ]);
    const create = await emulator.call('POST', '/api/2.2/jobs/create', {
      name: 'No compute',
      tasks: [{ task_key: 't', notebook_task: { notebook_path: BIG_OUTPUT_NOTEBOOK } }],
    });
    expect(create.status).toBe(400);
  });

  it('runs on a new cluster, echoes its spec, truncates a large exit value and records the task run', async () => {
    const new_cluster = { spark_version: '15.4.x-scala2.12', node_type_id: 'i3.xlarge', num_workers: 2 };
    const started = await submit({ new_cluster });
    expect(started.status).toBe(200);
    const run = await finished(started.body.run_id);
    expect(run.tasks[0].new_cluster).toEqual(new_cluster);
    const output = await emulator.call('GET', `/api/2.2/jobs/runs/get-output?run_id=${run.tasks[0].run_id}`);
    expect(output.body.notebook_output.truncated).toBe(true);
    expect(output.body.notebook_output.result).toHaveLength(1024 * 1024);

    // Written when the run is finalized, behind the system tables' generation on a fresh emulator.
    let rows = { result: { data_array: [] as string[][] } };
    for (let attempt = 0; attempt < 100 && rows.result.data_array.length === 0; attempt++) {
      if (attempt) await delay(200);
      rows = await sql(
        `SELECT task_key, job_run_id, result_state,
                unix_millis(period_end_time) - unix_millis(period_start_time) AS ms
           FROM system.lakeflow.job_task_run_timeline WHERE run_id = :run_id`,
        [{ name: 'run_id', value: String(run.tasks[0].run_id) }],
      );
    }
    expect(rows.result.data_array).toEqual([['only', String(run.run_id), 'SUCCEEDED', expect.any(String)]]);
    const ms = Number(rows.result.data_array[0][3]);
    expect(ms).toBe(run.tasks[0].end_time - run.tasks[0].start_time);
  });

  it('starts a task on a running all-purpose cluster', async () => {
    const started = await submit({ existing_cluster_id: RUNNING_CLUSTER });
    expect(started.status).toBe(200);
  });
});

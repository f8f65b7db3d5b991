import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness.js';

type Run = any;

const SLOW_NOTEBOOK = '/Shared/slow_backfill';
const SILVER_NOTEBOOK = '/PetInsure360/02_silver_transformations';

async function waitForRun(
  emulator: TestEmulator,
  runId: number,
  done: (run: Run) => boolean,
  timeoutMs = 10_000,
): Promise<Run> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await emulator.call('GET', `/api/2.2/jobs/runs/get?run_id=${runId}`);
    if (done(body)) return body;
    if (Date.now() > deadline) throw new Error(`Run ${runId} still ${body.state.life_cycle_state}`);
    await delay(40);
  }
}
const terminated = (run: Run) => run.state.life_cycle_state === 'TERMINATED';

describe('Jobs API: runs', () => {
  let emulator: TestEmulator;
  let pipelineJobId: number;
  const submitNotebook = (notebook_path: string, extra: Record<string, unknown> = {}) =>
    emulator.call('POST', '/api/2.2/jobs/runs/submit', {
      run_name: 'adhoc',
      tasks: [{ task_key: 'only', existing_cluster_id: '0923-164208-meows279', notebook_task: { notebook_path } }],
      ...extra,
    });

  beforeAll(async () => {
    emulator = await startTestEmulator({
      speed: 1000,
      scenario: { notebooks: { [SLOW_NOTEBOOK]: { durationSeconds: [3000, 3000] } } },
    });
    await emulator.call('POST', '/api/2.0/workspace/import', {
      path: SLOW_NOTEBOOK,
      format: 'SOURCE',
      language: 'PYTHON',
      content: Buffer.from('# Databricks notebook source\nprint(1)').toString('base64'),
    });
    const jobs = await emulator.call('GET', '/api/2.2/jobs/list?name=PetInsure360%20Pipeline');
    pipelineJobId = jobs.body.jobs[0].job_id;
  });
  afterAll(() => emulator.close());

  it('runs the pipeline from run-now to TERMINATED/SUCCESS, tasks in dependency order, with output', async () => {
    const started = await emulator.call('POST', '/api/2.2/jobs/run-now', { job_id: pipelineJobId });
    expect(started.body).toEqual({ run_id: expect.any(Number), number_in_job: started.body.run_id });
    const seen = new Set<string>();
    const run = await waitForRun(emulator, started.body.run_id, (current) => {
      seen.add(current.state.life_cycle_state);
      return terminated(current);
    });
    expect(seen).toContain('RUNNING');
    expect(run.state).toEqual({
      life_cycle_state: 'TERMINATED',
      result_state: 'SUCCESS',
      state_message: '',
      user_cancelled_or_timedout: false,
    });
    expect(run.status).toEqual({
      state: 'TERMINATED',
      termination_details: { code: 'SUCCESS', type: 'SUCCESS', message: '' },
    });
    expect(run.run_page_url).toBe(`${emulator.url}/?o=1444828305810485#job/${pipelineJobId}/run/${run.run_id}`);
    expect(run.end_time).toBeGreaterThan(run.start_time);
    expect(run.run_duration).toBe(run.end_time - run.start_time);
    const [bronze, silver, gold] = run.tasks;
    expect([bronze.task_key, silver.task_key, gold.task_key]).toEqual([
      'bronze_ingestion',
      'silver_transformations',
      'gold_aggregations',
    ]);
    expect(silver.start_time).toBeGreaterThanOrEqual(bronze.end_time);
    expect(gold.start_time).toBeGreaterThanOrEqual(silver.end_time);
    for (const task of run.tasks) expect(task.state.result_state).toBe('SUCCESS');
    expect(bronze.execution_duration).toBeGreaterThanOrEqual(45_000);

    const output = await emulator.call('GET', `/api/2.2/jobs/runs/get-output?run_id=${bronze.run_id}`);
    expect(output.body.notebook_output.truncated).toBe(false);
    const result = JSON.parse(output.body.notebook_output.result);
    expect(result.records_processed).toBeGreaterThanOrEqual(9000);
    expect(result.records_processed).toBeLessThanOrEqual(15000);
    expect(output.body.metadata).toMatchObject({ run_id: bronze.run_id, task_key: 'bronze_ingestion' });

    const parentOutput = await emulator.call('GET', `/api/2.2/jobs/runs/get-output?run_id=${run.run_id}`);
    expect(parentOutput.status).toBe(400);
    expect(parentOutput.body.message).toMatch(/multiple tasks is not supported/);
  });

  it('runs only the selected task of the scenario pipeline with `only`', async () => {
    const started = await emulator.call('POST', '/api/2.1/jobs/run-now', {
      job_id: pipelineJobId,
      only: ['bronze_ingestion'],
    });
    const run = await waitForRun(emulator, started.body.run_id, terminated);
    expect(run.tasks.map((task: Run) => task.task_key)).toEqual(['bronze_ingestion']);
    expect(run.state.result_state).toBe('SUCCESS');
  });

  it('fails a run whose task fails: the message is reported and downstream tasks never run', async () => {
    const forceFailure = (force: boolean) =>
      emulator.call(
        'POST',
        '/emulator/scenario/notebooks',
        { path: SILVER_NOTEBOOK, forceFailure: force, failureMessage: 'ValueError: claims_bronze has 0 rows' },
        { token: null },
      );
    expect((await forceFailure(true)).status).toBe(200);
    const started = await emulator.call('POST', '/api/2.2/jobs/run-now', { job_id: pipelineJobId });
    await forceFailure(false);
    const run = await waitForRun(emulator, started.body.run_id, terminated);
    const [bronze, silver, gold] = run.tasks;
    expect(bronze.state.result_state).toBe('SUCCESS');
    expect(silver.state).toMatchObject({
      life_cycle_state: 'TERMINATED',
      result_state: 'FAILED',
      state_message: 'ValueError: claims_bronze has 0 rows',
    });
    expect(gold.state.result_state).toBe('UPSTREAM_FAILED');
    expect(gold.start_time).toBe(0);
    expect(gold.execution_duration).toBe(0);
    expect(run.state.result_state).toBe('FAILED');
    expect(run.state.state_message).toContain(
      'Task silver_transformations failed with message: ValueError: claims_bronze has 0 rows',
    );
    expect(run.status.termination_details).toMatchObject({ code: 'RUN_EXECUTION_ERROR', type: 'CLIENT_ERROR' });
    const output = await emulator.call('GET', `/api/2.2/jobs/runs/get-output?run_id=${silver.run_id}`);
    expect(output.body.error).toBe('ValueError: claims_bronze has 0 rows');
    expect(output.body.error_trace).toContain('ValueError');
    expect(output.body.notebook_output).toBeUndefined();
  });

  it('fails a notebook task whose notebook does not exist, with the message Databricks gives', async () => {
    const started = await submitNotebook('/Users/nobody/missing');
    const run = await waitForRun(emulator, started.body.run_id, terminated);
    expect(run.run_type).toBe('SUBMIT_RUN');
    expect(run.state.result_state).toBe('FAILED');
    expect(run.tasks[0].state.state_message).toMatch(/Unable to access the notebook "\/Users\/nobody\/missing"/);
    expect(run.tasks[0].status.termination_details.code).toBe('RESOURCE_NOT_FOUND');
  });

  it('returns the same run for the same idempotency token', async () => {
    const token = `retry-${Date.now()}`;
    const first = await emulator.call('POST', '/api/2.2/jobs/run-now', {
      job_id: pipelineJobId,
      idempotency_token: token,
      only: ['bronze_ingestion'],
    });
    const second = await emulator.call('POST', '/api/2.2/jobs/run-now', {
      job_id: pipelineJobId,
      idempotency_token: token,
      only: ['bronze_ingestion'],
    });
    expect(second.body.run_id).toBe(first.body.run_id);
    const submitToken = `submit-${Date.now()}`;
    const a = await submitNotebook('/CoPOS/daily_usage_collection', { idempotency_token: submitToken });
    const b = await submitNotebook('/CoPOS/daily_usage_collection', { idempotency_token: submitToken });
    expect(b.body.run_id).toBe(a.body.run_id);
    const tooLong = await submitNotebook('/CoPOS/daily_usage_collection', { idempotency_token: 'x'.repeat(65) });
    expect(tooLong.status).toBe(400);
  });

  // The TERMINATING phase lasts a few emulated seconds (milliseconds here): plan.test.ts checks it.
  it('cancels a running run, which ends TERMINATED/CANCELED', async () => {
    const started = await submitNotebook(SLOW_NOTEBOOK);
    await waitForRun(emulator, started.body.run_id, (run) => run.state.life_cycle_state === 'RUNNING');
    expect((await emulator.call('POST', '/api/2.2/jobs/runs/cancel', { run_id: started.body.run_id })).body).toEqual(
      {},
    );
    const run = await waitForRun(emulator, started.body.run_id, terminated);
    expect(run.state).toMatchObject({ result_state: 'CANCELED', user_cancelled_or_timedout: true });
    expect(run.status.termination_details.code).toBe('USER_CANCELED');
    expect(run.tasks[0].state.result_state).toBe('CANCELED');
  });

  it('lists only active runs with active_only, newest first, and pages with tokens', async () => {
    const slow = await submitNotebook(SLOW_NOTEBOOK);
    const quick = await submitNotebook('/CoPOS/daily_usage_collection');
    await waitForRun(emulator, quick.body.run_id, terminated);
    const active = await emulator.call('GET', '/api/2.2/jobs/runs/list?active_only=true');
    const activeIds = active.body.runs.map((run: Run) => run.run_id);
    expect(activeIds).toContain(slow.body.run_id);
    expect(activeIds).not.toContain(quick.body.run_id);
    for (const run of active.body.runs) expect(run.end_time).toBe(0);
    expect(active.body.runs[0].tasks).toBeUndefined();

    const first = await emulator.call(
      'GET',
      `/api/2.2/jobs/runs/list?job_id=${pipelineJobId}&limit=3&expand_tasks=true`,
    );
    expect(first.body.runs).toHaveLength(3);
    expect(first.body.runs[0].tasks.length).toBeGreaterThan(0);
    const startTimes = first.body.runs.map((run: Run) => run.start_time);
    expect([...startTimes].sort((a, b) => b - a)).toEqual(startTimes);
    const second = await emulator.call(
      'GET',
      `/api/2.2/jobs/runs/list?job_id=${pipelineJobId}&limit=3&page_token=${first.body.next_page_token}`,
    );
    expect(second.body.prev_page_token).toBeDefined();
    expect(second.body.runs[0].run_id).not.toBe(first.body.runs[0].run_id);
    expect((await emulator.call('GET', '/api/2.2/jobs/runs/list?limit=26')).status).toBe(400);
    await emulator.call('POST', '/api/2.2/jobs/runs/cancel', { run_id: slow.body.run_id });
  });

  it('queues runs past max_concurrent_runs when queueing is on, and skips them when it is off', async () => {
    const slowJob = (queue: boolean) =>
      emulator.call('POST', '/api/2.2/jobs/create', {
        name: `one at a time (queue ${queue})`,
        max_concurrent_runs: 1,
        queue: { enabled: queue },
        tasks: [
          {
            task_key: 'slow',
            existing_cluster_id: '0923-164208-meows279',
            notebook_task: { notebook_path: SLOW_NOTEBOOK },
          },
        ],
      });
    const queued = (await slowJob(true)).body.job_id;
    const first = await emulator.call('POST', '/api/2.2/jobs/run-now', { job_id: queued });
    const second = await emulator.call('POST', '/api/2.2/jobs/run-now', { job_id: queued });
    const waiting = (await emulator.call('GET', `/api/2.2/jobs/runs/get?run_id=${second.body.run_id}`)).body;
    expect(waiting.state.life_cycle_state).toBe('QUEUED');
    expect(waiting.status).toMatchObject({ state: 'QUEUED', queue_details: { code: 'ACTIVE_RUNS_LIMIT_REACHED' } });
    await emulator.call('POST', '/api/2.2/jobs/runs/cancel', { run_id: first.body.run_id });
    await waitForRun(emulator, second.body.run_id, (run) => run.state.life_cycle_state === 'RUNNING');

    const skipping = (await slowJob(false)).body.job_id;
    const running = await emulator.call('POST', '/api/2.2/jobs/run-now', { job_id: skipping });
    const skipped = await emulator.call('POST', '/api/2.2/jobs/run-now', { job_id: skipping });
    const run = (await emulator.call('GET', `/api/2.2/jobs/runs/get?run_id=${skipped.body.run_id}`)).body;
    expect(run.state.life_cycle_state).toBe('SKIPPED');
    expect(run.status.termination_details.code).toBe('MAX_CONCURRENT_RUNS_EXCEEDED');

    await emulator.call('POST', '/api/2.2/jobs/runs/cancel-all', { job_id: queued });
    await emulator.call('POST', '/api/2.2/jobs/delete', { job_id: skipping });
    for (const runId of [second.body.run_id, running.body.run_id]) {
      const ended = await waitForRun(emulator, runId, terminated);
      expect(ended.state.result_state).toBe('CANCELED');
    }
  });

  it("sends webhook notifications carrying only ids to the job's notification destinations", async () => {
    const received: { body: Run; authorization?: string }[] = [];
    const receiver = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => {
        text += chunk;
      });
      req.on('end', () => {
        received.push({ body: JSON.parse(text), authorization: req.headers.authorization });
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = receiver.address() as AddressInfo;
      const destination = await emulator.call('POST', '/api/2.0/notification-destinations', {
        display_name: 'CoP OS gateway',
        config: {
          generic_webhook: {
            url: `http://127.0.0.1:${port}/webhooks/databricks`,
            username: 'hook',
            password: 's3cret',
          },
        },
      });
      expect(destination.body.config.generic_webhook).toEqual({
        url_set: true,
        username_set: true,
        password_set: true,
      });
      const hooks = [{ id: destination.body.id }];
      const job = await emulator.call('POST', '/api/2.2/jobs/create', {
        name: 'notifying job',
        webhook_notifications: { on_start: hooks, on_success: hooks, on_failure: hooks },
        tasks: [
          {
            task_key: 't',
            existing_cluster_id: '0923-164208-meows279',
            notebook_task: { notebook_path: '/CoPOS/daily_usage_collection' },
          },
        ],
      });
      const started = await emulator.call('POST', '/api/2.2/jobs/run-now', { job_id: job.body.job_id });
      await waitForRun(emulator, started.body.run_id, terminated);
      const deadline = Date.now() + 5000;
      while (received.length < 2 && Date.now() < deadline) await delay(20);
      const expected = (event_type: string) => ({
        event_type,
        workspace_id: '1444828305810485',
        run: { run_id: started.body.run_id },
        job: { job_id: job.body.job_id, name: 'notifying job' },
      });
      // Each webhook is its own POST: arrival order is not guaranteed.
      const bodies = received.map((hook) => hook.body).sort((a, b) => a.event_type.localeCompare(b.event_type));
      expect(bodies).toEqual([expected('jobs.on_start'), expected('jobs.on_success')]);
      expect(received[0].authorization).toBe(`Basic ${Buffer.from('hook:s3cret').toString('base64')}`);
    } finally {
      receiver.close();
    }
  });

  it('answers an unknown run id with 400 "Run <id> does not exist."', async () => {
    const res = await emulator.call('GET', '/api/2.2/jobs/runs/get?run_id=123');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: 'Run 123 does not exist.' });
  });

  it('records each finished run into system.lakeflow.job_run_timeline', async () => {
    const started = await submitNotebook('/CoPOS/daily_usage_collection');
    await waitForRun(emulator, started.body.run_id, terminated);
    await delay(200);
    const warehouses = await emulator.call('GET', '/api/2.0/sql/warehouses');
    const statement = await emulator.call('POST', '/api/2.0/sql/statements', {
      warehouse_id: warehouses.body.warehouses[0].id,
      statement: 'SELECT result_state, termination_code FROM system.lakeflow.job_run_timeline WHERE run_id = :run_id',
      parameters: [{ name: 'run_id', value: String(started.body.run_id) }],
      wait_timeout: '0s',
    });
    let result = statement.body;
    while (['PENDING', 'RUNNING'].includes(result.status.state)) {
      await delay(20);
      result = (await emulator.call('GET', `/api/2.0/sql/statements/${statement.body.statement_id}`)).body;
    }
    expect(result.status.state).toBe('SUCCEEDED');
    expect(result.result.data_array).toEqual([['SUCCEEDED', 'SUCCESS']]);
  });
});

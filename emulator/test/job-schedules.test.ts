import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness.js';

const WAREHOUSE = 'ab12cd34ef56ab78';

type Run = any;

describe('Jobs API: schedules and SQL tasks', () => {
  let emulator: TestEmulator;
  const createJob = async (settings: object) => {
    const created = await emulator.call('POST', '/api/2.2/jobs/create', settings);
    expect(created.status).toBe(200);
    return created.body.job_id as number;
  };
  /** A saved query (Queries API), which a `sql_task` names by id. */
  const savedQuery = async (query_text: string) => {
    const created = await emulator.call('POST', '/api/2.0/sql/queries', {
      query: { display_name: `q ${query_text.slice(0, 40)}`, warehouse_id: WAREHOUSE, query_text },
    });
    expect(created.status).toBe(200);
    return { warehouse_id: WAREHOUSE, query: { query_id: created.body.id as string } };
  };
  const runsOf = async (jobId: number): Promise<Run[]> =>
    (await emulator.call('GET', `/api/2.2/jobs/runs/list?job_id=${jobId}&limit=25`)).body.runs ?? [];

  beforeAll(async () => {
    emulator = await startTestEmulator({ speed: 200 });
  });
  afterAll(() => emulator.close());

  it('fires an unpaused schedule on the emulated clock as PERIODIC runs, and stops when paused', async () => {
    const schedule = { quartz_cron_expression: '0/30 * * * * ?', timezone_id: 'Europe/Berlin' };
    const task = { task_key: 'q', sql_task: await savedQuery('SELECT 1') };
    const jobId = await createJob({
      name: 'every thirty seconds',
      schedule: { ...schedule, pause_status: 'UNPAUSED' },
      tasks: [task],
    });
    await expect.poll(async () => (await runsOf(jobId)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const [run] = await runsOf(jobId);
    expect(run).toMatchObject({ trigger: 'PERIODIC', run_type: 'JOB_RUN' });

    const reset = await emulator.call('POST', '/api/2.2/jobs/reset', {
      job_id: jobId,
      new_settings: {
        name: 'every thirty seconds',
        schedule: { ...schedule, pause_status: 'PAUSED' },
        tasks: [task],
      },
    });
    expect(reset.status).toBe(200);
    await delay(100);
    const before = (await runsOf(jobId)).length;
    await delay(500); // 100 emulated seconds: three fire times
    expect((await runsOf(jobId)).length).toBe(before);
  });

  it('keeps saved queries: create, get, update by mask, list, delete to the trash', async () => {
    const { query } = await savedQuery('SELECT 41');
    const updated = await emulator.call('PATCH', `/api/2.0/sql/queries/${query.query_id}`, {
      update_mask: 'query_text',
      query: { query_text: 'SELECT 42', display_name: 'ignored' },
    });
    expect(updated.body).toMatchObject({
      query_text: 'SELECT 42',
      display_name: 'q SELECT 41',
      lifecycle_state: 'ACTIVE',
    });
    const listed = await emulator.call('GET', '/api/2.0/sql/queries?page_size=100');
    expect(listed.body.results.map((q: { id: string }) => q.id)).toContain(query.query_id);
    expect((await emulator.call('DELETE', `/api/2.0/sql/queries/${query.query_id}`)).status).toBe(200);
    const trashed = await emulator.call('GET', `/api/2.0/sql/queries/${query.query_id}`);
    expect(trashed.body.lifecycle_state).toBe('TRASHED');
    const after = await emulator.call('GET', '/api/2.0/sql/queries?page_size=100');
    expect(after.body.results.map((q: { id: string }) => q.id)).not.toContain(query.query_id);
    expect((await emulator.call('GET', '/api/2.0/sql/queries/nope')).status).toBe(404);
  });

  it('runs SQL tasks on the SQL engine in dependency order, failing with the engine’s error', async () => {
    const [make, load, report, broken] = await Promise.all(
      [
        'CREATE TABLE main.default.chain_t (n INT)',
        'INSERT INTO main.default.chain_t VALUES (1), (2)',
        'SELECT count(*) FROM main.default.chain_t',
        'SELECT * FROM main.default.nowhere',
      ].map(savedQuery),
    );
    const jobId = await createJob({
      name: 'sql chain',
      tasks: [
        {
          task_key: 'report',
          depends_on: [{ task_key: 'load' }],
          sql_task: report,
        },
        {
          task_key: 'load',
          depends_on: [{ task_key: 'make' }],
          sql_task: load,
        },
        { task_key: 'make', sql_task: make },
        {
          task_key: 'broken',
          depends_on: [{ task_key: 'report' }],
          sql_task: broken,
        },
      ],
    });
    const { run_id } = (await emulator.call('POST', '/api/2.2/jobs/run-now', { job_id: jobId })).body;
    let run: Run;
    for (;;) {
      run = (await emulator.call('GET', `/api/2.2/jobs/runs/get?run_id=${run_id}`)).body;
      if (run.state.life_cycle_state === 'TERMINATED') break;
      await delay(40);
    }
    const task = (key: string) => run.tasks.find((t: Run) => t.task_key === key);
    expect(task('make').end_time).toBeLessThanOrEqual(task('load').start_time);
    expect(task('load').end_time).toBeLessThanOrEqual(task('report').start_time);
    expect(['make', 'load', 'report'].map((key) => task(key).state.result_state)).toEqual([
      'SUCCESS',
      'SUCCESS',
      'SUCCESS',
    ]);
    expect(task('broken').state.result_state).toBe('FAILED');
    const output = await emulator.call('GET', `/api/2.2/jobs/runs/get-output?run_id=${task('broken').run_id}`);
    expect(output.body.error).toMatch(/nowhere/);
    const rows = await emulator.call('POST', '/api/2.0/sql/statements', {
      statement: 'SELECT count(*) FROM main.default.chain_t',
      warehouse_id: WAREHOUSE,
      wait_timeout: '30s',
    });
    expect(rows.body.result.data_array).toEqual([['2']]);
  });
});

import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness.js';

type Run = any;

describe('Jobs API: schedules and SQL tasks', () => {
  let emulator: TestEmulator;
  const createJob = async (settings: object) => {
    const created = await emulator.call('POST', '/api/2.2/jobs/create', settings);
    expect(created.status).toBe(200);
    return created.body.job_id as number;
  };
  const runsOf = async (jobId: number): Promise<Run[]> =>
    (await emulator.call('GET', `/api/2.2/jobs/runs/list?job_id=${jobId}&limit=25`)).body.runs ?? [];

  beforeAll(async () => {
    emulator = await startTestEmulator({ speed: 200 });
  });
  afterAll(() => emulator.close());

  it('fires an unpaused schedule on the emulated clock as PERIODIC runs, and stops when paused', async () => {
    const schedule = { quartz_cron_expression: '0/30 * * * * ?', timezone_id: 'Europe/Berlin' };
    const jobId = await createJob({
      name: 'every thirty seconds',
      schedule: { ...schedule, pause_status: 'UNPAUSED' },
      tasks: [{ task_key: 'q', sql_task: { warehouse_id: 'ab12cd34ef56ab78', query: { query_text: 'SELECT 1' } } }],
    });
    await expect.poll(async () => (await runsOf(jobId)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const [run] = await runsOf(jobId);
    expect(run).toMatchObject({ trigger: 'PERIODIC', run_type: 'JOB_RUN' });

    const reset = await emulator.call('POST', '/api/2.2/jobs/reset', {
      job_id: jobId,
      new_settings: {
        name: 'every thirty seconds',
        schedule: { ...schedule, pause_status: 'PAUSED' },
        tasks: [{ task_key: 'q', sql_task: { warehouse_id: 'ab12cd34ef56ab78', query: { query_text: 'SELECT 1' } } }],
      },
    });
    expect(reset.status).toBe(200);
    await delay(100);
    const before = (await runsOf(jobId)).length;
    await delay(500); // 100 emulated seconds: three fire times
    expect((await runsOf(jobId)).length).toBe(before);
  });

  it('runs SQL tasks on the SQL engine in dependency order, failing with the engine’s error', async () => {
    const sql = (query_text: string) => ({ warehouse_id: 'ab12cd34ef56ab78', query: { query_text } });
    const jobId = await createJob({
      name: 'sql chain',
      tasks: [
        {
          task_key: 'report',
          depends_on: [{ task_key: 'load' }],
          sql_task: sql('SELECT count(*) FROM main.default.chain_t'),
        },
        {
          task_key: 'load',
          depends_on: [{ task_key: 'make' }],
          sql_task: sql('INSERT INTO main.default.chain_t VALUES (1), (2)'),
        },
        { task_key: 'make', sql_task: sql('CREATE TABLE main.default.chain_t (n INT)') },
        {
          task_key: 'broken',
          depends_on: [{ task_key: 'report' }],
          sql_task: sql('SELECT * FROM main.default.nowhere'),
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
      warehouse_id: 'ab12cd34ef56ab78',
      wait_timeout: '30s',
    });
    expect(rows.body.result.data_array).toEqual([['2']]);
  });
});

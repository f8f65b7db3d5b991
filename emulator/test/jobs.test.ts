import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness.js';

const notebookJob = (name: string) => ({
  name,
  max_concurrent_runs: 2,
  tasks: [
    {
      task_key: 'extract',
      existing_cluster_id: '0923-164208-meows279',
      notebook_task: { notebook_path: '/PetInsure360/01_bronze_ingestion' },
    },
    {
      task_key: 'load',
      depends_on: [{ task_key: 'extract' }],
      existing_cluster_id: '0923-164208-meows279',
      notebook_task: { notebook_path: '/PetInsure360/02_silver_transformations', base_parameters: { mode: 'full' } },
    },
  ],
  schedule: { quartz_cron_expression: '0 30 6 * * ?', timezone_id: 'Europe/Paris' },
  parameters: [{ name: 'run_date', default: 'today' }],
});

describe('Jobs API: jobs', () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  it('starts with the scenario jobs and their history of completed runs', async () => {
    const { body } = await emulator.call('GET', '/api/2.2/jobs/list?expand_tasks=true&name=PetInsure360%20Pipeline');
    expect(body.jobs).toHaveLength(1);
    const pipeline = body.jobs[0];
    expect(pipeline.settings.tasks.map((task: { task_key: string }) => task.task_key)).toEqual([
      'bronze_ingestion',
      'silver_transformations',
      'gold_aggregations',
    ]);
    expect(pipeline.settings.tasks[1]).toMatchObject({
      depends_on: [{ task_key: 'bronze_ingestion' }],
      notebook_task: { notebook_path: '/PetInsure360/02_silver_transformations', source: 'WORKSPACE' },
    });
    const usage = (await emulator.call('GET', '/api/2.2/jobs/list?name=cop%20os%20daily%20usage%20collection')).body
      .jobs[0];
    expect(usage.settings.schedule).toEqual({
      quartz_cron_expression: '0 0 2 * * ?',
      timezone_id: 'UTC',
      pause_status: 'UNPAUSED',
    });
    const history = await emulator.call('GET', `/api/2.2/jobs/runs/list?job_id=${usage.job_id}&completed_only=true`);
    expect(history.body.runs).toHaveLength(25);
    expect(history.body.has_more).toBe(true);
    expect(history.body.runs[0].trigger).toBe('PERIODIC');
    expect(new Date(history.body.runs[0].start_time).getUTCHours()).toBe(2);
  });

  it('creates, reads, updates, resets and deletes a job field for field', async () => {
    const created = await emulator.call('POST', '/api/2.2/jobs/create', notebookJob('Claims export'));
    expect(created.status).toBe(200);
    const jobId = created.body.job_id;
    expect(Number.isSafeInteger(jobId)).toBe(true);

    const job = (await emulator.call('GET', `/api/2.2/jobs/get?job_id=${jobId}`)).body;
    expect(job).toMatchObject({
      job_id: jobId,
      creator_user_name: 'admin@cop-os.example.com',
      created_time: expect.any(Number),
      settings: {
        name: 'Claims export',
        max_concurrent_runs: 2,
        format: 'MULTI_TASK',
        schedule: { quartz_cron_expression: '0 30 6 * * ?', timezone_id: 'Europe/Paris', pause_status: 'UNPAUSED' },
        parameters: [{ name: 'run_date', default: 'today' }],
      },
    });

    const update = {
      job_id: jobId,
      new_settings: {
        name: 'Claims export v2',
        tasks: [{ task_key: 'load', existing_cluster_id: 'c-2', notebook_task: { notebook_path: '/x' } }],
      },
      fields_to_remove: ['schedule'],
    };
    expect((await emulator.call('POST', '/api/2.1/jobs/update', update)).status).toBe(200);
    const updated = (await emulator.call('GET', `/api/2.1/jobs/get?job_id=${jobId}`)).body.settings;
    expect(updated.name).toBe('Claims export v2');
    expect(updated.schedule).toBeUndefined();
    expect(
      updated.tasks.map((task: { task_key: string; existing_cluster_id: string }) => [
        task.task_key,
        task.existing_cluster_id,
      ]),
    ).toEqual([
      ['extract', '0923-164208-meows279'],
      ['load', 'c-2'],
    ]);

    await emulator.call('POST', '/api/2.2/jobs/reset', { job_id: jobId, new_settings: { name: 'Reset', tasks: [] } });
    const reset = (await emulator.call('GET', `/api/2.2/jobs/get?job_id=${jobId}`)).body.settings;
    expect(reset).toMatchObject({ name: 'Reset', tasks: [], max_concurrent_runs: 1 });

    expect((await emulator.call('POST', '/api/2.2/jobs/delete', { job_id: jobId })).body).toEqual({});
    const gone = await emulator.call('GET', `/api/2.2/jobs/get?job_id=${jobId}`);
    expect(gone.status).toBe(400);
    expect(gone.body).toEqual({ error_code: 'INVALID_PARAMETER_VALUE', message: `Job ${jobId} does not exist.` });
  });

  it('rejects task graphs with unknown dependencies or cycles', async () => {
    const cyclic = {
      name: 'cyclic',
      tasks: [
        { task_key: 'a', depends_on: [{ task_key: 'b' }] },
        { task_key: 'b', depends_on: [{ task_key: 'a' }] },
      ],
    };
    const res = await emulator.call('POST', '/api/2.2/jobs/create', cyclic);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/cycle/);
    const dangling = await emulator.call('POST', '/api/2.2/jobs/create', {
      name: 'x',
      tasks: [{ task_key: 'a', depends_on: [{ task_key: 'zz' }] }],
    });
    expect(dangling.status).toBe(400);
    expect(dangling.body.message).toMatch(/zz/);
  });

  it('pages jobs/list with limit and page tokens, tasks only when expanded', async () => {
    for (const name of ['page-a', 'page-b', 'page-c'])
      await emulator.call('POST', '/api/2.2/jobs/create', notebookJob(name));
    const seen: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const { body } = await emulator.call(
        'GET',
        `/api/2.2/jobs/list?limit=2${pageToken ? `&page_token=${pageToken}` : ''}`,
      );
      pages += 1;
      expect(body.jobs.length).toBeLessThanOrEqual(2);
      expect(body.jobs[0].settings.tasks).toBeUndefined();
      seen.push(...body.jobs.map((job: { settings: { name: string } }) => job.settings.name));
      if (pages > 1) expect(body.prev_page_token).toBeDefined();
      expect(body.has_more).toBe(Boolean(body.next_page_token));
      pageToken = body.next_page_token ?? '';
    } while (pageToken);
    expect(seen).toEqual(expect.arrayContaining(['PetInsure360 Pipeline', 'page-a', 'page-b', 'page-c']));
    expect(new Set(seen).size).toBe(seen.length);
    const tooMany = await emulator.call('GET', '/api/2.2/jobs/list?limit=101');
    expect(tooMany.status).toBe(400);
  });
});

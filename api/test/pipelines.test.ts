import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEmulator, EMULATOR_WAREHOUSE_ID } from './support/databricks.js';
import { sdkFor } from './support/databricks-sdk.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi({ SYNC_RETRY_BASE_MS: '100', SYNC_RETRY_MAX_MS: '300' }, { sync: { intervalMs: 100 } });
const emulator = testEmulator();
const sdk = sdkFor(emulator.url, emulator.token);
let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
let workspaceId: string;
const tokens: Record<string, string> = {};

const BRONZE = '/PetInsure360/01_bronze_ingestion';
const SILVER = '/PetInsure360/02_silver_transformations';

/** bronze → silver → report (SQL), the shape of a medallion pipeline. */
const TASKS = [
  { key: 'report', type: 'SQL', dependsOn: ['silver'], query: 'SELECT 1 AS ok', warehouseId: EMULATOR_WAREHOUSE_ID },
  { key: 'silver', type: 'NOTEBOOK', dependsOn: ['bronze'], notebookPath: SILVER },
  { key: 'bronze', type: 'NOTEBOOK', notebookPath: BRONZE, parameters: { layer: 'bronze' } },
];
const WEEKDAY_MORNINGS = { quartzCron: '0 30 9 ? * 2-6', timezone: 'Europe/Berlin', paused: false };

const FIELDS = 'id name jobId sync { status attempts error } schedule { quartzCron timezone paused }';
const CREATE = `mutation($input: CreatePipelineInput!) { createPipeline(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdatePipelineInput!) { updatePipeline(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deletePipeline(id: $id) }';
const RUN = `mutation($id: ID!, $key: String) { runPipeline(id: $id, idempotencyKey: $key) { id databricksJobId } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Pipeline { ${FIELDS} } } }`;

const create = (input: object, token = tokens.DATA_ENGINEER) =>
  api.graphql(CREATE, { input: { workspaceId, name: 'medallion', tasks: TASKS, ...input } }, token);
const pipelineState = (id: string, token = tokens.DATA_ENGINEER) => api.graphql(NODE, { id }, token);
const rowId = (id: string) => decodeGlobalID(id).id;
const code = (result: { errors?: { extensions?: any }[] }) => result.errors?.[0]?.extensions?.code;

async function waitForStatus(id: string, status: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = (await pipelineState(id)).data?.node;
    if (state?.sync.status === status) return state;
    if (Date.now() > until) throw new Error(`Pipeline stayed ${JSON.stringify(state)}, never ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * GETs of the Jobs and Queries APIs go through undici: the official SDK (`@databricks/sdk-experimental` 0.16)
 * sends a GET's query parameters only when the call also has a body, so its `jobs.get`, `jobs.getRun` and the
 * pages after the first of any list lose `job_id`, `run_id` and `page_token`. Calls with the id in the path
 * (`queries.get`) use the SDK.
 */
async function workspaceGet(path: string, query: Record<string, string | number | undefined> = {}): Promise<any> {
  const response = await request(`${emulator.url}${path}`, {
    query: Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)),
    headers: { authorization: `Bearer ${emulator.token}` },
  });
  const body = await response.body.json();
  if (response.statusCode !== 200) throw new Error((body as { message: string }).message);
  return body;
}
const jobsApi = (path: string, query: Record<string, string | number>) => workspaceGet(`/api/2.2/jobs/${path}`, query);
const getJob = (jobId: string) => jobsApi('get', { job_id: jobId });

/** Every page of a list, following `next_page_token`. */
async function allPages<T>(path: string, field: string, query: Record<string, string | number>): Promise<T[]> {
  const items: T[] = [];
  let pageToken: string | undefined;
  do {
    const page = await workspaceGet(path, { ...query, page_token: pageToken });
    items.push(...(page[field] ?? []));
    pageToken = page.next_page_token;
  } while (pageToken);
  return items;
}

/** Jobs in the workspace tagged with the pipeline's row id. */
const remoteJobsOf = async (id: string) =>
  (await allPages<any>('/api/2.2/jobs/list', 'jobs', { limit: 100 })).filter(
    (job) => job.settings?.tags?.copos_pipeline_id === rowId(id),
  ).length;

/** Active saved queries named after the pipeline's row id. */
const remoteQueriesOf = async (id: string) =>
  (await allPages<any>('/api/2.0/sql/queries', 'results', { page_size: 100 })).filter((query) =>
    query.display_name.includes(rowId(id)),
  );

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Pipelines');
  other = await createTenant(api.prisma, 'Elsewhere');
  for (const role of ['CUSTOMER_ADMIN', 'DATA_ENGINEER', 'ANALYST', 'MEMBER'] as const) {
    tokens[role] = await api.tokenFor(tenant.users[role].id);
  }
  tokens.OTHER = await api.tokenFor(other.users.DATA_ENGINEER.id);
  const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: '1444828305810485', copId: tenant.cop.id }],
  });
  workspaceId = encodeGlobalID('DatabricksWorkspace', integration.workspaceMappings[0]!.id);
  api.deps.sync.start();
  api.deps.runs.watcher.start();
});
afterAll(async () => {
  await emulator.clearFaults();
  await api.close();
});

describe('validation', () => {
  const sql = { type: 'SQL', query: 'SELECT 1', warehouseId: EMULATOR_WAREHOUSE_ID };
  it.each([
    [
      'duplicate keys',
      {
        tasks: [
          { key: 'a', ...sql },
          { key: 'a', ...sql },
        ],
      },
      /Two tasks have the key "a"/,
    ],
    [
      'an unknown dependency',
      { tasks: [{ key: 'a', dependsOn: ['ghost'], ...sql }] },
      /"a" depends on "ghost", which is not a task/,
    ],
    [
      'a cycle, named',
      {
        tasks: [
          { key: 'a', dependsOn: ['c'], ...sql },
          { key: 'b', dependsOn: ['a'], ...sql },
          { key: 'c', dependsOn: ['b'], ...sql },
        ],
      },
      /cycle: a → c → b → a/,
    ],
    ['a SQL task without a query', { tasks: [{ key: 'a', type: 'SQL', warehouseId: 'x' }] }, /"a" \(SQL\) needs query/],
    [
      'a notebook task with a Python file',
      { tasks: [{ key: 'a', type: 'NOTEBOOK', notebookPath: BRONZE, pythonFile: 'x.py' }] },
      /takes no pythonFile/,
    ],
    ['a five-field (non-Quartz) cron', { schedule: { quartzCron: '0 9 * * *' } }, /requires exactly 6 or 7 parts/],
    ['an hour out of range', { schedule: { quartzCron: '0 0 25 ? * *' } }, /Invalid value for hour: 25/],
    [
      'both day fields set',
      { schedule: { quartzCron: '0 0 9 1 * 2' } },
      /one of day-of-month and day-of-week must be "\?"/,
    ],
    [
      'an unknown timezone',
      { schedule: { quartzCron: '0 0 9 ? * *', timezone: 'Europe/Atlantis' } },
      /"Europe\/Atlantis" is not an IANA timezone/,
    ],
    [
      'a warehouse the workspace does not have',
      { tasks: [{ key: 'a', type: 'SQL', query: 'SELECT 1', warehouseId: 'nope0000' }] },
      /workspace has no SQL warehouse "nope0000"/,
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_what, input, message) => {
    const before = await api.prisma.pipeline.count();
    const result = await create(input);
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await api.prisma.pipeline.count()).toBe(before);
  });
});

describe('pipelineSchedulePreview', () => {
  const PREVIEW = `query($schedule: PipelineScheduleInput!) { pipelineSchedulePreview(schedule: $schedule, count: 3) }`;
  it('gives the next fire times of a schedule being edited, in its timezone', async () => {
    const result = await api.graphql(
      PREVIEW,
      { schedule: { quartzCron: '0 0 12 L * ?', timezone: 'Asia/Tokyo' } },
      tokens.MEMBER,
    );
    const times = (result.data!.pipelineSchedulePreview as string[]).map((at) => new Date(at));
    expect(times).toHaveLength(3);
    for (const at of times) {
      // 12:00 in Tokyo (03:00 UTC) on the last day of a month.
      expect(at.getUTCHours()).toBe(3);
      expect(new Date(at.getTime() + 24 * 3600_000).getUTCDate()).toBe(1);
    }
  });

  it('refuses what a pipeline would refuse', async () => {
    const result = await api.graphql(
      PREVIEW,
      { schedule: { quartzCron: '0 0 12 * * ?', timezone: 'Mars/Base' } },
      tokens.MEMBER,
    );
    expect(code(result)).toBe('BAD_USER_INPUT');
  });
});

describe('a synced pipeline', () => {
  let id: string;
  let jobId: string;

  it('is written locally at once, then becomes a Jobs 2.2 job with depends_on and schedule', async () => {
    const result = await create({ schedule: WEEKDAY_MORNINGS });
    expect(result.errors).toBeUndefined();
    id = result.data?.createPipeline.id;
    expect(['PENDING', 'SYNCED']).toContain(result.data?.createPipeline.sync.status);
    jobId = (await waitForStatus(id, 'SYNCED')).jobId;
    expect(jobId).toMatch(/^\d+$/);
  });

  it('is read back exactly as the gateway created it (jobs/get with undici, its saved query with the SDK)', async () => {
    const job = await getJob(jobId);
    expect(job.settings).toMatchObject({
      name: 'medallion',
      max_concurrent_runs: 1,
      tags: { copos_pipeline_id: rowId(id) },
      schedule: { quartz_cron_expression: '0 30 9 ? * 2-6', timezone_id: 'Europe/Berlin', pause_status: 'UNPAUSED' },
    });
    // Sent in dependency order.
    expect(job.settings?.tasks).toEqual([
      {
        task_key: 'bronze',
        notebook_task: { notebook_path: BRONZE, source: 'WORKSPACE', base_parameters: { layer: 'bronze' } },
      },
      {
        task_key: 'silver',
        depends_on: [{ task_key: 'bronze' }],
        notebook_task: { notebook_path: SILVER, source: 'WORKSPACE' },
      },
      {
        task_key: 'report',
        depends_on: [{ task_key: 'silver' }],
        sql_task: { warehouse_id: EMULATOR_WAREHOUSE_ID, query: { query_id: expect.any(String) } },
      },
    ]);
    // The SQL task runs a saved query of its own, read back with the SDK.
    const queryId = job.settings.tasks[2].sql_task.query.query_id;
    expect(await sdk.queries.get({ id: queryId })).toMatchObject({
      display_name: `CoP OS pipeline ${rowId(id)} · report`,
      warehouse_id: EMULATOR_WAREHOUSE_ID,
      query_text: 'SELECT 1 AS ok',
      lifecycle_state: 'ACTIVE',
    });
    expect(await remoteJobsOf(id)).toBe(1);
    expect(await remoteQueriesOf(id)).toHaveLength(1);
  });

  it('gives its tasks, its DAG as data and its next five fire times in its timezone', async () => {
    const result = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Pipeline {
        tasks { key type dependsOn notebookPath parameters query warehouseId }
        dag { nodes { key type layer } edges { from to } }
        nextRunsAt
      } } }`,
      { id },
      tokens.ANALYST,
    );
    expect(result.errors).toBeUndefined();
    const node = result.data?.node;
    expect(node.tasks.map((task: { key: string }) => task.key)).toEqual(['report', 'silver', 'bronze']);
    expect(node.dag.nodes).toEqual([
      { key: 'report', type: 'SQL', layer: 2 },
      { key: 'silver', type: 'NOTEBOOK', layer: 1 },
      { key: 'bronze', type: 'NOTEBOOK', layer: 0 },
    ]);
    expect(node.dag.edges).toEqual([
      { from: 'silver', to: 'report' },
      { from: 'bronze', to: 'silver' },
    ]);
    expect(node.nextRunsAt).toHaveLength(5);
    for (const at of node.nextRunsAt as string[]) {
      const date = new Date(at);
      const berlin = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).format(date);
      expect(berlin).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 09:30$/);
      expect(date.getTime()).toBeGreaterThan(Date.now());
    }
  });

  it('runs through the run machinery, once per idempotency key, to success in dependency order', async () => {
    const first = await api.graphql(RUN, { id, key: 'run-1' }, tokens.DATA_ENGINEER);
    expect(first.errors).toBeUndefined();
    const again = await api.graphql(RUN, { id, key: 'run-1' }, tokens.DATA_ENGINEER);
    expect(again.data?.runPipeline.id).toBe(first.data?.runPipeline.id);
    expect(first.data?.runPipeline.databricksJobId).toBe(jobId);
    const runId = first.data?.runPipeline.id;
    const RUN_STATE = `query($id: ID!) { node(id: $id) { ... on JobRun {
      isTerminal resultState databricksRunId tasks { taskKey resultState startedAt endedAt }
    } } }`;
    await expect
      .poll(async () => (await api.graphql(RUN_STATE, { id: runId }, tokens.ANALYST)).data?.node.isTerminal, {
        timeout: 60_000,
        interval: 200,
      })
      .toBe(true);
    const run = (await api.graphql(RUN_STATE, { id: runId }, tokens.ANALYST)).data?.node;
    expect(run.resultState).toBe('SUCCESS');
    const remote = await jobsApi('runs/get', { run_id: run.databricksRunId });
    const task = (key: string) => remote.tasks.find((t: any) => t.task_key === key);
    expect(task('bronze').end_time).toBeLessThanOrEqual(task('silver').start_time);
    expect(task('silver').end_time).toBeLessThanOrEqual(task('report').start_time);
    expect(remote.tasks.map((t: any) => t.state.result_state)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);

    const runs = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Pipeline { runs { id resultState } } } }`,
      { id },
      tokens.ANALYST,
    );
    expect(runs.data?.node.runs).toEqual([{ id: runId, resultState: 'SUCCESS' }]);
  });

  it('is changed with jobs/reset: the same job, the new settings', async () => {
    const [queryBefore] = await remoteQueriesOf(id);
    const tasks = TASKS.map((task) => (task.key === 'report' ? { ...task, query: 'SELECT 2 AS ok' } : task));
    const result = await api.graphql(
      UPDATE,
      { id, input: { name: 'medallion v2', tasks, schedule: { ...WEEKDAY_MORNINGS, paused: true } } },
      tokens.CUSTOMER_ADMIN,
    );
    expect(result.errors).toBeUndefined();
    const synced = await waitForStatus(id, 'SYNCED');
    expect(synced.jobId).toBe(jobId);
    const job = await getJob(jobId);
    expect(job.settings).toMatchObject({ name: 'medallion v2', schedule: { pause_status: 'PAUSED' } });
    const next = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Pipeline { nextRunsAt } } }`,
      { id },
      tokens.MEMBER,
    );
    expect(next.data?.node.nextRunsAt).toEqual([]);
    expect(await remoteJobsOf(id)).toBe(1);
    const queries = await remoteQueriesOf(id);
    expect(queries.map((query: { id: string; query_text: string }) => [query.id, query.query_text])).toEqual([
      [queryBefore.id, 'SELECT 2 AS ok'],
    ]);
  });

  it('trashes the saved query of a task that is no longer SQL', async () => {
    const [query] = await remoteQueriesOf(id);
    const tasks = TASKS.map((task) =>
      task.key === 'report'
        ? { key: 'report', type: 'PYTHON', dependsOn: ['silver'], pythonFile: '/Shared/report.py' }
        : task,
    );
    expect((await api.graphql(UPDATE, { id, input: { tasks } }, tokens.DATA_ENGINEER)).errors).toBeUndefined();
    await waitForStatus(id, 'SYNCED');
    expect(await remoteQueriesOf(id)).toEqual([]);
    expect((await sdk.queries.get({ id: query.id })).lifecycle_state).toBe('TRASHED');
    const job = await getJob((await pipelineState(id)).data?.node.jobId);
    expect(job.settings.tasks.at(-1)).toEqual({
      task_key: 'report',
      depends_on: [{ task_key: 'silver' }],
      spark_python_task: { python_file: '/Shared/report.py' },
    });
  });

  it('is deleted on both sides', async () => {
    expect((await api.graphql(DELETE, { id }, tokens.DATA_ENGINEER)).errors).toBeUndefined();
    expect((await pipelineState(id)).data?.node).toBeNull();
    await expect.poll(() => api.prisma.pipeline.count({ where: { id: rowId(id) } }), { timeout: 30_000 }).toBe(0);
    await expect(getJob(jobId)).rejects.toThrow(/does not exist/);
    expect(await remoteQueriesOf(id)).toEqual([]);
  });
});

describe('schedules fire in the emulator', () => {
  it('starts PERIODIC runs of an unpaused schedule and none once paused', async () => {
    const created = await create({
      name: 'every 2 min',
      tasks: [{ key: 'q', type: 'SQL', query: 'SELECT 1', warehouseId: EMULATOR_WAREHOUSE_ID }],
      schedule: { quartzCron: '0 0/2 * * * ?', timezone: 'America/New_York' },
    });
    const id = created.data?.createPipeline.id;
    const { jobId } = await waitForStatus(id, 'SYNCED');
    const periodic = async () => {
      const { runs = [] } = await jobsApi('runs/list', { job_id: jobId, limit: 25 });
      return runs.filter((run: { trigger: string }) => run.trigger === 'PERIODIC').length;
    };
    await expect.poll(periodic, { timeout: 30_000, interval: 100 }).toBeGreaterThan(0);

    const pause = { quartzCron: '0 0/2 * * * ?', timezone: 'America/New_York', paused: true };
    expect(
      (await api.graphql(UPDATE, { id, input: { schedule: pause } }, tokens.DATA_ENGINEER)).errors,
    ).toBeUndefined();
    await waitForStatus(id, 'SYNCED');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const paused = await periodic();
    await new Promise((resolve) => setTimeout(resolve, 1_800)); // 6 emulated minutes: three fire times
    expect(await periodic()).toBe(paused);
    await api.graphql(DELETE, { id }, tokens.DATA_ENGINEER);
  });
});

describe('local first while Databricks is down', () => {
  it('keeps the pipeline locally, retries with back-off and converges with no duplicate job', async () => {
    await emulator.injectFaults([{ kind: 'error', status: 503 }]);
    const result = await create({ name: 'offline' });
    expect(result.errors).toBeUndefined();
    const id = result.data?.createPipeline.id;
    const failing = await waitForStatus(id, 'LOCAL_ONLY', 60_000);
    expect(failing.sync.error).toBeTruthy();
    expect(failing.sync.attempts).toBeGreaterThan(0);
    expect(code(await api.graphql(RUN, { id }, tokens.DATA_ENGINEER))).toBe('CONFLICT');

    await emulator.clearFaults();
    await waitForStatus(id, 'SYNCED', 60_000);
    expect(await remoteJobsOf(id)).toBe(1);
    expect(await remoteQueriesOf(id)).toHaveLength(1);
  });

  it('finds the job of a create whose answer was lost instead of creating another', async () => {
    const result = await create({ name: 'lost answer' });
    const id = result.data?.createPipeline.id;
    const { jobId } = await waitForStatus(id, 'SYNCED');
    const synced = (await api.prisma.pipeline.findUniqueOrThrow({ where: { id: rowId(id) } })) as { remote: any };
    // As if the creates had succeeded but their answers never arrived: only the intents are recorded.
    await api.prisma.pipeline.update({
      where: { id: rowId(id) },
      data: {
        syncStatus: 'LOCAL_ONLY',
        syncNextAttemptAt: new Date(),
        remote: { integrationId: synced.remote.integrationId, jobName: 'lost answer', queries: { report: '' } },
      },
    });
    api.deps.sync.poke();
    expect((await waitForStatus(id, 'SYNCED')).jobId).toBe(jobId);
    expect(await remoteJobsOf(id)).toBe(1);
    expect(await remoteQueriesOf(id)).toHaveLength(1);
  });

  it('deleting while Databricks is down leaves a tombstone the reconciler finishes', async () => {
    const id = (await create({ name: 'tombstone' })).data?.createPipeline.id;
    const { jobId } = await waitForStatus(id, 'SYNCED');
    await emulator.injectFaults([{ kind: 'error', status: 503 }]);
    await api.graphql(DELETE, { id }, tokens.DATA_ENGINEER);
    expect((await pipelineState(id)).data?.node).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await api.prisma.pipeline.count({ where: { id: rowId(id) } })).toBe(1);
    await emulator.clearFaults();
    await expect.poll(() => api.prisma.pipeline.count({ where: { id: rowId(id) } }), { timeout: 60_000 }).toBe(0);
    await expect(getJob(jobId)).rejects.toThrow(/does not exist/);
  });

  it('stays local (DISABLED) when Databricks is off for the customer', async () => {
    await api.prisma.customer.update({ where: { id: tenant.customer.id }, data: { databricksEnabled: false } });
    try {
      const result = await create({ name: 'local only' });
      expect(result.data?.createPipeline.sync.status).toBe('DISABLED');
      const id = result.data?.createPipeline.id;
      expect(code(await api.graphql(RUN, { id }, tokens.DATA_ENGINEER))).toBe('CONFLICT');
      expect(await remoteJobsOf(id)).toBe(0);
    } finally {
      await api.prisma.customer.update({ where: { id: tenant.customer.id }, data: { databricksEnabled: true } });
    }
  });
});

describe('the customer’s Databricks status', () => {
  it('counts its pipelines and how many are in Databricks', async () => {
    const rows = await api.prisma.pipeline.groupBy({
      by: ['syncStatus'],
      where: { customerId: tenant.customer.id, deletedAt: null },
      _count: true,
    });
    const count = (statuses: string[]) =>
      rows.filter((row) => statuses.includes(row.syncStatus)).reduce((sum, row) => sum + row._count, 0);
    const result = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Customer { databricksStatus {
        resources { pipelines { total inDatabricks failing } }
      } } } }`,
      { id: tenant.ids.customer },
      tokens.ANALYST,
    );
    expect(result.data?.node.databricksStatus.resources.pipelines).toEqual({
      total: count(['SYNCED', 'PENDING', 'LOCAL_ONLY', 'FAILED', 'DISABLED']),
      inDatabricks: count(['SYNCED']),
      failing: count(['LOCAL_ONLY', 'FAILED']),
    });
    expect(count(['SYNCED'])).toBeGreaterThan(0);
  });
});

describe('roles and tenants', () => {
  let id: string;
  beforeAll(async () => {
    id = (await create({ name: 'guarded' }, tokens.CUSTOMER_ADMIN)).data?.createPipeline.id;
    await waitForStatus(id, 'SYNCED');
  });

  it('lets data engineers and customer admins change and run it; analysts and members may not', async () => {
    for (const role of ['ANALYST', 'MEMBER']) {
      expect(code(await create({ name: 'nope' }, tokens[role]))).toBe('FORBIDDEN');
      expect(code(await api.graphql(UPDATE, { id, input: { name: 'x' } }, tokens[role]))).toBe('FORBIDDEN');
      expect(code(await api.graphql(RUN, { id }, tokens[role]))).toBe('FORBIDDEN');
      expect(code(await api.graphql(DELETE, { id }, tokens[role]))).toBe('FORBIDDEN');
    }
    for (const role of ['DATA_ENGINEER', 'CUSTOMER_ADMIN']) {
      expect((await api.graphql(UPDATE, { id, input: { name: `by ${role}` } }, tokens[role])).errors).toBeUndefined();
      expect((await api.graphql(RUN, { id, key: `by-${role}` }, tokens[role])).errors).toBeUndefined();
    }
  });

  it('lets analysts read tasks, DAG and runs, and members only the metadata', async () => {
    const DETAIL = `query($id: ID!) { node(id: $id) { ... on Pipeline { name tasks { key } dag { edges { from } } runs { id } } } }`;
    expect((await api.graphql(DETAIL, { id }, tokens.ANALYST)).errors).toBeUndefined();
    const member = await api.graphql(DETAIL, { id }, tokens.MEMBER);
    expect(code(member)).toBe('FORBIDDEN');
    const metadata = await pipelineState(id, tokens.MEMBER);
    expect(metadata.errors).toBeUndefined();
    expect(metadata.data?.node.sync.status).toBe('SYNCED');
  });

  it('hides it from another tenant entirely', async () => {
    expect((await pipelineState(id, tokens.OTHER)).data?.node).toBeNull();
    expect(code(await api.graphql(UPDATE, { id, input: { name: 'mine' } }, tokens.OTHER))).toBe('NOT_FOUND');
    expect(code(await api.graphql(RUN, { id }, tokens.OTHER))).toBe('NOT_FOUND');
    expect(code(await api.graphql(DELETE, { id }, tokens.OTHER))).toBe('NOT_FOUND');
    expect(code(await create({ name: 'in their workspace' }, tokens.OTHER))).toBe('NOT_FOUND');
    const list = await api.graphql('{ pipelines { nodes { id } } }', {}, tokens.OTHER);
    expect(list.data?.pipelines.nodes).toEqual([]);
    expect((await pipelineState(id)).data?.node.name).toBe('by CUSTOMER_ADMIN');
  });
});

import type { workspace } from '@databricks/sdk-experimental';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RESILIENCE } from '../src/databricks/resilience.js';
import type { RunningServer } from '../src/http/server.js';
import { connectEmulator } from './support/databricks.js';
import { sdkFor } from './support/databricks-sdk.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { serve, subscribeOverWebSocket } from './support/live-clients.js';
import { EMULATOR_WORKSPACE } from './support/live-workspace.js';
import { createTestApi } from './support/test-api.js';

// A circuit opened by the faults below lets a trial call through after 200 ms (10 s in production).
const api = createTestApi(
  { SYNC_RETRY_BASE_MS: '100', SYNC_RETRY_MAX_MS: '300' },
  { sync: { intervalMs: 100 }, databricks: { resilience: { ...DEFAULT_RESILIENCE, halfOpenAfterMs: 200 } } },
);
const emulator = testEmulator();
const sdk = sdkFor(emulator.url, emulator.token);
let server: RunningServer;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
let workspaceId: string;
const tokens: Record<string, string> = {};

const FIELDS = 'id name language path cells { source } createdBy { id } sync { status error attempts nextAttemptAt }';
const CREATE = `mutation($input: CreateNotebookInput!) { createNotebook(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateNotebookInput!) { updateNotebook(id: $id, input: $input) { ${FIELDS} } }`;
const SYNC = `mutation($id: ID!, $direction: NotebookSyncDirection!, $force: Boolean) {
  syncNotebook(id: $id, direction: $direction, force: $force) { ${FIELDS} }
}`;
const DELETE = `mutation($id: ID!) { deleteNotebook(id: $id) }`;
const EXECUTE = `mutation($id: ID!, $parameters: JSON, $key: String) {
  executeNotebook(id: $id, parameters: $parameters, idempotencyKey: $key) { id kind state databricksRunId }
}`;
const RUN_EVENTS = `subscription($runId: ID!) { runEvents(runId: $runId, afterSeq: 0) { event { type } } }`;

const create = (cells: string[], token = tokens.DATA_ENGINEER, name = 'Claims report', language = 'PYTHON') =>
  api.graphql(CREATE, { input: { workspaceId, name, language, cells: cells.map((source) => ({ source })) } }, token);
const update = (id: string, cells: string[], token = tokens.DATA_ENGINEER) =>
  api.graphql(UPDATE, { id, input: { cells: cells.map((source) => ({ source })) } }, token);
const sync = (id: string, direction: 'PULL' | 'PUSH', force = false, token = tokens.DATA_ENGINEER) =>
  api.graphql(SYNC, { id, direction, force }, token);
const node = (id: string, token = tokens.DATA_ENGINEER, fields = FIELDS) =>
  api.graphql(`query($id: ID!) { node(id: $id) { ... on Notebook { ${fields} } } }`, { id }, token);
const runRow = (id: string) => api.prisma.jobRun.findUnique({ where: { id: decodeGlobalID(id).id } });
const rowOf = (id: string) => api.prisma.notebook.findUnique({ where: { id: decodeGlobalID(id).id } });

async function created(cells: string[], name?: string) {
  const result = await create(cells, tokens.DATA_ENGINEER, name);
  expect(result.errors).toBeUndefined();
  return result.data?.createNotebook;
}

/**
 * A Workspace API read through the official SDK's client. (SDK 0.14's generated GET methods — `workspace.getStatus`,
 * `export`, `list` — drop their query string when they send no body, so the reads go through `apiClient.request`
 * with the query as the payload, which it then sends as the query string.)
 */
const sdkGet = <T>(path: string, query: Record<string, string>) =>
  sdk.apiClient.request({
    path,
    method: 'GET',
    headers: new Headers(),
    raw: false,
    query,
    payload: query,
  }) as Promise<T>;
const statusOf = (path: string) => sdkGet<workspace.ObjectInfo>('/api/2.0/workspace/get-status', { path });

/** The workspace's SOURCE text of a notebook, read with the official SDK. */
const exported = async (path: string) => {
  const response = await sdkGet<workspace.ExportResponse>('/api/2.0/workspace/export', { path, format: 'SOURCE' });
  return Buffer.from(response.content ?? '', 'base64').toString('utf8');
};

/** Someone editing the notebook in the workspace, outside CoP OS. */
const editInWorkspace = (path: string, source: string) =>
  sdk.workspace.import({
    path,
    format: 'SOURCE',
    language: 'PYTHON',
    overwrite: true,
    content: Buffer.from(`# Databricks notebook source\n${source}`).toString('base64'),
  });

/** Keeps the reconciler off a row (no next attempt), so the test decides when it syncs. */
const holdFromReconciler = (id: string) =>
  api.prisma.notebook.update({ where: { id: decodeGlobalID(id).id }, data: { syncNextAttemptAt: null } });

/** Clears the faults and waits out the connector's open circuit. */
async function databricksBack() {
  await emulator.clearFaults();
  await new Promise((resolve) => setTimeout(resolve, 300));
}

async function waitForStatus(id: string, status: string, timeoutMs = 30_000) {
  await expect.poll(async () => (await node(id)).data?.node?.sync.status, { timeout: timeoutMs }).toBe(status);
  return (await node(id)).data!.node;
}

const objectsIn = async (folder: string) =>
  (await sdkGet<workspace.ListResponse>('/api/2.0/workspace/list', { path: folder })).objects ?? [];

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Notebooks');
  other = await createTenant(api.prisma, 'Other notebooks');
  for (const role of ['CUSTOMER_ADMIN', 'DATA_ENGINEER', 'ANALYST', 'MEMBER'] as const) {
    tokens[role] = await api.tokenFor(tenant.users[role].id);
  }
  tokens.OTHER = await api.tokenFor(other.users.DATA_ENGINEER.id);
  const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: EMULATOR_WORKSPACE, copId: tenant.cop.id }],
  });
  workspaceId = encodeGlobalID('DatabricksWorkspace', integration.workspaceMappings[0]!.id);
  server = await serve(api);
  api.deps.sync.start();
  api.deps.runs.watcher.start();
});
afterAll(async () => {
  await emulator.clearFaults();
  await server?.close();
  await api.close();
});

describe('creating a notebook', () => {
  it('writes it locally and imports it under the tenant folder, read back by the official SDK', async () => {
    const notebook = await created(['print("hello")', 'x = 1 + 1']);
    const suffix = decodeGlobalID(notebook.id).id.replaceAll('-', '').slice(0, 12);
    const slug = tenant.customer.name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
    expect(notebook).toMatchObject({
      name: 'Claims report',
      language: 'PYTHON',
      path: `/CoPOS/${slug}/Claims_report-${suffix}`,
      cells: [{ source: 'print("hello")' }, { source: 'x = 1 + 1' }],
      createdBy: { id: encodeGlobalID('User', tenant.users.DATA_ENGINEER.id) },
      sync: { status: 'SYNCED', error: null, attempts: 0 },
    });
    const status = await statusOf(notebook.path);
    const row = await rowOf(notebook.id);
    expect(status).toMatchObject({ object_type: 'NOTEBOOK', language: 'PYTHON', path: notebook.path });
    expect(BigInt(status.object_id!)).toBe(row?.remoteObjectId);
    expect(BigInt(status.modified_at!)).toBe(row?.remoteModifiedAt);
    expect(await exported(notebook.path)).toBe(
      '# Databricks notebook source\nprint("hello")\n\n# COMMAND ----------\n\nx = 1 + 1',
    );
    const jupyter = await sdkGet<workspace.ExportResponse>('/api/2.0/workspace/export', {
      path: notebook.path,
      format: 'JUPYTER',
    });
    const cells = JSON.parse(Buffer.from(jupyter.content ?? '', 'base64').toString('utf8')).cells;
    expect(cells.map((cell: { source: string[] }) => cell.source.join(''))).toEqual(['print("hello")', 'x = 1 + 1']);
    const listed = await api.graphql(
      `query($id: ID!) { customer(id: $id) { notebooks { totalCount nodes { id } } } }`,
      { id: tenant.ids.customer },
      tokens.MEMBER,
    );
    expect(listed.data?.customer.notebooks.nodes.map((n: { id: string }) => n.id)).toContain(notebook.id);
  });

  it('keeps one workspace object however often it is synced again', async () => {
    const notebook = await created(['1'], 'Retried');
    const { remoteObjectId } = (await rowOf(notebook.id))!;
    for (let i = 0; i < 3; i++) {
      const retried = await api.graphql(
        `mutation($id: ID!) { retryNotebookSync(id: $id) { sync { status } } }`,
        {
          id: notebook.id,
        },
        tokens.DATA_ENGINEER,
      );
      expect(retried.data?.retryNotebookSync.sync.status).toBe('SYNCED');
    }
    const folder = notebook.path.slice(0, notebook.path.lastIndexOf('/'));
    const copies = (await objectsIn(folder)).filter((object) => object.path?.includes('Retried'));
    expect(copies.map((object) => BigInt(object.object_id!))).toEqual([remoteObjectId]);
  });

  it('pushes edited cells, and a SQL notebook in its own comment syntax', async () => {
    const notebook = await created(['SELECT 1'], 'Report');
    const edited = await update(notebook.id, ['SELECT 2', 'SELECT 3']);
    expect(edited.data?.updateNotebook.sync.status).toBe('SYNCED');
    expect(await exported(notebook.path)).toContain('SELECT 2\n\n# COMMAND ----------\n\nSELECT 3');

    const sql = (await create(['SELECT 1', 'SELECT 2'], tokens.CUSTOMER_ADMIN, 'Daily', 'SQL')).data?.createNotebook;
    expect(sql.sync.status).toBe('SYNCED');
    expect((await statusOf(sql.path)).language).toBe('SQL');
    expect(await exported(sql.path)).toBe(
      '-- Databricks notebook source\nSELECT 1\n\n-- COMMAND ----------\n\nSELECT 2',
    );
  });

  it('never takes its own concurrent saves for a change made in the workspace', async () => {
    const notebook = await created(['n = 0'], 'Concurrent');
    const saves = await Promise.all([1, 2, 3, 4].map((n) => update(notebook.id, [`n = ${n}`])));
    expect(saves.map((save) => save.errors)).toEqual([undefined, undefined, undefined, undefined]);
    const settled = await waitForStatus(notebook.id, 'SYNCED');
    expect(await exported(notebook.path)).toContain(settled.cells[0].source);
    const row = await rowOf(notebook.id);
    expect(row?.syncedVersion).toBe(row?.contentVersion);
    expect(BigInt((await statusOf(notebook.path)).modified_at!)).toBe(row?.remoteModifiedAt);
  });

  it('refuses bad input by name', async () => {
    const empty = await create([]);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unnamed = await create(['1'], tokens.DATA_ENGINEER, '  ');
    expect(unnamed.errors?.[0]?.message).toMatch(/name/);
  });
});

describe('local first while Databricks is down', () => {
  it('keeps the notebook LOCAL_ONLY with the error and back-off, then converges once with no duplicate', async () => {
    await emulator.injectFaults([{ kind: 'error', status: 503 }]);
    const result = await create(['print("offline")'], tokens.DATA_ENGINEER, 'Offline');
    expect(result.errors).toBeUndefined();
    const notebook = result.data?.createNotebook;
    expect(notebook.sync).toMatchObject({ status: 'LOCAL_ONLY', attempts: 1 });
    expect(notebook.sync.error).toBeTruthy();
    expect(notebook.sync.nextAttemptAt).toBeTruthy();
    expect(notebook.cells).toEqual([{ source: 'print("offline")' }]);

    await databricksBack();
    const synced = await waitForStatus(notebook.id, 'SYNCED');
    expect(synced.sync).toMatchObject({ error: null, attempts: 0, nextAttemptAt: null });
    expect(await exported(notebook.path)).toContain('print("offline")');
    const folder = notebook.path.slice(0, notebook.path.lastIndexOf('/'));
    expect((await objectsIn(folder)).filter((object) => object.path?.includes('Offline'))).toHaveLength(1);
  });

  it('converges 20 notebooks created during an outage within 30 s, one workspace object each', async () => {
    await emulator.injectFaults([{ kind: 'error', status: 503 }]);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_n, i) => create([`print(${i})`], tokens.DATA_ENGINEER, `Outage ${i}`)),
    );
    const notebooks = results.map((result) => result.data?.createNotebook);
    expect(notebooks.map((notebook) => notebook?.sync.status)).toEqual(Array(20).fill('LOCAL_ONLY'));
    await emulator.clearFaults();
    const cleared = Date.now();
    const ids = notebooks.map((notebook) => decodeGlobalID(notebook.id).id);
    await expect
      .poll(() => api.prisma.notebook.count({ where: { id: { in: ids }, syncStatus: 'SYNCED' } }), { timeout: 30_000 })
      .toBe(20);
    expect(Date.now() - cleared).toBeLessThan(30_000);
    const folder = notebooks[0].path.slice(0, notebooks[0].path.lastIndexOf('/'));
    const outage = (await objectsIn(folder)).filter((object) => object.path?.includes('/Outage_'));
    expect(outage.map((object) => object.path).sort()).toEqual(notebooks.map((notebook) => notebook.path).sort());
  });

  it('stays DISABLED, never calls Databricks, and refuses to execute, for a customer with Databricks off', async () => {
    await api.prisma.customer.update({ where: { id: tenant.customer.id }, data: { databricksEnabled: false } });
    try {
      await emulator.resetStats();
      const notebook = await created(['1'], 'Local');
      expect(notebook.sync.status).toBe('DISABLED');
      expect((await update(notebook.id, ['2'])).data?.updateNotebook.sync.status).toBe('DISABLED');
      const run = await api.graphql(EXECUTE, { id: notebook.id }, tokens.DATA_ENGINEER);
      expect(run.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DATABRICKS_OFF' });
      expect((await sync(notebook.id, 'PUSH')).errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'DATABRICKS_OFF',
      });
      const retry = await api.graphql(
        `mutation($id: ID!) { retryNotebookSync(id: $id) { id } }`,
        { id: notebook.id },
        tokens.DATA_ENGINEER,
      );
      expect(retry.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DATABRICKS_OFF' });
      expect(await emulator.callsTo('POST /api/2.0/workspace/import')).toBe(0);
      expect((await api.graphql(DELETE, { id: notebook.id }, tokens.DATA_ENGINEER)).errors).toBeUndefined();
      expect(await rowOf(notebook.id)).toBeNull();
    } finally {
      await api.prisma.customer.update({ where: { id: tenant.customer.id }, data: { databricksEnabled: true } });
    }
  });
});

describe('conflicts', () => {
  it('pulls a change made only in the workspace, and pushes one made only here', async () => {
    const notebook = await created(['a = 1'], 'One side');
    await editInWorkspace(notebook.path, 'a = 2');
    const pulled = await sync(notebook.id, 'PULL');
    expect(pulled.data?.syncNotebook).toMatchObject({ cells: [{ source: 'a = 2' }], sync: { status: 'SYNCED' } });

    await emulator.injectFaults([{ kind: 'error', status: 503 }]);
    expect((await update(notebook.id, ['a = 3'])).data?.updateNotebook.sync.status).toBe('LOCAL_ONLY');
    await databricksBack();
    expect((await sync(notebook.id, 'PUSH')).data?.syncNotebook.sync.status).toBe('SYNCED');
    expect(await exported(notebook.path)).toContain('a = 3');
  });

  it('refuses PULL and PUSH with CONFLICT when both sides changed, never overwriting either, until forced', async () => {
    const notebook = await created(['v = "base"'], 'Both sides');
    await editInWorkspace(notebook.path, 'v = "theirs"');
    // The local edit's own push finds the workspace changed: it does not overwrite it.
    const edited = (await update(notebook.id, ['v = "ours"'])).data?.updateNotebook;
    expect(edited.sync.status).toBe('FAILED');
    expect(edited.sync.error).toMatch(/both here and in Databricks/);
    expect(await exported(notebook.path)).toContain('v = "theirs"');

    for (const direction of ['PULL', 'PUSH'] as const) {
      const refused = await sync(notebook.id, direction);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CONFLICT' });
    }
    expect((await node(notebook.id)).data?.node.cells).toEqual([{ source: 'v = "ours"' }]);
    expect(await exported(notebook.path)).toContain('v = "theirs"');
    // The reconciler leaves a conflict alone as well.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await exported(notebook.path)).toContain('v = "theirs"');

    const forced = await sync(notebook.id, 'PUSH', true);
    expect(forced.data?.syncNotebook.sync.status).toBe('SYNCED');
    expect(await exported(notebook.path)).toContain('v = "ours"');
  });

  it('lets a forced PULL take the workspace side of a conflict', async () => {
    const notebook = await created(['w = 0'], 'Forced pull');
    await emulator.injectFaults([{ kind: 'error', status: 503 }]);
    await update(notebook.id, ['w = "ours"']);
    await holdFromReconciler(notebook.id);
    await databricksBack();
    await editInWorkspace(notebook.path, 'w = "theirs"');
    expect((await sync(notebook.id, 'PULL')).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const pulled = await sync(notebook.id, 'PULL', true);
    expect(pulled.data?.syncNotebook).toMatchObject({
      cells: [{ source: 'w = "theirs"' }],
      sync: { status: 'SYNCED' },
    });
  });
});

describe('deleting a notebook', () => {
  it('removes both sides', async () => {
    const notebook = await created(['1'], 'Doomed');
    expect((await api.graphql(DELETE, { id: notebook.id }, tokens.DATA_ENGINEER)).errors).toBeUndefined();
    expect((await node(notebook.id)).data?.node).toBeNull();
    expect(await rowOf(notebook.id)).toBeNull();
    await expect(statusOf(notebook.path)).rejects.toThrow(/doesn't exist/);
  });

  it('leaves a tombstone while Databricks is down, which the reconciler finishes', async () => {
    const notebook = await created(['1'], 'Tombstone');
    await emulator.injectFaults([{ kind: 'error', status: 503 }]);
    expect((await api.graphql(DELETE, { id: notebook.id }, tokens.DATA_ENGINEER)).errors).toBeUndefined();
    expect((await node(notebook.id)).data?.node).toBeNull();
    expect(await rowOf(notebook.id)).toMatchObject({ deletedAt: expect.any(Date), syncStatus: 'LOCAL_ONLY' });
    await databricksBack();
    await expect.poll(() => rowOf(notebook.id), { timeout: 30_000 }).toBeNull();
    await expect(statusOf(notebook.path)).rejects.toThrow(/doesn't exist/);
  });
});

describe('executing a notebook', () => {
  const finish = async (runId: string) =>
    (await subscribeOverWebSocket(server.url, tokens.DATA_ENGINEER, RUN_EVENTS, { runId })).at(-1).runEvents.event;

  it('runs it through the run machinery, live to success with its output, and lists the run', async () => {
    const notebook = await created(['total = 42', 'dbutils.notebook.exit(\'{"total": 42}\')'], 'Executed');
    const result = await api.graphql(
      EXECUTE,
      { id: notebook.id, parameters: { day: '2026-12-04' }, key: 'k1' },
      tokens.DATA_ENGINEER,
    );
    expect(result.errors).toBeUndefined();
    const run = result.data?.executeNotebook;
    expect(run).toMatchObject({ kind: 'NOTEBOOK' });
    expect(await runRow(run.id)).toMatchObject({ notebookPath: notebook.path });
    expect((await finish(run.id)).type).toBe('RUN_COMPLETED');

    const again = await api.graphql(EXECUTE, { id: notebook.id, key: 'k1' }, tokens.DATA_ENGINEER);
    expect(again.data?.executeNotebook.id).toBe(run.id);
    const listed = await node(notebook.id, tokens.ANALYST, 'runs { nodes { id resultState output parameters } }');
    expect(listed.data?.node.runs.nodes).toEqual([
      { id: run.id, resultState: 'SUCCESS', output: { total: 42 }, parameters: { day: '2026-12-04' } },
    ]);
  });

  it('syncs a notebook with unsynced edits before running it, and says why when it cannot', async () => {
    const notebook = await created(['1'], 'Unsynced');
    await emulator.injectFaults([{ kind: 'error', status: 503 }]);
    await update(notebook.id, ['dbutils.notebook.exit("edited")']);
    const refused = await api.graphql(EXECUTE, { id: notebook.id }, tokens.DATA_ENGINEER);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'DATABRICKS_UNAVAILABLE', reason: 'NOT_SYNCED' });
    expect(await api.prisma.jobRun.count({ where: { notebookPath: notebook.path } })).toBe(0);
    await holdFromReconciler(notebook.id); // the execute request syncs it itself
    await databricksBack();
    expect(await rowOf(notebook.id)).toMatchObject({ syncStatus: 'LOCAL_ONLY' });
    const run = (await api.graphql(EXECUTE, { id: notebook.id }, tokens.DATA_ENGINEER)).data?.executeNotebook;
    expect(await runRow(run.id)).toMatchObject({ notebookPath: notebook.path });
    expect(await exported(notebook.path)).toContain('dbutils.notebook.exit("edited")');
    expect((await finish(run.id)).type).toBe('RUN_COMPLETED');
    expect((await node(notebook.id, tokens.ANALYST, 'runs { nodes { output } }')).data?.node.runs.nodes).toEqual([
      { output: 'edited' },
    ]);
  });
});

describe('roles and tenants', () => {
  let id: string;
  beforeAll(async () => {
    id = (await create(['secret = 1'], tokens.CUSTOMER_ADMIN, 'Roles')).data?.createNotebook.id;
  });

  it('lets analysts read cells and runs but change nothing', async () => {
    expect((await node(id, tokens.ANALYST, 'name cells { source } runs { nodes { id } }')).errors).toBeUndefined();
    const attempts = [
      create(['1'], tokens.ANALYST),
      update(id, ['2'], tokens.ANALYST),
      sync(id, 'PUSH', false, tokens.ANALYST),
      api.graphql(DELETE, { id }, tokens.ANALYST),
      api.graphql(EXECUTE, { id }, tokens.ANALYST),
    ];
    for (const attempt of await Promise.all(attempts)) expect(attempt.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await rowOf(id)).toMatchObject({ cells: [{ source: 'secret = 1' }] });
  });

  it('shows members the metadata only', async () => {
    const meta = await node(id, tokens.MEMBER, 'name language path sync { status }');
    expect(meta.data?.node).toMatchObject({ name: 'Roles', language: 'PYTHON', sync: { status: 'SYNCED' } });
    expect((await node(id, tokens.MEMBER, 'cells { source }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await node(id, tokens.MEMBER, 'runs { nodes { id } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.graphql(EXECUTE, { id }, tokens.MEMBER)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets customer admins and data engineers change, execute and delete', async () => {
    const mine = (await create(['1'], tokens.DATA_ENGINEER, 'Shared')).data?.createNotebook.id;
    expect((await update(mine, ['2'], tokens.CUSTOMER_ADMIN)).errors).toBeUndefined();
    expect((await sync(mine, 'PULL', false, tokens.CUSTOMER_ADMIN)).errors).toBeUndefined();
    expect((await api.graphql(EXECUTE, { id: mine }, tokens.CUSTOMER_ADMIN)).errors).toBeUndefined();
    expect((await api.graphql(DELETE, { id: mine }, tokens.CUSTOMER_ADMIN)).errors).toBeUndefined();
  });

  it('hides notebooks from another tenant entirely and refuses creating in its workspace', async () => {
    expect((await node(id, tokens.OTHER)).data?.node).toBeNull();
    const list = await api.graphql(`{ notebooks { nodes { id } } }`, {}, tokens.OTHER);
    expect(list.data?.notebooks.nodes).toEqual([]);
    const attempts = [
      update(id, ['stolen'], tokens.OTHER),
      sync(id, 'PULL', false, tokens.OTHER),
      api.graphql(DELETE, { id }, tokens.OTHER),
      api.graphql(EXECUTE, { id }, tokens.OTHER),
      create(['1'], tokens.OTHER),
    ];
    for (const attempt of await Promise.all(attempts)) expect(attempt.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await rowOf(id)).toMatchObject({ cells: [{ source: 'secret = 1' }], deletedAt: null });
    const own = await api.graphql(`{ notebooks { nodes { id } } }`, {}, tokens.MEMBER);
    expect(own.data?.notebooks.nodes.map((n: { id: string }) => n.id)).toContain(id);
  });
});

describe('Customer.databricksStatus', () => {
  it('counts the tenant’s notebooks and their share in Databricks, tombstones left out', async () => {
    const result = await api.graphql(
      `query($id: ID!) { customer(id: $id) { databricksStatus {
        resources { notebooks { total inDatabricks failing } } syncPercentage { notebooks }
      } } }`,
      { id: tenant.ids.customer },
      tokens.MEMBER,
    );
    expect(result.errors).toBeUndefined();
    const mine = { customerId: tenant.customer.id, deletedAt: null };
    const total = await api.prisma.notebook.count({ where: mine });
    const inDatabricks = await api.prisma.notebook.count({ where: { ...mine, syncStatus: 'SYNCED' } });
    const failing = await api.prisma.notebook.count({
      where: { ...mine, syncStatus: { in: ['LOCAL_ONLY', 'FAILED'] } },
    });
    expect(total).toBeGreaterThan(10);
    expect(result.data?.customer.databricksStatus).toEqual({
      resources: { notebooks: { total, inDatabricks, failing } },
      syncPercentage: { notebooks: Math.round((1000 * inDatabricks) / total) / 10 },
    });
  });
});

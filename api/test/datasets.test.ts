import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEmulator, EMULATOR_WAREHOUSE_ID } from './support/databricks.js';
import { sdkFor } from './support/databricks-sdk.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const dataDir = mkdtempSync(join(tmpdir(), 'copos-datasets-test-'));
const MAX_BYTES = 64 * 1024;
const api = createTestApi(
  { DATASETS_DIR: dataDir, DATASET_MAX_BYTES: String(MAX_BYTES), SYNC_RETRY_BASE_MS: '100', SYNC_RETRY_MAX_MS: '300' },
  { sync: { intervalMs: 100 } },
);
const emulator = testEmulator();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
const tokens: Record<string, string> = {};

const CLAIMS =
  'claim_id,policy,amount,filed_on,approved\n1,P-1,120.5,2026-01-03,true\n2,P-2,80,2026-01-04,false\n3,P-1,42.25,2026-01-05,true\n';

const UPLOAD = `mutation($input: UploadDatasetInput!) {
  uploadDataset(input: $input) { id name rowCount sizeBytes columns { name type } sync { status attempts error } table createdBy { id } }
}`;

/** A GraphQL multipart request (the spec's operations, map and one file part), as a browser sends it. */
async function upload(csv: string | Buffer, token: string, customerId = tenant.ids.customer, name = 'claims') {
  const body = new FormData();
  body.set('operations', JSON.stringify({ query: UPLOAD, variables: { input: { customerId, name, file: null } } }));
  body.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
  body.set('0', new Blob([typeof csv === 'string' ? csv : new Uint8Array(csv)], { type: 'text/csv' }), `${name}.csv`);
  const response = await api.request('/graphql', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'graphql-require-preflight': '1' },
    body,
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] };
}

const datasetState = (id: string, token = tokens.DATA_ENGINEER) =>
  api.graphql(
    `query($id: ID!) { node(id: $id) { ... on Dataset { sync { status attempts error } table } } }`,
    { id },
    token,
  );

async function waitForStatus(id: string, status: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = (await datasetState(id)).data?.node;
    if (state?.sync.status === status) return state;
    if (Date.now() > until) throw new Error(`Dataset stayed ${JSON.stringify(state)}, never ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const QUERY = `query($id: ID!, $statement: String!, $parameters: JSON) {
  datasetQuery(id: $id, statement: $statement, parameters: $parameters) { source columns rows truncated }
}`;
const query = (id: string, statement: string, parameters?: object, token = tokens.ANALYST) =>
  api.graphql(QUERY, { id, statement, parameters }, token);

/** Rows of a table on the emulator's warehouse, through the Statement Execution API. */
async function warehouseRows(statement: string): Promise<unknown[][]> {
  const response = await fetch(`${emulator.url}/api/2.0/sql/statements`, {
    method: 'POST',
    headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ statement, warehouse_id: EMULATOR_WAREHOUSE_ID, wait_timeout: '30s' }),
  });
  const result = (await response.json()) as {
    status: { state: string; error?: { message: string } };
    result?: { data_array?: unknown[][] };
  };
  if (result.status.state !== 'SUCCEEDED') throw new Error(result.status.error?.message ?? result.status.state);
  return result.result?.data_array ?? [];
}

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Datasets');
  other = await createTenant(api.prisma, 'Other');
  for (const role of ['CUSTOMER_ADMIN', 'DATA_ENGINEER', 'ANALYST', 'MEMBER'] as const) {
    tokens[role] = await api.tokenFor(tenant.users[role].id);
  }
  tokens.OTHER = await api.tokenFor(other.users.DATA_ENGINEER.id);
  await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: '1444828305810485', copId: tenant.cop.id }],
  });
  api.deps.sync.start();
});
afterAll(async () => {
  await emulator.clearFaults();
  await api.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('uploading a CSV', () => {
  let id: string;

  it('keeps a local copy with inferred columns at once, then syncs a Delta table in the tenant catalog', async () => {
    const result = await upload(CLAIMS, tokens.DATA_ENGINEER);
    expect(result.errors).toBeUndefined();
    const dataset = result.data?.uploadDataset;
    id = dataset.id;
    expect(dataset).toMatchObject({ name: 'claims', rowCount: 3, sizeBytes: CLAIMS.length });
    expect(dataset.createdBy.id).toBeDefined();
    expect(dataset.columns).toEqual([
      { name: 'claim_id', type: 'BIGINT' },
      { name: 'policy', type: 'STRING' },
      { name: 'amount', type: 'DOUBLE' },
      { name: 'filed_on', type: 'DATE' },
      { name: 'approved', type: 'BOOLEAN' },
    ]);
    expect(['PENDING', 'SYNCED']).toContain(dataset.sync.status);

    const synced = await waitForStatus(id, 'SYNCED');
    const catalog = `copos_${tenant.customer.name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
    expect(synced.table).toMatch(new RegExp(`^${catalog}\\.bronze\\.dataset_[0-9a-f]{32}$`));
    expect(await warehouseRows(`SELECT claim_id, policy FROM ${synced.table} ORDER BY claim_id`)).toEqual([
      ['1', 'P-1'],
      ['2', 'P-2'],
      ['3', 'P-1'],
    ]);
  });

  it('is read back by the official Databricks SDK exactly as the gateway created it, and audited', async () => {
    const sdk = sdkFor(emulator.url, emulator.token);
    const { table } = (await datasetState(id)).data!.node;
    const [catalog, schema] = table.split('.');
    const info = await sdk.tables.get({ full_name: table });
    expect(info.columns?.map((column) => [column.name, column.type_name])).toEqual([
      ['claim_id', 'LONG'],
      ['policy', 'STRING'],
      ['amount', 'DOUBLE'],
      ['filed_on', 'DATE'],
      ['approved', 'BOOLEAN'],
    ]);
    // (volumes.list of SDK 0.14 drops its query string on GET: read the volume by name instead.)
    const volume = await sdk.volumes.read({ name: `${catalog}.${schema}.uploads` });
    expect(volume).toMatchObject({
      catalog_name: catalog,
      schema_name: schema,
      name: 'uploads',
      volume_type: 'MANAGED',
    });
    const file = await sdk.files.getMetadata({
      file_path: `/Volumes/${catalog}/${schema}/uploads/${fromGlobal(id)}.parquet`,
    });
    // The local Parquet copy, byte for byte: the table has the local copy's columns and types.
    expect(Number(file['content-length'])).toBe(
      statSync(join(dataDir, 'datasets', fromGlobal(id), 'data.parquet')).size,
    );

    const audit = await api.prisma.auditLog.findFirstOrThrow({ where: { action: 'uploadDataset', entityId: id } });
    expect((audit.details as any).arguments.input.file).toEqual({
      file: 'claims.csv',
      type: 'text/csv',
      size: CLAIMS.length,
    });
  });

  it('previews rows page by page', async () => {
    const page = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Dataset { rows(first: 2) { nodes { values } pageInfo { hasNextPage endCursor } } } } }`,
      { id },
      tokens.ANALYST,
    );
    expect(page.errors).toBeUndefined();
    const rows = page.data?.node.rows;
    expect(rows.nodes.map((row: { values: unknown[] }) => row.values[1])).toEqual(['P-1', 'P-2']);
    expect(rows.pageInfo.hasNextPage).toBe(true);
  });

  it('answers a parameterised query on the warehouse once synced', async () => {
    const result = await query(
      id,
      'SELECT policy, sum(amount) AS total FROM dataset WHERE amount > :min GROUP BY policy ORDER BY policy',
      { min: 50 },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.datasetQuery).toMatchObject({
      source: 'DATABRICKS',
      columns: ['policy', 'total'],
      truncated: false,
    });
    expect(result.data?.datasetQuery.rows).toEqual([
      ['P-1', 120.5],
      ['P-2', 80],
    ]);
  });

  it('deletes both copies', async () => {
    const { table } = (await datasetState(id)).data!.node;
    const deleted = await api.graphql(`mutation($id: ID!) { deleteDataset(id: $id) }`, { id }, tokens.DATA_ENGINEER);
    expect(deleted.errors).toBeUndefined();
    expect((await datasetState(id)).data?.node).toBeNull();
    await expect
      .poll(async () => api.prisma.dataset.count({ where: { id: fromGlobal(id) } }), { timeout: 10_000 })
      .toBe(0);
    await expect(warehouseRows(`SELECT count(*) FROM ${table}`)).rejects.toThrow();
    expect(readdirSync(join(dataDir, 'datasets'))).not.toContain(fromGlobal(id));
  });
});

const fromGlobal = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;

describe('bad CSV files', () => {
  it.each([
    ['a ragged row', 'a,b\n1,2\n3\n', 'RAGGED_ROW', 3],
    ['an empty file', '', 'EMPTY_FILE', 1],
    ['a header without rows', 'a,b\n', 'EMPTY_FILE', 2],
    ['a duplicate header name', 'id,name,ID\n1,x,2\n', 'BAD_HEADER', 1],
    ['an empty header name', 'id,,name\n1,2,3\n', 'BAD_HEADER', 1],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]),
      'ENCODING',
      3,
    ],
  ])('refuses %s with the line number and creates nothing', async (_what, csv, reason, line) => {
    const before = await api.prisma.dataset.count();
    const result = await upload(csv, tokens.DATA_ENGINEER);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, line });
    expect(result.errors?.[0]?.message).toContain(`${line}`);
    expect(await api.prisma.dataset.count()).toBe(before);
    // This file's folder holds exactly this file's datasets (a worker's database also has other files' rows).
    const ours = await api.prisma.dataset.findMany({
      where: { customerId: { in: [tenant.customer.id, other.customer.id] } },
      select: { id: true },
    });
    expect(readdirSync(join(dataDir, 'datasets'))).toEqual(ours.map((row) => row.id).sort());
  });

  it('refuses a file over the configured size', async () => {
    const big = `a,b\n${'1,2\n'.repeat(MAX_BYTES / 4 + 10)}`;
    const result = await upload(big, tokens.DATA_ENGINEER);
    expect(result.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('datasetQuery checks', () => {
  let id: string;
  beforeAll(async () => {
    id = (await upload(CLAIMS, tokens.DATA_ENGINEER, tenant.ids.customer, 'checks')).data?.uploadDataset.id;
  });

  it.each([
    ['DDL', 'DROP TABLE dataset', /DROP statement/],
    ['DML', 'DELETE FROM dataset WHERE claim_id = 1', /DELETE statement/],
    ['an INSERT', "INSERT INTO dataset VALUES (9, 'x', 1, '2026-01-01', true)", /INSERT statement/],
    ['a second statement', 'SELECT 1 FROM dataset; SELECT 2 FROM dataset', /one statement/],
    [
      'another table',
      'SELECT * FROM dataset JOIN system.billing.usage ON true',
      /"system\.billing\.usage" was refused/,
    ],
    ['a table function', "SELECT * FROM read_csv('/etc/passwd')", /read_csv\(\) was refused/],
    ['a file as a table', "SELECT * FROM '/etc/passwd'", /"\/etc\/passwd" was refused/],
    ['a CTE hiding another table', 'WITH t AS (SELECT * FROM secrets) SELECT * FROM t', /"secrets" was refused/],
    ['a missing parameter', 'SELECT * FROM dataset WHERE amount > :min', /:min has no value/],
  ])('refuses %s naming it', async (_what, statement, message) => {
    const result = await query(id, statement);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
  });

  it('accepts CTEs, subqueries and quoted names that read only the dataset', async () => {
    const result = await query(
      id,
      `WITH big AS (SELECT * FROM "dataset" WHERE amount > :min) SELECT count(*) AS n, ':not a marker' AS s FROM big WHERE policy IN (SELECT policy FROM dataset)`,
      { min: 50 },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.datasetQuery.rows).toEqual([[2, ':not a marker']]);
  });
});

describe('local first while Databricks is down', () => {
  it('keeps the dataset usable locally, retries with back-off and converges once Databricks is back', async () => {
    await emulator.injectFaults([{ kind: 'error', status: 503 }]);
    const result = await upload(CLAIMS, tokens.DATA_ENGINEER, tenant.ids.customer, 'offline');
    expect(result.errors).toBeUndefined();
    const id = result.data?.uploadDataset.id;
    const failing = await waitForStatus(id, 'LOCAL_ONLY', 60_000);
    expect(failing.sync.error).toBeTruthy();
    const local = await query(id, 'SELECT count(*) AS n FROM dataset');
    expect(local.data?.datasetQuery).toMatchObject({ source: 'LOCAL', rows: [[3]] });

    await emulator.clearFaults();
    const synced = await waitForStatus(id, 'SYNCED', 60_000);
    expect(await warehouseRows(`SELECT count(*) FROM ${synced.table}`)).toEqual([['3']]);
  });

  it('deleting while Databricks is down leaves a tombstone the reconciler finishes', async () => {
    const id = (await upload(CLAIMS, tokens.DATA_ENGINEER, tenant.ids.customer, 'tombstone')).data?.uploadDataset.id;
    const { table } = await waitForStatus(id, 'SYNCED');
    await emulator.injectFaults([{ kind: 'error', status: 503 }]);
    await api.graphql(`mutation($id: ID!) { deleteDataset(id: $id) }`, { id }, tokens.DATA_ENGINEER);
    expect((await datasetState(id)).data?.node).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await api.prisma.dataset.count({ where: { id: fromGlobal(id) } })).toBe(1);
    await emulator.clearFaults();
    await expect.poll(() => api.prisma.dataset.count({ where: { id: fromGlobal(id) } }), { timeout: 60_000 }).toBe(0);
    await expect(warehouseRows(`SELECT count(*) FROM ${table}`)).rejects.toThrow();
  });

  it('stays DISABLED and never calls Databricks for a customer with Databricks off', async () => {
    await api.prisma.customer.update({ where: { id: tenant.customer.id }, data: { databricksEnabled: false } });
    try {
      await emulator.resetStats();
      const id = (await upload(CLAIMS, tokens.DATA_ENGINEER, tenant.ids.customer, 'local')).data?.uploadDataset.id;
      expect((await datasetState(id)).data?.node.sync.status).toBe('DISABLED');
      expect((await query(id, 'SELECT count(*) AS n FROM dataset')).data?.datasetQuery.source).toBe('LOCAL');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await datasetState(id)).data?.node).toMatchObject({ sync: { status: 'DISABLED' }, table: null });
      const retry = await api.graphql(
        `mutation($id: ID!) { retryDatasetSync(id: $id) { id } }`,
        { id },
        tokens.DATA_ENGINEER,
      );
      expect(retry.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await emulator.callsTo('PUT /api/2.0/fs/files/*path')).toBe(0);
      const row = await api.prisma.dataset.findUniqueOrThrow({ where: { id: fromGlobal(id) } });
      expect(row).toMatchObject({ syncAttempts: 0, remote: {}, syncNextAttemptAt: null });
    } finally {
      await api.prisma.customer.update({ where: { id: tenant.customer.id }, data: { databricksEnabled: true } });
    }
  });
});

describe('roles and tenants', () => {
  let id: string;
  beforeAll(async () => {
    id = (await upload(CLAIMS, tokens.CUSTOMER_ADMIN, tenant.ids.customer, 'roles')).data?.uploadDataset.id;
  });

  it('lets analysts read and query but not upload or delete', async () => {
    expect((await upload(CLAIMS, tokens.ANALYST)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const del = await api.graphql(`mutation($id: ID!) { deleteDataset(id: $id) }`, { id }, tokens.ANALYST);
    expect(del.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await query(id, 'SELECT count(*) FROM dataset')).errors).toBeUndefined();
  });

  it('shows members the metadata only', async () => {
    const meta = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Dataset { name rowCount columns { name } } } }`,
      { id },
      tokens.MEMBER,
    );
    expect(meta.data?.node).toMatchObject({ name: 'roles', rowCount: 3 });
    expect((await query(id, 'SELECT 1 FROM dataset', undefined, tokens.MEMBER)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const rows = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Dataset { rows(first: 1) { nodes { values } } } } }`,
      { id },
      tokens.MEMBER,
    );
    expect(rows.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('hides datasets from another tenant entirely and refuses uploads into it', async () => {
    expect((await datasetState(id, tokens.OTHER)).data?.node).toBeNull();
    expect((await query(id, 'SELECT 1 FROM dataset', undefined, tokens.OTHER)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    const list = await api.graphql(`{ datasets { nodes { id } } }`, {}, tokens.OTHER);
    expect(list.data?.datasets.nodes).toEqual([]);
    const before = await api.prisma.dataset.count();
    expect((await upload(CLAIMS, tokens.OTHER, tenant.ids.customer)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await api.prisma.dataset.count()).toBe(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceService, createWorkspaceStore } from '../src/services/workspace.js';
import { startTestEmulator, type TestEmulator } from './harness.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const fromB64 = (text: string) => Buffer.from(text, 'base64').toString('utf8');

describe('workspace objects API', () => {
  let emulator: TestEmulator;
  const store = createWorkspaceStore();
  const get = (path: string) => emulator.call('GET', path);
  const post = (path: string, body: unknown) => emulator.call('POST', path, body);

  beforeAll(async () => {
    emulator = await startTestEmulator({ routes: createWorkspaceService({ store }) });
  });
  afterAll(() => emulator.close());

  it('lists the seeded PetInsure360 notebooks with their object info', async () => {
    const { status, body } = await get('/api/2.0/workspace/list?path=/PetInsure360');
    expect(status).toBe(200);
    expect(body.objects.map((o: { path: string }) => o.path)).toEqual([
      '/PetInsure360/01_bronze_ingestion',
      '/PetInsure360/02_silver_transformations',
      '/PetInsure360/03_gold_aggregations',
    ]);
    const [bronze] = body.objects;
    expect(bronze).toMatchObject({ object_type: 'NOTEBOOK', language: 'PYTHON' });
    expect(bronze.object_id).toBeTypeOf('number');
    expect(bronze.resource_id).toBe(String(bronze.object_id));
    expect(bronze.created_at).toBeTypeOf('number');
    expect(bronze.modified_at).toBeGreaterThanOrEqual(bronze.created_at);
  });

  it('seeds the root folders, the user home and the usage-collection notebook', async () => {
    const root = await get('/api/2.0/workspace/list?path=/');
    expect(root.body.objects.map((o: { path: string }) => o.path)).toEqual([
      '/CoPOS',
      '/PetInsure360',
      '/Shared',
      '/Users',
    ]);
    const users = await get('/api/2.0/workspace/list?path=/Users');
    expect(users.body.objects[0]).toMatchObject({ path: '/Users/admin@cop-os.example.com', object_type: 'DIRECTORY' });
    const usage = store.getNotebook('/CoPOS/daily_usage_collection');
    expect(usage?.content).toContain('/api/v1/integrations/databricks/usage');
    expect(usage?.content).toContain('system.billing.usage');
    for (const name of ['customerId', 'copId', 'workspaceId', 'metricDate', 'metrics']) {
      expect(usage?.content).toContain(`"${name}"`);
    }
  });

  it('seeds pipeline notebooks that end by exiting with records_processed', () => {
    for (const layer of ['01_bronze_ingestion', '02_silver_transformations', '03_gold_aggregations']) {
      const notebook = store.getNotebook(`/PetInsure360/${layer}`);
      expect(notebook?.language).toBe('PYTHON');
      expect(notebook?.content).toMatch(/dbutils\.notebook\.exit\(json\.dumps\(\{"records_processed": [^\n]+\)\)$/);
    }
  });

  it('answers get-status for a folder and 404 RESOURCE_DOES_NOT_EXIST for a missing path', async () => {
    const folder = await get('/api/2.0/workspace/get-status?path=/Shared/');
    expect(folder.body).toMatchObject({ object_type: 'DIRECTORY', path: '/Shared' });
    const missing = await get('/api/2.0/workspace/get-status?path=/nowhere');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: "Path (/nowhere) doesn't exist." });
  });

  it('imports a SOURCE notebook and exports it back with the notebook header', async () => {
    const source = 'print("hello")\n\n# COMMAND ----------\n\nprint("world")';
    const imported = await post('/api/2.0/workspace/import', {
      path: '/Shared/hello',
      format: 'SOURCE',
      language: 'PYTHON',
      content: b64(`# Databricks notebook source\n${source}`),
    });
    expect(imported).toMatchObject({ status: 200, body: {} });
    expect(store.getNotebook('/Shared/hello')).toEqual({ path: '/Shared/hello', language: 'PYTHON', content: source });
    const exported = await get('/api/2.0/workspace/export?path=/Shared/hello&format=SOURCE');
    expect(exported.body.file_type).toBe('py');
    expect(fromB64(exported.body.content)).toBe(`# Databricks notebook source\n${source}`);
  });

  it('refuses to import over an existing path unless overwrite is set', async () => {
    const request = { path: '/Shared/twice', format: 'SOURCE', language: 'SQL', content: b64('SELECT 1') };
    await post('/api/2.0/workspace/import', request);
    const again = await post('/api/2.0/workspace/import', request);
    expect(again.status).toBe(400);
    expect(again.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
    const overwritten = await post('/api/2.0/workspace/import', {
      ...request,
      content: b64('SELECT 2'),
      overwrite: true,
    });
    expect(overwritten.status).toBe(200);
    expect(store.getNotebook('/Shared/twice')?.content).toBe('SELECT 2');
  });

  it('keeps the object id and moves modified_at on with every overwrite, however quick', async () => {
    const request = { path: '/Shared/edited', format: 'SOURCE', language: 'PYTHON', overwrite: true };
    await post('/api/2.0/workspace/import', { ...request, content: b64('x = 1') });
    const first = (await get('/api/2.0/workspace/get-status?path=/Shared/edited')).body;
    await post('/api/2.0/workspace/import', { ...request, content: b64('x = 2') });
    await post('/api/2.0/workspace/import', { ...request, content: b64('x = 3') });
    const last = (await get('/api/2.0/workspace/get-status?path=/Shared/edited')).body;
    expect(last).toMatchObject({ object_id: first.object_id, created_at: first.created_at, language: 'PYTHON' });
    expect(last.modified_at).toBeGreaterThanOrEqual(first.modified_at + 2);
  });

  it('imports into a missing folder with RESOURCE_DOES_NOT_EXIST', async () => {
    const { status, body } = await post('/api/2.0/workspace/import', {
      path: '/Missing/nb',
      language: 'PYTHON',
      content: b64('1'),
    });
    expect(status).toBe(404);
    expect(body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('imports a Jupyter notebook and exports it as JUPYTER with the same cells', async () => {
    const ipynb = {
      cells: [
        { cell_type: 'markdown', source: ['# Title'] },
        { cell_type: 'code', source: ['x = 1\n', 'print(x)'] },
      ],
      metadata: { language_info: { name: 'python' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    await post('/api/2.0/workspace/import', {
      path: '/Shared/jup.ipynb',
      format: 'JUPYTER',
      content: b64(JSON.stringify(ipynb)),
    });
    const status = await get('/api/2.0/workspace/get-status?path=/Shared/jup');
    expect(status.body).toMatchObject({ object_type: 'NOTEBOOK', language: 'PYTHON' });
    expect(store.getNotebook('/Shared/jup')?.content).toContain('# MAGIC %md');
    const exported = await get('/api/2.0/workspace/export?path=/Shared/jup&format=JUPYTER');
    expect(exported.body.file_type).toBe('ipynb');
    const cells = JSON.parse(fromB64(exported.body.content)).cells;
    expect(cells).toHaveLength(2);
    expect(cells[1].source.join('')).toBe('x = 1\nprint(x)');
  });

  it('AUTO-imports a source file with the header as a notebook and other content as a file', async () => {
    await post('/api/2.0/workspace/import', {
      path: '/Shared/auto.sql',
      format: 'AUTO',
      content: b64('-- Databricks notebook source\nSELECT 1'),
    });
    expect(store.getNotebook('/Shared/auto')).toMatchObject({ language: 'SQL', content: 'SELECT 1' });
    await post('/api/2.0/workspace/import', { path: '/Shared/data.csv', format: 'AUTO', content: b64('a,b\n1,2') });
    const file = await get('/api/2.0/workspace/get-status?path=/Shared/data.csv');
    expect(file.body).toMatchObject({ object_type: 'FILE', size: 7 });
  });

  it('overwrites a notebook with a file, keeping its id but not its language', async () => {
    const before = await get('/api/2.0/workspace/get-status?path=/Shared/twice');
    await post('/api/2.0/workspace/import', {
      path: '/Shared/twice',
      format: 'RAW',
      content: b64('x'),
      overwrite: true,
    });
    const after = await get('/api/2.0/workspace/get-status?path=/Shared/twice');
    expect(after.body).toMatchObject({ object_type: 'FILE', object_id: before.body.object_id, size: 1 });
    expect(after.body.language).toBeUndefined();
  });

  it('exports raw bytes with direct_download', async () => {
    const { status, headers, body } = await get('/api/2.0/workspace/export?path=/Shared/data.csv&direct_download=true');
    expect(status).toBe(200);
    expect(headers['content-disposition']).toContain('data.csv');
    expect(body).toBe('a,b\n1,2');
  });

  it('mkdirs creates parents and fails on an existing file', async () => {
    await post('/api/2.0/workspace/mkdirs', { path: '/Shared/a/b/c' });
    const nested = await get('/api/2.0/workspace/get-status?path=/Shared/a/b/c');
    expect(nested.body.object_type).toBe('DIRECTORY');
    const onFile = await post('/api/2.0/workspace/mkdirs', { path: '/Shared/data.csv' });
    expect(onFile.status).toBe(400);
    expect(onFile.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
  });

  it('delete needs recursive for a non-empty folder', async () => {
    const refused = await post('/api/2.0/workspace/delete', { path: '/Shared/a' });
    expect(refused.status).toBe(400);
    expect(refused.body.error_code).toBe('DIRECTORY_NOT_EMPTY');
    expect((await post('/api/2.0/workspace/delete', { path: '/Shared/a', recursive: true })).status).toBe(200);
    expect((await get('/api/2.0/workspace/get-status?path=/Shared/a/b')).status).toBe(404);
    expect((await post('/api/2.0/workspace/delete', { path: '/Shared/a' })).body.error_code).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );
  });

  it('lists an empty folder as an empty object, like Databricks', async () => {
    await post('/api/2.0/workspace/mkdirs', { path: '/Shared/empty' });
    const { body } = await get('/api/2.0/workspace/list?path=/Shared/empty');
    expect(body).toEqual({});
  });

  it('rejects a relative path with INVALID_PARAMETER_VALUE', async () => {
    const { status, body } = await get('/api/2.0/workspace/list?path=Shared');
    expect(status).toBe(400);
    expect(body.error_code).toBe('INVALID_PARAMETER_VALUE');
  });
});

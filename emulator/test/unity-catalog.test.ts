import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSqlEmulator } from './sql-fixture.js';

describe('Unity Catalog API 2.1 over the SQL engine', () => {
  let emulator: Awaited<ReturnType<typeof startSqlEmulator>>;
  beforeAll(async () => {
    emulator = await startSqlEmulator();
  });
  afterAll(() => emulator?.close());

  const uc = '/api/2.1/unity-catalog';

  it('lists the system catalog with its schemas and tables', async () => {
    const catalogs = await emulator.call('GET', `${uc}/catalogs`);
    expect(catalogs.body.catalogs.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['main', 'system']),
    );
    const schemas = await emulator.call('GET', `${uc}/schemas?catalog_name=system`);
    expect(schemas.body.schemas.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['access', 'billing', 'lakeflow', 'query', 'serving']),
    );
    const usage = await emulator.call('GET', `${uc}/tables/system.billing.usage`);
    expect(usage.body.columns.find((c: { name: string }) => c.name === 'usage_quantity')).toMatchObject({
      type_name: 'DECIMAL',
      type_text: 'decimal(38,18)',
    });
  });

  it('creates a catalog and schema through the API that SQL can use, then deletes them', async () => {
    expect((await emulator.call('POST', `${uc}/catalogs`, { name: 'tenant_acme', comment: 'Acme' })).status).toBe(200);
    expect((await emulator.call('POST', `${uc}/catalogs`, { name: 'tenant_acme' })).status).toBe(409);
    expect((await emulator.call('POST', `${uc}/schemas`, { catalog_name: 'tenant_acme', name: 'bronze' })).status).toBe(
      200,
    );
    await emulator.engine.execute('CREATE TABLE tenant_acme.bronze.claims (id BIGINT) USING DELTA');

    const schemas = await emulator.call('GET', `${uc}/schemas?catalog_name=tenant_acme`);
    expect(schemas.body.schemas.map((s: { name: string }) => s.name)).toEqual(['bronze', 'default']);
    const table = await emulator.call('GET', `${uc}/tables/tenant_acme.bronze.claims`);
    expect(table.body).toMatchObject({ table_type: 'MANAGED', data_source_format: 'DELTA', schema_name: 'bronze' });

    expect((await emulator.call('DELETE', `${uc}/catalogs/tenant_acme`)).status).toBe(200);
    expect((await emulator.call('GET', `${uc}/catalogs/tenant_acme`)).status).toBe(404);
  });

  it('pages tables with max_results and page_token', async () => {
    await emulator.engine.execute('CREATE SCHEMA main.paging');
    for (const name of ['a', 'b', 'c']) await emulator.engine.execute(`CREATE TABLE main.paging.${name} (id INT)`);
    const first = await emulator.call('GET', `${uc}/tables?catalog_name=main&schema_name=paging&max_results=2`);
    expect(first.body.tables.map((t: { name: string }) => t.name)).toEqual(['a', 'b']);
    const second = await emulator.call(
      'GET',
      `${uc}/tables?catalog_name=main&schema_name=paging&max_results=2&page_token=${first.body.next_page_token}`,
    );
    expect(second.body.tables.map((t: { name: string }) => t.name)).toEqual(['c']);
    expect(second.body.next_page_token).toBeUndefined();
  });

  it('answers 404 in Databricks shape for a missing table', async () => {
    const { status, body } = await emulator.call('GET', `${uc}/tables/main.default.missing`);
    expect(status).toBe(404);
    expect(body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAREHOUSE_ID } from '../src/services/warehouses.js';
import { startSqlEmulator } from './sql-fixture.js';

describe('SQL warehouses API', () => {
  let emulator: Awaited<ReturnType<typeof startSqlEmulator>>;
  beforeAll(async () => {
    emulator = await startSqlEmulator();
  });
  afterAll(() => emulator?.close());

  it('lists one running serverless warehouse whose odbc_params point at this server', async () => {
    const { body } = await emulator.call('GET', '/api/2.0/sql/warehouses');
    expect(body.warehouses).toHaveLength(1);
    const [warehouse] = body.warehouses;
    const url = new URL(emulator.url);
    expect(warehouse).toMatchObject({
      id: WAREHOUSE_ID,
      name: 'emulator-warehouse',
      state: 'RUNNING',
      enable_serverless_compute: true,
    });
    expect(warehouse.odbc_params).toEqual({
      hostname: url.hostname,
      port: Number(url.port),
      protocol: 'https',
      path: `/sql/1.0/warehouses/${WAREHOUSE_ID}`,
    });
  });

  it('stops and starts the warehouse, and answers 404 for another id', async () => {
    await emulator.call('POST', `/api/2.0/sql/warehouses/${WAREHOUSE_ID}/stop`);
    expect((await emulator.call('GET', `/api/2.0/sql/warehouses/${WAREHOUSE_ID}`)).body.state).toBe('STOPPED');
    await emulator.call('POST', `/api/2.0/sql/warehouses/${WAREHOUSE_ID}/start`);
    expect((await emulator.call('GET', `/api/2.0/sql/warehouses/${WAREHOUSE_ID}`)).body.state).toBe('RUNNING');
    const missing = await emulator.call('GET', '/api/2.0/sql/warehouses/ffffffffffffffff');
    expect(missing.status).toBe(404);
  });
});

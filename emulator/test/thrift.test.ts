import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSqlEmulator } from './sql-fixture.js';

type Emulator = Awaited<ReturnType<typeof startSqlEmulator>>;
type Driver = Awaited<ReturnType<Emulator['openDriverSession']>>;

describe('Thrift HiveServer2 endpoint with the official @databricks/sql driver', () => {
  let emulator: Emulator;
  let driver: Driver;

  beforeAll(async () => {
    emulator = await startSqlEmulator();
    driver = await emulator.openDriverSession();
  });
  afterAll(async () => {
    await driver?.close();
    await emulator?.close();
  });

  async function query(sql: string, options: Record<string, unknown> = {}) {
    const operation = await driver.session.executeStatement(sql, options);
    const rows = await operation.fetchAll();
    await operation.close();
    return rows as Record<string, unknown>[];
  }

  it('refuses a warehouse id that does not exist with HTTP 404, as Databricks does', async () => {
    await expect(emulator.openDriverSession('0123456789abcdef')).rejects.toThrow(/404/);
    const raw = await emulator.call('POST', '/sql/1.0/warehouses/0123456789abcdef');
    expect(raw).toMatchObject({ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
  });

  it('answers a named-parameter usage aggregation with the same rows as the engine, dates as Date', async () => {
    const start = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const sql =
      'SELECT usage_date, SUM(usage_quantity) AS dbus FROM system.billing.usage WHERE usage_date >= :start GROUP BY usage_date ORDER BY usage_date';
    const rows = await query(sql, { namedParameters: { start } });
    const direct = await emulator.engine.execute(sql, { start });

    expect(rows.length).toBe(direct.rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(rows[0].usage_date).toBeInstanceOf(Date);
    expect((rows[0].usage_date as Date).toISOString().slice(0, 10)).toBe(start);
    rows.forEach((row, i) => {
      expect((row.usage_date as Date).getTime()).toBe((direct.rows[i][0] as Date).getTime());
      expect(row.dbus as number).toBeCloseTo(direct.rows[i][1] as number, 6);
    });
  });

  it('pages a large result over several FetchResults calls of maxRows', async () => {
    const operation = await driver.session.executeStatement('SELECT range AS n FROM range(0, 2500) ORDER BY n', {
      maxRows: 1000,
    });
    const pages: unknown[][] = [];
    do {
      pages.push(await operation.fetchChunk({ maxRows: 1000 }));
    } while (await operation.hasMoreRows());
    await operation.close();

    expect(pages.map((p) => p.length)).toEqual([1000, 1000, 500]);
    expect((pages[2].at(-1) as { n: number }).n).toBe(2499);
  });

  it('returns structs and maps as objects and timestamps as Date', async () => {
    const [row] = await query(
      "SELECT usage_metadata, custom_tags, usage_start_time FROM system.billing.usage WHERE billing_origin_product = 'JOBS' LIMIT 1",
    );
    expect((row.usage_metadata as { job_id: string }).job_id).toMatch(/^\d+$/);
    expect(typeof (row.custom_tags as Record<string, string>).team).toBe('string');
    expect(row.usage_start_time).toBeInstanceOf(Date);
  });

  it('throws the engine error message for a failing query', async () => {
    await expect(query('SELECT * FROM main.default.no_such_table')).rejects.toThrow(/no_such_table/);
  });

  it('runs CREATE TABLE USING DELTA, INSERT, UPDATE, DELETE and MERGE', async () => {
    await query('CREATE SCHEMA IF NOT EXISTS main.crm');
    await query(
      "CREATE TABLE main.crm.accounts (id BIGINT, name STRING COMMENT 'display name', tier STRING) USING DELTA COMMENT 'CRM accounts' TBLPROPERTIES ('delta.enableChangeDataFeed' = 'true')",
    );
    const [inserted] = await query("INSERT INTO main.crm.accounts VALUES (1, 'Acme', 'gold'), (2, 'Globex', 'silver')");
    expect(inserted.num_inserted_rows).toBe(2);
    await query('UPDATE main.crm.accounts SET tier = :tier WHERE id = :id', {
      namedParameters: { tier: 'platinum', id: 1 },
    });
    await query('DELETE FROM main.crm.accounts WHERE id = 2');
    await query(
      "MERGE INTO main.crm.accounts t USING (SELECT 3 AS id, 'Initech' AS name, 'bronze' AS tier) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (id, name, tier) VALUES (s.id, s.name, s.tier)",
    );
    expect(await query('SELECT id, name, tier FROM main.crm.accounts ORDER BY id')).toEqual([
      { id: 1, name: 'Acme', tier: 'platinum' },
      { id: 3, name: 'Initech', tier: 'bronze' },
    ]);

    const table = await emulator.call('GET', '/api/2.1/unity-catalog/tables/main.crm.accounts');
    expect(table.status).toBe(200);
    expect(table.body).toMatchObject({
      full_name: 'main.crm.accounts',
      table_type: 'MANAGED',
      comment: 'CRM accounts',
    });
    expect(table.body.columns[1]).toMatchObject({
      name: 'name',
      type_name: 'STRING',
      position: 1,
      comment: 'display name',
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSqlEmulator } from './sql-fixture.js';

type Emulator = Awaited<ReturnType<typeof startSqlEmulator>>;
type Driver = Awaited<ReturnType<Emulator['openDriverSession']>>;

const TYPED = `SELECT CAST(7 AS TINYINT) AS tiny, CAST(300 AS SMALLINT) AS small, CAST(70000 AS INT) AS i,
  CAST(4000000000123 AS BIGINT) AS big, CAST(-5 AS BIGINT) AS negative, CAST(1.5 AS DOUBLE) AS d, true AS flag,
  'text' AS s, CAST('2026-12-04' AS DATE) AS day, CAST('2026-12-04 18:30:00.123' AS TIMESTAMP) AS at,
  CAST(NULL AS STRING) AS nothing, CAST(NULL AS INT) AS no_number`;

describe('Thrift results column-based, for a driver with Arrow turned off', () => {
  let emulator: Emulator;
  let columns: Driver;
  let arrow: Driver;

  beforeAll(async () => {
    emulator = await startSqlEmulator();
    columns = await emulator.openDriverSession(undefined, { arrow: false });
    arrow = await emulator.openDriverSession();
  });
  afterAll(async () => {
    await columns?.close();
    await arrow?.close();
    await emulator?.close();
  });

  async function query(driver: Driver, sql: string, options: Record<string, unknown> = {}) {
    const operation = await driver.session.executeStatement(sql, options);
    const rows = (await operation.fetchAll()) as Record<string, unknown>[];
    await operation.close();
    return { rows };
  }

  it('answers column-based when the driver does not read Arrow (dates as text), Arrow when it does (Date)', async () => {
    const sql = "SELECT CAST('2026-12-04' AS DATE) AS day";
    expect((await query(columns, sql)).rows).toEqual([{ day: '2026-12-04' }]);
    expect((await query(arrow, sql)).rows[0]!.day).toBeInstanceOf(Date);
  });

  it('gives every type its value: numbers as numbers, nulls as null, dates and timestamps as text', async () => {
    const { rows } = await query(columns, TYPED);
    expect(rows).toEqual([
      {
        tiny: 7,
        small: 300,
        i: 70000,
        big: 4000000000123,
        negative: -5,
        d: 1.5,
        flag: true,
        s: 'text',
        day: '2026-12-04',
        at: '2026-12-04 18:30:00.123',
        nothing: null,
        no_number: null,
      },
    ]);
  });

  it('returns structs and maps as objects, parsed from their JSON text', async () => {
    const sql =
      "SELECT usage_metadata, custom_tags FROM system.billing.usage WHERE billing_origin_product = 'JOBS' LIMIT 1";
    const [row] = (await query(columns, sql)).rows;
    expect((row!.usage_metadata as { job_id: string }).job_id).toMatch(/^\d+$/);
    expect(row).toEqual((await query(arrow, sql)).rows[0]);
  });

  it('reads the same rows as Arrow does, nulls in place, with named parameters', async () => {
    const sql = `SELECT n, CASE WHEN n % 3 = 0 THEN NULL ELSE 'row ' || CAST(n AS STRING) END AS label
      FROM range(0, 50) AS r(n) WHERE n >= :from ORDER BY n`;
    const options = { namedParameters: { from: 10 } };
    const fromColumns = await query(columns, sql, options);
    const fromArrow = await query(arrow, sql, options);
    expect(fromColumns.rows).toHaveLength(40);
    expect(fromColumns.rows).toEqual(fromArrow.rows.map((row) => ({ ...row, n: Number(row.n) })));
    expect(fromColumns.rows[2]).toEqual({ n: 12, label: null });
  });

  it('answers statements without result columns (DDL) at once, and writes as row counts', async () => {
    const statements = [
      'CREATE CATALOG IF NOT EXISTS columns_test',
      'CREATE SCHEMA IF NOT EXISTS columns_test.main',
      'CREATE TABLE IF NOT EXISTS columns_test.main.t (a STRING) USING DELTA',
    ];
    for (const sql of statements) expect((await query(columns, sql)).rows).toEqual([]);
    expect((await query(columns, "INSERT INTO columns_test.main.t VALUES ('x')")).rows).toEqual([
      { num_affected_rows: 1, num_inserted_rows: 1 },
    ]);
    expect((await query(columns, 'SELECT a FROM columns_test.main.t')).rows).toEqual([{ a: 'x' }]);
  });

  it('pages a large result over several FetchResults calls', async () => {
    const operation = await columns.session.executeStatement('SELECT range AS n FROM range(0, 2500) ORDER BY n', {
      maxRows: 1000,
    });
    const pages: unknown[][] = [];
    do {
      pages.push(await operation.fetchChunk({ maxRows: 1000 }));
    } while (await operation.hasMoreRows());
    await operation.close();
    expect(pages.filter((p) => p.length > 0).map((p) => p.length)).toEqual([1000, 1000, 500]);
    expect((pages.flat().at(-1) as { n: number }).n).toBe(2499);
  });
});

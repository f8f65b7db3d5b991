import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlEngine } from '../src/sql/engine.js';
import { startSqlEmulator } from './sql-fixture.js';

type Emulator = Awaited<ReturnType<typeof startSqlEmulator>>;
type Driver = Awaited<ReturnType<Emulator['openDriverSession']>>;

describe('Delta tables through the official driver: DML, key constraints, history and time travel', () => {
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

  async function query(sql: string, namedParameters?: Record<string, string | number>) {
    const operation = await driver.session.executeStatement(sql, { namedParameters });
    const rows = await operation.fetchAll();
    await operation.close();
    return rows as Record<string, unknown>[];
  }

  it('accepts informational primary and foreign keys, and does not enforce them (as Databricks)', async () => {
    await query('CREATE CATALOG IF NOT EXISTS crm_t');
    await query('CREATE SCHEMA IF NOT EXISTS crm_t.main');
    await query(`CREATE TABLE IF NOT EXISTS crm_t.main.accounts (
      bsnid STRING NOT NULL, team STRING COMMENT 'the team, key or not', updated_at TIMESTAMP,
      CONSTRAINT accounts_pk PRIMARY KEY (bsnid) RELY) USING DELTA COMMENT 'CRM accounts'`);
    await query(`CREATE TABLE IF NOT EXISTS crm_t.main.updates (
      id STRING NOT NULL PRIMARY KEY, account_bsnid STRING,
      CONSTRAINT updates_account_fk FOREIGN KEY (account_bsnid) REFERENCES crm_t.main.accounts (bsnid) NOT ENFORCED
    ) USING DELTA`);
    await query("INSERT INTO crm_t.main.updates VALUES ('u1', 'nobody')");
    expect(await query('SELECT * FROM crm_t.main.updates')).toEqual([{ id: 'u1', account_bsnid: 'nobody' }]);
  });

  it('runs UPDATE, DELETE and MERGE INTO with named parameters and reports the rows they changed', async () => {
    await query('INSERT INTO crm_t.main.accounts VALUES (:a, :t, current_timestamp()), (:b, :t, current_timestamp())', {
      a: 'BSN-1',
      b: 'BSN-2',
      t: 'Claims Analytics',
    });
    const [updated] = await query('UPDATE crm_t.main.accounts SET team = :team WHERE bsnid = :id', {
      team: 'Claims Data Science',
      id: 'BSN-1',
    });
    expect(Number(updated.num_affected_rows)).toBe(1);
    await query(
      `MERGE INTO crm_t.main.accounts AS t USING (SELECT :id AS bsnid, :team AS team, current_timestamp() AS updated_at) AS s
       ON t.bsnid = s.bsnid WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *`,
      { id: 'BSN-3', team: 'Underwriting' },
    );
    const [deleted] = await query('DELETE FROM crm_t.main.accounts WHERE bsnid = :id', { id: 'BSN-2' });
    expect(Number(deleted.num_affected_rows)).toBe(1);
    const rows = await query(
      "SELECT bsnid, team FROM crm_t.main.accounts WHERE team ILIKE '%claims%' OR bsnid = 'BSN-3' ORDER BY bsnid",
    );
    expect(rows).toEqual([
      { bsnid: 'BSN-1', team: 'Claims Data Science' },
      { bsnid: 'BSN-3', team: 'Underwriting' },
    ]);
  });

  it('describes the history: one version per committed write, newest first; no-op writes make none', async () => {
    await query("UPDATE crm_t.main.accounts SET team = 'x' WHERE bsnid = 'missing'");
    const history = await query('DESCRIBE HISTORY crm_t.main.accounts');
    expect(history.map((h) => [Number(h.version), h.operation])).toEqual([
      [4, 'DELETE'],
      [3, 'MERGE'],
      [2, 'UPDATE'],
      [1, 'WRITE'],
      [0, 'CREATE TABLE'],
    ]);
    expect(history[0]).toMatchObject({ userName: 'admin@cop-os.example.com', readVersion: 3 });
    expect(history[0].timestamp).toBeInstanceOf(Date);
    expect(await query('DESCRIBE HISTORY crm_t.main.accounts LIMIT 1')).toHaveLength(1);
  });

  it('reads a table as of a version or a timestamp', async () => {
    const v1 = await query('SELECT bsnid, team FROM crm_t.main.accounts VERSION AS OF 1 ORDER BY bsnid');
    expect(v1).toEqual([
      { bsnid: 'BSN-1', team: 'Claims Analytics' },
      { bsnid: 'BSN-2', team: 'Claims Analytics' },
    ]);
    const byParam = await query('SELECT count(*) AS n FROM crm_t.main.accounts VERSION AS OF :v', { v: 3 });
    expect(Number(byParam[0].n)).toBe(3);
    const [v2] = await query('DESCRIBE HISTORY crm_t.main.accounts LIMIT 1');
    const at = (v2.timestamp as Date).toISOString();
    const now = await query('SELECT count(*) AS n FROM crm_t.main.accounts TIMESTAMP AS OF :at', { at });
    expect(Number(now[0].n)).toBe(2);
    await expect(query('SELECT * FROM crm_t.main.accounts VERSION AS OF 9')).rejects.toThrow(
      /Available versions: \[0, 4\]/,
    );
    await expect(query("SELECT * FROM crm_t.main.accounts TIMESTAMP AS OF '2001-01-01'")).rejects.toThrow(
      /before the earliest version/,
    );
  });

  it('keeps catalogs, tables and their history in files across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'emulator-data-'));
    try {
      const first = await createSqlEngine({ seed: 1, days: 1, workspaceIds: ['1'], dataDir });
      await first.execute('CREATE CATALOG IF NOT EXISTS kept');
      await first.execute('CREATE TABLE kept.default.t (id INT)');
      await first.execute('INSERT INTO kept.default.t VALUES (1), (2)');
      await first.execute('CREATE TABLE main.default.m AS SELECT 42 AS answer');
      await first.close();

      const second = await createSqlEngine({ seed: 1, days: 1, workspaceIds: ['1'], dataDir });
      expect((await second.execute('SELECT count(*) FROM kept.default.t')).rows).toEqual([[2n]]);
      expect((await second.execute('SELECT answer FROM main.default.m')).rows).toEqual([[42]]);
      expect((await second.execute('SELECT count(*) FROM kept.default.t VERSION AS OF 0')).rows).toEqual([[0n]]);
      await second.execute('DROP CATALOG kept CASCADE');
      await second.close();

      const third = await createSqlEngine({ seed: 1, days: 1, workspaceIds: ['1'], dataDir });
      await expect(third.execute('SELECT * FROM kept.default.t')).rejects.toThrow();
      await third.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

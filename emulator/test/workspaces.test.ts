import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/app.js';
import { WAREHOUSE_ID } from '../src/services/warehouses.js';

const SECOND = '2002002002002001';

describe('several workspaces side by side', () => {
  let emulator: RunningEmulator;
  let agent: Agent;
  let dataDir: string;

  const start = () =>
    startEmulator({
      port: 0,
      speed: 200,
      quiet: true,
      dataDir,
      caFile: join(dataDir, 'ca.pem'),
      extraWorkspaces: [{ workspaceId: SECOND, port: 0 }],
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'emulator-workspaces-'));
    emulator = await start();
    agent = new Agent({ connect: { ca: emulator.caPem } });
  });
  afterAll(async () => {
    await agent?.close();
    await emulator?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function call(url: string, method: 'GET' | 'POST', path: string, body?: unknown) {
    const response = await request(`${url}${path}`, {
      method,
      dispatcher: agent,
      headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.body.json()) as any;
  }
  /** Runs a statement and polls it (emulated time runs fast: the wait timeout is short in wall time). */
  async function sql(url: string, statement: string) {
    let body = await call(url, 'POST', '/api/2.0/sql/statements', { statement, warehouse_id: WAREHOUSE_ID });
    while (['PENDING', 'RUNNING'].includes(body.status.state)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      body = await call(url, 'GET', `/api/2.0/sql/statements/${body.statement_id}`);
    }
    return body;
  }

  it('serves each workspace on its own URL with one certificate and one set of tokens', () => {
    expect(emulator.workspaces.map((w) => w.workspaceId)).toEqual(['1444828305810485', SECOND]);
    expect(new Set(emulator.workspaces.map((w) => w.url)).size).toBe(2);
    expect(emulator.url).toBe(emulator.workspaces[0].url);
  });

  it('keeps catalogs and jobs apart: what one workspace creates, the other does not see', async () => {
    const [first, second] = emulator.workspaces.map((w) => w.url);
    await sql(first, 'CREATE CATALOG IF NOT EXISTS book');
    await sql(first, "CREATE TABLE book.default.accounts AS SELECT 'BSN-1' AS bsnid");
    const own = await sql(first, 'SELECT bsnid FROM book.default.accounts');
    expect(own.result.data_array).toEqual([['BSN-1']]);
    const other = await sql(second, 'SELECT bsnid FROM book.default.accounts');
    expect(other.status.state).toBe('FAILED');

    await call(second, 'POST', '/api/2.2/jobs/create', { name: 'only-in-second' });
    const names = async (url: string) =>
      ((await call(url, 'GET', '/api/2.2/jobs/list')).jobs ?? []).map((j: any) => j.settings.name);
    expect(await names(second)).toContain('only-in-second');
    expect(await names(first)).not.toContain('only-in-second');
  });

  it('keeps every workspace’s tables on disk across a restart', async () => {
    await sql(emulator.workspaces[1].url, "CREATE TABLE main.default.kept AS SELECT 'second' AS whose");
    await agent.close();
    await emulator.close();
    emulator = await start();
    agent = new Agent({ connect: { ca: emulator.caPem } });
    const [first, second] = emulator.workspaces.map((w) => w.url);
    expect((await sql(first, 'SELECT bsnid FROM book.default.accounts')).result.data_array).toEqual([['BSN-1']]);
    expect((await sql(second, 'SELECT whose FROM main.default.kept')).result.data_array).toEqual([['second']]);
  });
});

import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DBSQLClient } from '@databricks/sql';
import { Agent, request } from 'undici';
import { EMULATOR_WAREHOUSE_ID } from '../../api/test/support/databricks.js';
import { type RunningEmulator, type StartEmulatorOptions, startEmulator } from '../../emulator/src/app.js';

let started = 0;

/** The real emulator on a free port, its CA written to a temporary file that `close()` removes. */
export async function startBenchEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const caFile = join(tmpdir(), `copos-bench-${process.pid}-${started++}.pem`);
  const emulator = await startEmulator({ ...options, port: 0, quiet: true, caFile });
  return {
    ...emulator,
    close: async () => {
      await emulator.close();
      await rm(caFile, { force: true });
    },
  };
}

/**
 * Waits until the emulator has generated its system tables (it listens before that, and the generation keeps
 * a core busy for a second or more, minutes for a hundred workspaces): measuring while it runs would time the
 * generation, not the calls.
 */
export async function untilSqlReady(emulator: RunningEmulator, timeoutMs = 600_000): Promise<void> {
  const dispatcher = new Agent({ connect: { ca: emulator.caPem } });
  const call = async (method: 'GET' | 'POST', path: string, body?: object) => {
    const response = await request(`${emulator.url}${path}`, {
      method,
      dispatcher,
      headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    return (await response.body.json()) as StatementAnswer;
  };
  try {
    await runStatement(call, 'SELECT COUNT(*) FROM system.billing.usage', {
      pollMs: 1_000,
      until: Date.now() + timeoutMs,
    }).catch((error: Error) => Promise.reject(new Error(`The emulator's SQL is not ready: ${error.message}`)));
  } finally {
    await dispatcher.close();
  }
}

/**
 * A session of the official SQL driver on the emulator's warehouse, the CA given explicitly (this process started
 * before the emulator made its certificate, so NODE_EXTRA_CA_CERTS cannot carry it).
 */
export async function openDriverSession(driver: DBSQLClient, emulator: RunningEmulator) {
  const url = new URL(emulator.url);
  const connected = await driver.connect({
    host: url.hostname,
    port: Number(url.port),
    path: `/sql/1.0/warehouses/${EMULATOR_WAREHOUSE_ID}`,
    token: emulator.token,
    customCaCert: Buffer.from(emulator.caPem),
  } as Parameters<DBSQLClient['connect']>[0]);
  return connected.openSession();
}

/** What the Statement Execution API answers about a statement (the fields the benches read). */
export interface StatementAnswer {
  statement_id?: string;
  status?: { state?: string };
  result?: { data_array?: unknown[][] };
}

/**
 * One statement through the Statement Execution API on the emulator's warehouse, polled until it ends (or `until`);
 * resolves to its rows, rejects with its status when it did not succeed. `call` makes the HTTP calls.
 */
export async function runStatement(
  call: (method: 'GET' | 'POST', path: string, body?: object) => Promise<StatementAnswer>,
  statement: string,
  {
    parameters = [],
    pollMs = 100,
    until = Number.POSITIVE_INFINITY,
  }: {
    parameters?: { name: string; value: string }[];
    pollMs?: number;
    until?: number;
  } = {},
): Promise<unknown[][]> {
  let answer = await call('POST', '/api/2.0/sql/statements', {
    warehouse_id: EMULATOR_WAREHOUSE_ID,
    statement,
    parameters,
    wait_timeout: '50s',
  });
  while (['PENDING', 'RUNNING'].includes(answer.status?.state ?? '') && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    answer = await call('GET', `/api/2.0/sql/statements/${answer.statement_id}`);
  }
  if (answer.status?.state !== 'SUCCEEDED') throw new Error(`${statement}: ${JSON.stringify(answer.status)}`);
  return answer.result?.data_array ?? [];
}

import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
 * a core busy for a second or more): measuring while it runs would time the generation, not the calls.
 */
export async function untilSqlReady(emulator: RunningEmulator): Promise<void> {
  const dispatcher = new Agent({ connect: { ca: emulator.caPem } });
  try {
    const response = await request(`${emulator.url}/api/2.0/sql/statements`, {
      method: 'POST',
      dispatcher,
      headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        warehouse_id: EMULATOR_WAREHOUSE_ID,
        statement: 'SELECT COUNT(*) FROM system.billing.usage',
        wait_timeout: '50s',
      }),
    });
    const answer = (await response.body.json()) as { status?: { state?: string } };
    if (answer.status?.state !== 'SUCCEEDED')
      throw new Error(`The emulator's SQL is not ready: ${JSON.stringify(answer)}`);
  } finally {
    await dispatcher.close();
  }
}

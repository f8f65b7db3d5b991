import { buildApp } from '@cop-os/api/app';
import { loadConfig } from '@cop-os/api/config';
import { type AppDeps, type AppDepsOptions, closeAppDeps, createAppDeps } from '@cop-os/api/deps';
import { listen, type RunningServer } from '@cop-os/api/http/server';
import pino from 'pino';
import type { RunningEmulator } from '../../emulator/src/app.js';

export interface BenchGateway {
  deps: AppDeps;
  server: RunningServer;
  /** Stops the api, then the emulator, and drops the bench database. */
  close(): Promise<void>;
}

/**
 * The api built as in production, in this process and on a port of its own, over a bench database and emulator it
 * takes charge of: `close()` ends all three.
 */
export async function startBenchGateway(
  database: { url: string; drop(): Promise<void> },
  emulator: RunningEmulator,
  options: Pick<AppDepsOptions, 'watcher'> = {},
): Promise<BenchGateway> {
  const deps = createAppDeps(
    loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: database.url }),
    { log: pino({ level: 'silent' }), databricks: { caPem: emulator.caPem }, ...options },
  );
  const server = await listen(buildApp(deps), 0, '127.0.0.1', deps.config.MAX_BODY_BYTES);
  return {
    deps,
    server,
    async close() {
      await server.close();
      await closeAppDeps(deps);
      await emulator.close();
      await database.drop();
    },
  };
}

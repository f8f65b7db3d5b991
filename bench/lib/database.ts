import { dropDatabase, recreateDatabase } from '@cop-os/api/db/database-url';
import { applyMigrations } from '@cop-os/api/db/migrate';

const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh Postgres database for one bench run, migrated as a deployment would be (like the api tests' global
 * setup), so timings never depend on what other runs left behind. `drop()` removes it.
 */
export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = new URL(SERVER_URL);
  url.pathname = `/copos_bench_${process.pid}`;
  const databaseUrl = url.toString();
  await recreateDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  return { url: databaseUrl, drop: () => dropDatabase(databaseUrl) };
}

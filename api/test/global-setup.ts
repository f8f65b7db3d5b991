import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../emulator/src/app.js';
import { dropDatabase, recreateDatabase } from '../src/db/database-url.js';
import { applyMigrations } from '../src/db/migrate.js';

const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * Creates a fresh database for this test run and applies the migrations, exactly as a deployment would.
 * Each run gets its own database, so concurrent runs on one machine never see each other's rows.
 * Also starts one Databricks emulator for the run; workers inherit its URL, token and CA through the
 * environment (`NODE_EXTRA_CA_CERTS` is read when a worker process starts, before any test runs).
 */
export default async function setup(): Promise<() => Promise<void>> {
  const url = new URL(SERVER_URL);
  url.pathname = `/copos_test_${process.pid}`;
  const databaseUrl = url.toString();
  await recreateDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  process.env.TEST_DATABASE_URL = databaseUrl;
  const emulator = await startEmulator({
    port: 0,
    speed: 200,
    caFile: join(tmpdir(), `copos-test-emulator-${process.pid}.pem`),
    quiet: true,
  });
  process.env.EMULATOR_URL = emulator.url;
  process.env.EMULATOR_TOKEN = emulator.token;
  process.env.NODE_EXTRA_CA_CERTS = emulator.caFile;
  return async () => {
    await emulator.close();
    await dropDatabase(databaseUrl);
  };
}

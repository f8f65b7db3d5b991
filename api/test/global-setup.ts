import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmulator } from '../../emulator/src/app.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * Creates a fresh database for this test run and applies the migrations, exactly as a deployment would.
 * Each run gets its own database, so concurrent runs on one machine never see each other's rows.
 * Also starts one Databricks emulator for the run; workers inherit its URL, token and CA through the
 * environment (`NODE_EXTRA_CA_CERTS` is read when a worker process starts, before any test runs).
 */
export default async function setup(): Promise<() => Promise<void>> {
  const database = `copos_test_${process.pid}`;
  await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${database}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  process.env.TEST_DATABASE_URL = url.toString();
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL },
    stdio: 'pipe',
  });
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
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  };
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

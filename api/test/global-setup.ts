import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../emulator/src/app.js';
import { withServer } from '../src/db/database-url.js';
import { migratedTemplate } from '../src/db/template.js';

const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * Set-up once per test run, published to the workers through the environment (which they inherit; the
 * per-file set-up, `support/file-setup.ts`, builds on it):
 * - the migrated template database (built by `prisma migrate deploy` only when the migrations changed), which
 *   each test file copies into a database of its own, named with this run's prefix so runs never meet;
 * - one Databricks emulator, of which each file opens its own view (own faults and call counts). Workers trust
 *   its certificate through `NODE_EXTRA_CA_CERTS`, read when a worker process starts, before any test runs.
 * Teardown drops every database of this run, including those of files that crashed.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const databasePrefix = `copos_test_${process.pid}_`;
  process.env.TEST_SERVER_URL = SERVER_URL;
  process.env.TEST_TEMPLATE_DATABASE = await migratedTemplate(SERVER_URL);
  process.env.TEST_DATABASE_PREFIX = databasePrefix;
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
    await dropDatabasesStartingWith(databasePrefix);
  };
}

function dropDatabasesStartingWith(prefix: string): Promise<void> {
  return withServer(SERVER_URL, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  });
}

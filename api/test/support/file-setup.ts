import { request } from 'undici';
import { ensureDatabaseFrom } from '../../src/db/template.js';

/**
 * Runs before every api test file, in its worker. Each worker (`VITEST_POOL_ID`, one file at a time) gets a
 * database of its own, copied from the run's migrated template when the worker's first file starts; tests make
 * their own tenants, so the files a worker runs in turn share it as every file once shared one database. Each
 * file gets a view of the run's emulator (same jobs and data, its own faults and call counts). Files therefore
 * run in parallel without seeing each other's rows, faults or Databricks call counts. `testDatabaseUrl()` and
 * `testEmulator()` read what is set here.
 */
const { TEST_SERVER_URL, TEST_TEMPLATE_DATABASE, TEST_DATABASE_PREFIX, EMULATOR_URL, VITEST_POOL_ID } = process.env;
if (!TEST_SERVER_URL || !TEST_TEMPLATE_DATABASE || !TEST_DATABASE_PREFIX || !EMULATOR_URL) {
  throw new Error('The api global setup did not run: run the api tests through vitest');
}

const database = new URL(TEST_SERVER_URL);
database.pathname = `/${TEST_DATABASE_PREFIX}worker_${VITEST_POOL_ID ?? 1}`;
const databaseUrl = database.toString();

const [, view] = await Promise.all([
  ensureDatabaseFrom(databaseUrl, TEST_TEMPLATE_DATABASE),
  request(`${EMULATOR_URL}/emulator/views`, { method: 'POST' }).then(
    (response) => response.body.json() as Promise<{ url: string }>,
  ),
]);
process.env.TEST_DATABASE_URL = databaseUrl;
process.env.EMULATOR_URL = view.url;

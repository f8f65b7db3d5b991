import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recreateDatabase } from '../src/db/database-url.js';
import { type RunningPostgres, startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { applyMigrations } from '../src/db/migrate.js';
import { createTenant } from './support/fixtures.js';
import { waitFor } from './support/live-workspace.js';
import { freePort } from './support/own-redis.js';
import { createTestApi, type TestApi } from './support/test-api.js';

/** Longest a request may take while its database is down: it fails fast, it never hangs. */
const ANSWER_WITHIN_MS = 5_000;
let dataDir: string;
let port: number;
let postgres: RunningPostgres;
let api: TestApi;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let token: string;

// A PostgreSQL of this test's own (embedded, on a free port): the machine's shared one is never stopped.
const startPostgres = () => startEmbeddedPostgres({ dataDir, port, database: 'copos_fault' });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'copos-fault-pg-'));
  port = await freePort();
  postgres = await startPostgres();
  await recreateDatabase(postgres.url);
  await applyMigrations(postgres.url);
  api = createTestApi({ DATABASE_URL: postgres.url });
  tenant = await createTenant(api.prisma, 'Postgres restart');
  token = await api.tokenFor(tenant.users.MEMBER.id);
}, 120_000);
afterAll(async () => {
  await api?.close();
  await postgres?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function copName() {
  const started = Date.now();
  const result = await api.graphql(`query($id: ID!) { cop(id: $id) { name } }`, { id: tenant.ids.cop }, token);
  return { result, elapsedMs: Date.now() - started };
}

describe('a PostgreSQL restart', () => {
  it('fails requests fast while the database is down, reports not ready, and recovers without restarting the api', async () => {
    expect((await copName()).result.data?.cop.name).toBe(tenant.cop.name);
    await postgres.stop();
    const during = await Promise.all(Array.from({ length: 5 }, copName));
    for (const { result, elapsedMs } of during) {
      expect(elapsedMs).toBeLessThan(ANSWER_WITHIN_MS);
      expect(result.data?.cop ?? null).toBeNull();
      expect(result.errors?.length).toBeGreaterThan(0);
    }
    expect((await api.request('/ready')).status).not.toBe(200);
    expect((await api.request('/health')).status).toBe(200);

    postgres = await startPostgres();
    await waitFor(async () => (await copName()).result.data?.cop?.name === tenant.cop.name, 15_000);
    expect((await api.request('/ready')).status).toBe(200);
  });
});

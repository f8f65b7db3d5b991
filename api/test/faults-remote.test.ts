import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RESILIENCE } from '../src/databricks/resilience.js';
import { connectEmulator } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { waitFor } from './support/live-workspace.js';
import { createTestApi } from './support/test-api.js';

const REQUEST_TIMEOUT_MS = 1_500;
/** Time a request may take beyond its deadline (event loop, Postgres, the rest of the answer). */
const SLACK_MS = 1_000;
const WORKSPACE = '1444828305810485';
// A circuit opened by a storm lets a trial call through soon, so recovery shows within the test.
const api = createTestApi(
  { REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) },
  { databricks: { resilience: { ...DEFAULT_RESILIENCE, halfOpenAfterMs: 200 } } },
);
const emulator = testEmulator();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let token: string;

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Deadlines');
  token = await api.tokenFor(tenant.users.DATA_ENGINEER.id);
  await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: WORKSPACE, copId: tenant.cop.id }],
  });
});
afterEach(async () => {
  await emulator.clearFaults();
  api.deps.databricksGateway.cache.invalidate('');
});
afterAll(() => api.close());

/** A CoP with local fields and its remote platform usage, timed. */
async function copWithUsage() {
  const started = Date.now();
  const result = await api.graphql(
    `query($id: ID!) { cop(id: $id) { name members { totalCount }
       platformUsage(from: "2026-10-01", to: "2026-10-07") { stale series { metric total } } } }`,
    { id: tenant.ids.cop },
    token,
  );
  return { result, elapsedMs: Date.now() - started };
}

describe('a SQL warehouse that does not exist', () => {
  it('nulls platform usage with NOT_FOUND at once and answers the local fields', async () => {
    const other = await createTenant(api.prisma, 'No warehouse');
    await connectEmulator(api.prisma, api.deps.secretBox, {
      customerId: other.customer.id,
      mappings: [{ workspaceId: WORKSPACE, copId: other.cop.id }],
      config: { warehouseId: '0123456789abcdef' },
    });
    const started = Date.now();
    const result = await api.graphql(
      `query($id: ID!) { cop(id: $id) { name platformUsage { stale } } }`,
      { id: other.ids.cop },
      await api.tokenFor(other.users.DATA_ENGINEER.id),
    );
    expect(Date.now() - started).toBeLessThan(REQUEST_TIMEOUT_MS);
    expect(result.data?.cop).toEqual({ name: other.cop.name, platformUsage: null });
    expect(result.errors?.[0]).toMatchObject({ path: ['cop', 'platformUsage'], extensions: { code: 'NOT_FOUND' } });
  });
});

describe('deadlines on Databricks SQL', () => {
  for (const fault of [
    { kind: 'hang', pathPrefix: '/sql/1.0' },
    { kind: 'latency', ms: 40_000, pathPrefix: '/sql/1.0' },
  ]) {
    it(`answers within the request deadline when the warehouse ${fault.kind === 'hang' ? 'hangs' : 'takes 40 s'}`, async () => {
      await emulator.injectFaults([fault]);
      const { result, elapsedMs } = await copWithUsage();
      expect(elapsedMs).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
      expect(result.data?.cop.name).toBe(tenant.cop.name);
      expect(result.data?.cop.members.totalCount).toBe(1);
      expect(result.data?.cop.platformUsage).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]).toMatchObject({
        path: ['cop', 'platformUsage'],
        extensions: { code: 'DATABRICKS_TIMEOUT' },
      });
    });
  }

  it('serves usage again once the warehouse recovers (no restart, no poisoned session)', async () => {
    await emulator.injectFaults([{ kind: 'hang', pathPrefix: '/sql/1.0' }]);
    expect((await copWithUsage()).result.errors?.[0]?.extensions?.code).toBe('DATABRICKS_TIMEOUT');
    await emulator.clearFaults();
    const { result } = await copWithUsage();
    expect(result.errors).toBeUndefined();
    expect(
      result.data?.cop.platformUsage.series.find((s: { metric: string }) => s.metric === 'DBU').total,
    ).toBeGreaterThan(0);
  });
});

/** Codes a remote field may fail with under a fault: typed, never INTERNAL_SERVER_ERROR. */
const REMOTE_FAILURES = ['DATABRICKS_TIMEOUT', 'DATABRICKS_UNAVAILABLE', 'DATABRICKS_RATE_LIMITED'];
const PARALLEL_REQUESTS = 5;

/** Local fields, a REST-backed remote field (jobs) and a SQL-backed one (usage) in one request, timed. */
async function dashboard() {
  const started = Date.now();
  const result = await api.graphql(
    `query($id: ID!) { cop(id: $id) { name workspaces { name jobs { stale nodes { name } } }
       platformUsage(from: "2026-10-01", to: "2026-10-07") { stale } } }`,
    { id: tenant.ids.cop },
    token,
  );
  return { result, elapsedMs: Date.now() - started };
}

describe('fault storms on REST and SQL', () => {
  const storms = [
    ['REST hangs', { kind: 'hang', pathPrefix: '/api/' }],
    ['REST drops connections', { kind: 'drop', pathPrefix: '/api/' }],
    ['REST answers 503', { kind: 'error', status: 503, pathPrefix: '/api/' }],
    ['REST answers 429', { kind: 'error', status: 429, retryAfterSeconds: 1, pathPrefix: '/api/' }],
    ['SQL drops connections', { kind: 'drop', pathPrefix: '/sql/1.0' }],
    ['SQL answers 503', { kind: 'error', status: 503, pathPrefix: '/sql/1.0' }],
    ['SQL answers 429', { kind: 'error', status: 429, retryAfterSeconds: 1, pathPrefix: '/sql/1.0' }],
  ] as const;
  for (const [name, fault] of storms) {
    it(`${name}: every request answers within its deadline with local fields, then the api recovers`, async () => {
      await emulator.injectFaults([fault]);
      const answers = await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, dashboard));
      for (const { result, elapsedMs } of answers) {
        expect(elapsedMs).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
        expect(result.data?.cop.name).toBe(tenant.cop.name);
        const codes = (result.errors ?? []).map((error) => error.extensions?.code);
        expect(codes.length).toBeGreaterThan(0);
        for (const code of codes) expect(REMOTE_FAILURES).toContain(code);
      }
      await emulator.clearFaults();
      await waitFor(async () => (await dashboard()).result.errors === undefined, 5_000);
    });
  }
});

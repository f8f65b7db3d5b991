import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectEmulator } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const WORKSPACE = '1444828305810485';
const api = createTestApi();
const emulator = testEmulator();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let token: string;
let workspaceGlobalId: string;

beforeAll(async () => {
  tenant = await createTenant(api.prisma);
  token = await api.tokenFor(tenant.users.DATA_ENGINEER.id);
  const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: WORKSPACE, copId: tenant.cop.id }],
  });
  workspaceGlobalId = encodeGlobalID('DatabricksWorkspace', integration.workspaceMappings[0]!.id);
});
afterEach(() => emulator.clearFaults());
afterAll(() => api.close());

const workspaceQuery = (fields: string) =>
  api.graphql(
    `query($id: ID!) { cop(id: $id) { name workspaces { name workspaceId ${fields} } } }`,
    { id: tenant.ids.cop },
    token,
  );

describe('remote Databricks fields', () => {
  it('lists the jobs of a mapped workspace, including the pipeline job with its tasks', async () => {
    const result = await workspaceQuery('jobs { stale nodes { jobId name taskKeys } }');
    expect(result.errors).toBeUndefined();
    const jobs = result.data?.cop.workspaces[0].jobs;
    expect(jobs.stale).toBe(false);
    const pipeline = jobs.nodes.find((job: { name: string }) => /PetInsure360/.test(job.name));
    expect(pipeline.taskKeys).toEqual(['bronze_ingestion', 'silver_transformations', 'gold_aggregations']);
  });

  it('reads 20 runs of one job with a single runs/list call', async () => {
    const jobs = await workspaceQuery('jobs { nodes { jobId name } }');
    const jobId = jobs.data?.cop.workspaces[0].jobs.nodes[0].jobId;
    await emulator.resetStats();
    const result = await workspaceQuery(
      `runs(jobId: "${jobId}", first: 20) { nodes { runId lifeCycleState tasks { taskKey } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(await emulator.callsTo('GET /api/2.2/jobs/runs/list')).toBe(1);
    expect(await emulator.callsTo('GET /api/2.2/jobs/runs/get')).toBe(0);
  });

  it('answers repeated identical fields in one request with one call', async () => {
    await api.deps.databricksGateway.cache.invalidate('');
    await emulator.resetStats();
    const result = await api.graphql(
      `query($id: ID!) { a: node(id: $id) { ... on DatabricksWorkspace { warehouses: clusters { stale } } }
                         b: node(id: $id) { ... on DatabricksWorkspace { clusters { stale } } } }`,
      { id: workspaceGlobalId },
      token,
    );
    expect(result.errors).toBeUndefined();
    expect(await emulator.callsTo('GET /api/2.1/clusters/list')).toBe(1);
  });

  it("answers a CoP's and a customer's workspaces and usage from the cache with one SQL statement each", async () => {
    const usage = 'platformUsage(from: "2026-10-01", to: "2026-10-07") { series { metric total } }';
    const questions = [
      { query: `query($id: ID!) { cop(id: $id) { workspaces { clusters { stale } } ${usage} } }`, id: tenant.ids.cop },
      {
        query: `query($id: ID!) { customer(id: $id) { workspaces { clusters { stale } } ${usage} } }`,
        id: tenant.ids.customer,
      },
    ];
    for (const { query, id } of questions) {
      expect((await api.graphql(query, { id }, token)).errors).toBeUndefined(); // fills the caches
      api.counter.statements = 0;
      const warm = await api.graphql(query, { id }, token);
      expect(warm.errors).toBeUndefined();
      expect(api.counter.statements).toBe(1);
    }
  });

  it('returns daily platform usage from the system tables', async () => {
    const result = await workspaceQuery('workspaceId');
    expect(result.errors).toBeUndefined();
    const usage = await api.graphql(
      `query($id: ID!) { cop(id: $id) { platformUsage(from: "2026-10-01", to: "2026-10-07") { stale series { metric total points { date value } } } } }`,
      { id: tenant.ids.cop },
      token,
    );
    expect(usage.errors).toBeUndefined();
    const series = usage.data?.cop.platformUsage.series;
    expect(series.map((s: { metric: string }) => s.metric)).toEqual([
      'DBU',
      'ACTIVE_USERS',
      'JOBS_RUN',
      'QUERIES_EXECUTED',
      'MODEL_REQUESTS',
    ]);
    for (const s of series) {
      expect(s.points).toHaveLength(7);
      expect(s.total).toBeGreaterThan(0);
    }
  });
});

describe('when Databricks fails', () => {
  it('nulls only the remote field with DATABRICKS_TIMEOUT when Databricks hangs and answers local fields on time', async () => {
    await api.deps.databricksGateway.cache.invalidate('');
    await emulator.injectFaults([{ kind: 'hang', pathPrefix: '/api/2.1/clusters' }]);
    const started = Date.now();
    const result = await workspaceQuery('clusters { nodes { clusterId } }');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.data?.cop.name).toBe(tenant.cop.name);
    expect(result.data?.cop.workspaces[0].clusters).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('DATABRICKS_TIMEOUT');
  });

  it('serves the last known value marked stale while Databricks answers 503', async () => {
    await api.deps.databricksGateway.cache.invalidate('');
    const fresh = await workspaceQuery('jobs { stale nodes { name } }');
    expect(fresh.data?.cop.workspaces[0].jobs.stale).toBe(false);
    // Age the cached value past its revalidation window, then break Databricks.
    api.clock.offsetMs += 10 * 60_000;
    await emulator.injectFaults([{ kind: 'error', status: 503, pathPrefix: '/api/2.2/jobs/list' }]);
    const stale = await workspaceQuery('jobs { stale nodes { name } }');
    expect(stale.errors).toBeUndefined();
    expect(stale.data?.cop.workspaces[0].jobs.stale).toBe(true);
    expect(stale.data?.cop.workspaces[0].jobs.nodes).toEqual(fresh.data?.cop.workspaces[0].jobs.nodes);
  });

  it('honours 429 Retry-After and succeeds on the retry', async () => {
    await api.deps.databricksGateway.cache.invalidate('');
    await emulator.injectFaults([
      { kind: 'error', status: 429, retryAfterSeconds: 1, count: 1, pathPrefix: '/api/2.0/sql/warehouses' },
    ]);
    const started = Date.now();
    const result = await workspaceQuery('warehouses { nodes { id name } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.cop.workspaces[0].warehouses.nodes[0].id).toBe('ab12cd34ef56ab78');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });
});

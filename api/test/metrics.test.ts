import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectEmulator } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const METRICS_TOKEN = 'metrics-token-for-tests';
const api = createTestApi({ METRICS_TOKEN });
const emulator = testEmulator();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let token: string;

beforeAll(async () => {
  tenant = await createTenant(api.prisma);
  token = await api.tokenFor(tenant.users.DATA_ENGINEER.id);
  await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: '1444828305810485', copId: tenant.cop.id }],
  });
});
afterEach(() => emulator.clearFaults());
afterAll(() => api.close());

async function scrape(): Promise<string> {
  const response = await api.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one series, e.g. `sample(text, 'copos_databricks_retries_total')`; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const jobsOfCop = () =>
  api.graphql(
    `query Jobs($id: ID!) { cop(id: $id) { workspaces { jobs { nodes { jobId } } } } }`,
    { id: tenant.ids.cop },
    token,
  );

describe('GET /metrics', () => {
  it('refuses a scrape without the METRICS_TOKEN bearer token', async () => {
    expect((await api.request('/metrics')).status).toBe(401);
    const wrong = await api.request('/metrics', { headers: { authorization: 'Bearer not-the-metrics-token' } });
    expect(wrong.status).toBe(401);
  });

  it('counts GraphQL operations by name and their errors by code', async () => {
    await api.graphql('query Viewer { viewer { kind } }', {}, token);
    const missing = encodeGlobalID('ContentAsset', '00000000-0000-4000-8000-000000000000');
    const failed = await api.graphql(
      'mutation Remove($id: ID!) { deleteContentAsset(id: $id) }',
      { id: missing },
      token,
    );
    expect(failed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await api.graphql('query Bad { noSuchField }', {}, token);
    const text = await scrape();
    expect(
      sample(
        text,
        'graphql_operation_errors_total{operationName="Bad",operationType="query",phase="validate",code="GRAPHQL_VALIDATION_FAILED"}',
      ),
    ).toBe(1);
    expect(
      sample(text, 'graphql_operation_duration_seconds_total{operationName="Viewer",operationType="query"}'),
    ).toBeGreaterThan(0);
    expect(sample(text, 'graphql_operation_requests_total{operationName="Viewer",operationType="query"}')).toBe(1);
    expect(
      sample(
        text,
        'graphql_operation_errors_total{operationName="Remove",operationType="mutation",phase="execute",code="NOT_FOUND"}',
      ),
    ).toBe(1);
    expect(text).toContain('graphql_yoga_http_duration_bucket');
    expect(text).toContain('process_cpu_seconds_total');
  });

  it("counts the connector's attempts, retries and circuit state per workspace", async () => {
    const before = await scrape();
    expect((await jobsOfCop()).errors).toBeUndefined();
    await emulator.injectFaults([{ kind: 'error', status: 503, pathPrefix: '/api/2.2/jobs/list', count: 1 }]);
    api.clock.offsetMs += 3_600_000; // past the remote cache, so the jobs are read again
    expect((await jobsOfCop()).errors).toBeUndefined();
    const after = await scrape();
    const delta = (series: string) => sample(after, series) - sample(before, series);
    expect(delta('copos_databricks_rest_attempts_total{outcome="2xx"}')).toBeGreaterThanOrEqual(2);
    expect(delta('copos_databricks_rest_attempts_total{outcome="5xx"}')).toBe(1);
    expect(delta('copos_databricks_retries_total')).toBe(1);
    expect(after).toMatch(/copos_databricks_circuit_open\{workspace="https:\/\/127\.0\.0\.1:\d+"\} 0/);
    expect(after).toContain('copos_run_watcher_ticks_total{outcome="ok"}');
  });

  it("counts the sync reconciler's passes and attempts by kind", async () => {
    await api.prisma.dataset.create({
      data: { customerId: tenant.customer.id, name: 'offline', rowCount: 1, sizeBytes: 1, syncStatus: 'DISABLED' },
    });
    await api.prisma.customer.update({ where: { id: tenant.customer.id }, data: { databricksEnabled: false } });
    await api.prisma.dataset.updateMany({
      where: { customerId: tenant.customer.id },
      data: { syncStatus: 'PENDING', syncNextAttemptAt: new Date() },
    });
    const passes = sample(await scrape(), 'copos_sync_reconciler_passes_total');
    // One pass asked for directly (the loop not started) runs to its end.
    expect(await api.deps.sync.tick()).toBeGreaterThan(0);
    const after = await scrape();
    expect(sample(after, 'copos_sync_reconciler_passes_total')).toBe(passes + 1);
    expect(sample(after, 'copos_sync_attempts_total{kind="dataset"}')).toBeGreaterThan(0);
    expect(sample(after, 'copos_sync_unrecorded_total')).toBe(0);
  });

  it('keeps the series bounded however many operation names clients invent', async () => {
    for (let index = 0; index < 520; index++) await api.graphql(`query Op${index} { viewer { kind } }`, {}, token);
    const text = await scrape();
    const names = new Set(
      [...text.matchAll(/graphql_operation_requests_total\{operationName="([^"]+)"/g)].map((match) => match[1]),
    );
    expect(names.size).toBeLessThanOrEqual(501);
    expect(names).toContain('_other');
  });
});

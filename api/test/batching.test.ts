import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEmulator } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

/** Two of the workspaces the emulator's system tables hold usage for. */
const WORKSPACE_A = '1001001001001001';
const WORKSPACE_B = '1001001001001002';
/** The Thrift endpoint the `@databricks/sql` driver posts every RPC to (sessions, statements, fetches). */
const THRIFT_ROUTE = 'POST /sql/1.0/warehouses/:id';

const api = createTestApi();
const emulator = testEmulator();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let token: string;

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Batching');
  token = await api.tokenFor(tenant.users.ANALYST.id);
});
afterAll(() => api.close());

/** `count` new CoPs of the tenant, named so that `cops(filter: { search })` finds exactly them. */
async function createCops(label: string, count: number): Promise<string[]> {
  const cops = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      api.prisma.cop.create({
        data: { customerId: tenant.customer.id, name: `${label} ${i}`, startDate: new Date('2026-01-05') },
      }),
    ),
  );
  return cops.map((cop) => cop.id);
}

/** Statements each integration's SQL warehouse connection has sent so far (the api's own count). */
function statementsOf(integrations: Awaited<ReturnType<typeof connectEmulator>>[]): number[] {
  return integrations.map(
    (integration) => api.deps.databricksGateway.registry.forIntegration(integration).sql!.statements,
  );
}

/** Platform usage of every CoP matching `label`, in one request, with nothing cached from earlier reads. */
async function usageOfCops(label: string) {
  await api.deps.databricksGateway.cache.invalidate('');
  const result = await api.graphql(
    `query($label: String!) { cops(first: 50, filter: { search: $label }) { nodes { name
        platformUsage(from: "2026-09-01", to: "2026-09-30") { stale series { metric total } } } } }`,
    { label },
    token,
  );
  expect(result.errors).toBeUndefined();
  return result.data?.cops.nodes as { platformUsage: { series: { metric: string; total: number }[] } }[];
}

describe('platform usage reads', () => {
  it('send two SQL statements per integration (daily series, distinct users): 6 CoPs on 2 integrations cost 4', async () => {
    const copIds = await createCops('Two integrations', 6);
    const first = await connectEmulator(api.prisma, api.deps.secretBox, {
      customerId: tenant.customer.id,
      mappings: copIds.slice(0, 3).map((copId) => ({ workspaceId: WORKSPACE_A, copId })),
    });
    const second = await connectEmulator(api.prisma, api.deps.secretBox, {
      customerId: tenant.customer.id,
      mappings: copIds.slice(3).map((copId) => ({ workspaceId: WORKSPACE_B, copId })),
    });
    const before = statementsOf([first, second]);
    await emulator.resetStats();

    const cops = await usageOfCops('Two integrations');

    expect(cops).toHaveLength(6);
    for (const cop of cops) expect(cop.platformUsage.series.find((s) => s.metric === 'DBU')!.total).toBeGreaterThan(0);
    const after = statementsOf([first, second]);
    expect(after.map((count, i) => count - before[i]!)).toEqual([2, 2]);
    // The emulator counts the driver's RPCs, not statements: each statement is one ExecuteStatement (results come
    // back directly in its answer) and each new session (the two statements of a connection run side by side) adds
    // one OpenSession, so 4 statements are 4 to 8 RPCs.
    const rpcs = await emulator.callsTo(THRIFT_ROUTE);
    expect(rpcs).toBeGreaterThanOrEqual(4);
    expect(rpcs).toBeLessThanOrEqual(8);
  });

  it('share the two SQL statements for two workspaces behind one integration', async () => {
    const copIds = await createCops('One integration', 4);
    const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
      customerId: tenant.customer.id,
      mappings: copIds.map((copId, i) => ({ workspaceId: i % 2 ? WORKSPACE_B : WORKSPACE_A, copId })),
    });
    const [before] = statementsOf([integration]);

    const cops = await usageOfCops('One integration');

    expect(cops).toHaveLength(4);
    const dbu = cops.map((cop) => cop.platformUsage.series.find((s) => s.metric === 'DBU')!.total);
    // Each CoP still gets its own workspace's numbers out of the shared statement.
    expect(new Set(dbu).size).toBe(2);
    const [after] = statementsOf([integration]);
    expect(after! - before!).toBe(2);
  });

  it('send no statement when the same usage is read again within its TTL', async () => {
    const [copId] = await createCops('Cached usage', 1);
    const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
      customerId: tenant.customer.id,
      mappings: [{ workspaceId: WORKSPACE_A, copId }],
    });
    await usageOfCops('Cached usage');
    const [before] = statementsOf([integration]);
    const again = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Cop { platformUsage(from: "2026-09-01", to: "2026-09-30") { stale } } } }`,
      { id: encodeGlobalID('Cop', copId!) },
      token,
    );
    expect(again.data?.node.platformUsage.stale).toBe(false);
    expect(statementsOf([integration])[0]).toBe(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../src/generated/prisma/enums.js';
import { connectEmulator } from './support/databricks.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;

const STATUS = `query($id: ID!) { node(id: $id) { ... on Customer { databricksStatus {
  enabled healthy catalog checkedAt
  resources { datasets { total inDatabricks failing } }
  syncPercentage { datasets }
} } } }`;

async function dataset(customerId: string, syncStatus: SyncStatus, deleted = false) {
  await api.prisma.dataset.create({
    data: {
      customerId,
      name: `claims ${syncStatus}`,
      rowCount: 1,
      sizeBytes: 10,
      syncStatus,
      deletedAt: deleted ? new Date() : null,
    },
  });
}

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Sync Status');
  other = await createTenant(api.prisma, 'Sync Other');
  await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: '1444828305810485' }],
  });
  for (const status of ['SYNCED', 'SYNCED', 'SYNCED', 'FAILED'] as const) await dataset(tenant.customer.id, status);
  // A tombstone is not a resource any more, and another tenant's rows are not counted.
  await dataset(tenant.customer.id, 'SYNCED', true);
  await dataset(other.customer.id, 'PENDING');
});
afterAll(() => api.close());

describe('Customer.databricksStatus', () => {
  it('counts each kind and its share in Databricks in one SQL statement', async () => {
    const token = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
    await api.graphql('{ viewer { kind } }', {}, token); // the viewer is then known: auth costs no statement
    api.counter.statements = 0;
    const result = await api.graphql(STATUS, { id: tenant.ids.customer }, token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.node.databricksStatus).toMatchObject({
      enabled: true,
      healthy: false,
      catalog: expect.stringMatching(/^copos_sync_status_/),
      resources: { datasets: { total: 4, inDatabricks: 3, failing: 1 } },
      syncPercentage: { datasets: 75 },
    });
    // The customer node, then the status: counts for every kind in one statement.
    expect(api.counter.statements).toBe(2);
  });

  it('is healthy when nothing fails, and says DISABLED customers sync nowhere', async () => {
    await api.prisma.dataset.updateMany({ where: { customerId: tenant.customer.id }, data: { syncStatus: 'SYNCED' } });
    const token = await api.tokenFor(tenant.users.ANALYST.id);
    const healthy = await api.graphql(STATUS, { id: tenant.ids.customer }, token);
    expect(healthy.data?.node.databricksStatus).toMatchObject({ healthy: true, syncPercentage: { datasets: 100 } });

    await api.prisma.customer.update({ where: { id: other.customer.id }, data: { databricksEnabled: false } });
    const off = await api.graphql(STATUS, { id: other.ids.customer }, await api.tokenFor(other.users.MEMBER.id));
    expect(off.data?.node.databricksStatus).toMatchObject({
      enabled: false,
      healthy: false,
      catalog: null,
      resources: { datasets: { total: 1, inDatabricks: 0 } },
    });
  });

  it('shows another tenant nothing', async () => {
    const result = await api.graphql(
      STATUS,
      { id: tenant.ids.customer },
      await api.tokenFor(other.users.CUSTOMER_ADMIN.id),
    );
    expect(result.data?.node).toBeNull();
  });
});

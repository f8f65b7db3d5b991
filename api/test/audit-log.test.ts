import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformAdmin, createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
type Tenant = Awaited<ReturnType<typeof createTenant>>;
let tenant: Tenant;
let other: Tenant;
let adminToken: string;
let otherAdminToken: string;

const AUDIT_LOGS = `query($action: String, $first: Int, $after: String) {
  auditLogs(action: $action, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { action actorType actorId entityType entityId details createdAt customer { id } } } }`;
const CREATE_INTEGRATION = `mutation($input: CreateIntegrationInput!) { createIntegration(input: $input) { id } }`;

let sequence = 0;
const secretValue = () => `dapi-audit-${Date.now().toString(36)}-${++sequence}-do-not-leak`;

async function createIntegration(customer: Tenant, token: string, secret: string) {
  const result = await api.graphql(
    CREATE_INTEGRATION,
    {
      input: {
        customerId: customer.ids.customer,
        displayName: `Audited workspace ${++sequence}`,
        databricks: { host: 'https://adb-1.azuredatabricks.net', authType: 'PAT' },
        secrets: { token: secret },
      },
    },
    token,
  );
  expect(result.errors).toBeUndefined();
  return result.data?.createIntegration.id as string;
}

const auditLogs = async (variables: Record<string, unknown>, token: string) => {
  const result = await api.graphql(AUDIT_LOGS, variables, token);
  expect(result.errors).toBeUndefined();
  return result.data?.auditLogs;
};

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTenant(api.prisma), createTenant(api.prisma, 'Other')]);
  [adminToken, otherAdminToken] = await Promise.all([
    api.tokenFor(tenant.users.CUSTOMER_ADMIN.id),
    api.tokenFor(other.users.CUSTOMER_ADMIN.id),
  ]);
});
afterAll(() => api.close());

describe('auditLogs', () => {
  it('lists a mutation with its actor, newest first', async () => {
    const id = await createIntegration(tenant, adminToken, secretValue());
    await api.graphql(
      'mutation($id: ID!) { updateIntegration(id: $id, input: { isActive: false }) { id } }',
      { id },
      adminToken,
    );
    const logs = await auditLogs({ first: 2 }, adminToken);
    expect(logs.nodes.map((row: { action: string }) => row.action)).toEqual(['updateIntegration', 'createIntegration']);
    expect(logs.nodes[0]).toMatchObject({
      actorType: 'user',
      actorId: encodeGlobalID('User', tenant.users.CUSTOMER_ADMIN.id),
      entityType: 'Integration',
      entityId: id,
      customer: { id: tenant.ids.customer },
      details: { succeeded: true, arguments: { id, input: { isActive: false } } },
    });
  });

  it('redacts the secrets of createIntegration in the stored row and in the API', async () => {
    const secret = secretValue();
    await createIntegration(tenant, adminToken, secret);
    const stored = await api.prisma.auditLog.findFirstOrThrow({
      where: { customerId: tenant.customer.id, action: 'createIntegration' },
      orderBy: { createdAt: 'desc' },
    });
    expect(stored.details).toMatchObject({ arguments: { input: { secrets: '[redacted]' } } });
    expect(JSON.stringify(stored)).not.toContain(secret);
    const logs = await auditLogs({ action: 'createIntegration', first: 20 }, adminToken);
    expect(logs.nodes[0].details.arguments.input.secrets).toBe('[redacted]');
    expect(JSON.stringify(logs)).not.toContain(secret);
  });

  it('filters by action and pages with a cursor', async () => {
    await createIntegration(tenant, adminToken, secretValue());
    await createIntegration(tenant, adminToken, secretValue());
    const first = await auditLogs({ action: 'createIntegration', first: 1 }, adminToken);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await auditLogs(
      { action: 'createIntegration', first: 1, after: first.pageInfo.endCursor },
      adminToken,
    );
    expect(next.nodes).toHaveLength(1);
    expect(new Date(next.nodes[0].createdAt).getTime()).toBeLessThanOrEqual(
      new Date(first.nodes[0].createdAt).getTime(),
    );
    expect(next.nodes[0].details).not.toEqual(first.nodes[0].details);
    const filtered = await auditLogs({ action: 'createIntegration', first: 50 }, adminToken);
    expect(new Set(filtered.nodes.map((row: { action: string }) => row.action))).toEqual(
      new Set(['createIntegration']),
    );
  });

  it('shows a customer admin only their customer’s rows, and the platform admin everyone’s', async () => {
    await createIntegration(tenant, adminToken, secretValue());
    await createIntegration(other, otherAdminToken, secretValue());
    const customers = (logs: { nodes: { customer: { id: string } | null }[] }) =>
      new Set(logs.nodes.map((row) => row.customer?.id));

    const ours = await auditLogs({ first: 50 }, adminToken);
    expect(customers(ours)).toEqual(new Set([tenant.ids.customer]));

    const platformToken = await api.tokenFor((await createPlatformAdmin(api.prisma)).id);
    const all = await auditLogs({ action: 'createIntegration', first: 2 }, platformToken);
    expect(customers(all)).toEqual(new Set([tenant.ids.customer, other.ids.customer]));
  });

  it('is FORBIDDEN for roles other than admins', async () => {
    const token = await api.tokenFor(tenant.users.DATA_ENGINEER.id);
    const result = await api.graphql(AUDIT_LOGS, { first: 5 }, token);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

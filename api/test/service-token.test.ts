import { randomUUID } from 'node:crypto';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashServiceToken } from '../src/auth/service-tokens.js';
import { createPlatformAdmin, createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
type Tenant = Awaited<ReturnType<typeof createTenant>>;
let tenant: Tenant;
let other: Tenant;
let adminToken: string;

const CREATE = `mutation($input: CreateServiceTokenInput!) {
  createServiceToken(input: $input) { token serviceToken { id name prefix role lastUsedAt revokedAt createdAt } } }`;
const REVOKE = 'mutation($id: ID!) { revokeServiceToken(id: $id) { id revokedAt } }';
const VIEWER = '{ viewer { kind role customerId } }';

async function issue(name = 'Daily usage job') {
  const result = await api.graphql(CREATE, { input: { customerId: tenant.ids.customer, name } }, adminToken);
  expect(result.errors).toBeUndefined();
  return result.data?.createServiceToken as { token: string; serviceToken: Record<string, any> };
}

const tokenCount = () => api.prisma.serviceToken.count({ where: { customerId: tenant.customer.id } });

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTenant(api.prisma), createTenant(api.prisma, 'Other')]);
  adminToken = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
});
afterAll(() => api.close());

describe('createServiceToken', () => {
  it('returns the token once, with a SYSTEM role and its prefix', async () => {
    const { token, serviceToken } = await issue();
    expect(token).toMatch(/^copos_/);
    expect(serviceToken).toMatchObject({ name: 'Daily usage job', role: 'SYSTEM', lastUsedAt: null, revokedAt: null });
    expect(token.startsWith(serviceToken.prefix)).toBe(true);
  });

  it('stores only the hash of the token', async () => {
    const { token, serviceToken } = await issue();
    const row = await api.prisma.serviceToken.findUniqueOrThrow({ where: { id: decodeGlobalID(serviceToken.id).id } });
    expect(row.tokenHash).toBe(hashServiceToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('issues a token that authenticates as a service with the SYSTEM role', async () => {
    const { token, serviceToken } = await issue();
    const viewer = await api.graphql(VIEWER, {}, token);
    expect(viewer.data?.viewer).toEqual({ kind: 'service', role: 'SYSTEM', customerId: tenant.ids.customer });
    const row = await api.prisma.serviceToken.findUniqueOrThrow({ where: { id: decodeGlobalID(serviceToken.id).id } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });

  it('rejects a one-letter name with BAD_USER_INPUT and issues nothing', async () => {
    const before = await tokenCount();
    const result = await api.graphql(CREATE, { input: { customerId: tenant.ids.customer, name: 'x' } }, adminToken);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.name'] });
    expect(await tokenCount()).toBe(before);
  });

  it('does not let a service token issue tokens', async () => {
    const { token } = await issue();
    const result = await api.graphql(CREATE, { input: { customerId: tenant.ids.customer, name: 'Escalation' } }, token);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('revokeServiceToken', () => {
  it('stops the token from authenticating and keeps the first revocation time', async () => {
    const { token, serviceToken } = await issue();
    const first = await api.graphql(REVOKE, { id: serviceToken.id }, adminToken);
    expect(first.data?.revokeServiceToken.revokedAt).toEqual(expect.any(String));
    const viewer = await api.graphql(VIEWER, {}, token);
    expect(viewer.data?.viewer).toBeNull();
    const second = await api.graphql(REVOKE, { id: serviceToken.id }, adminToken);
    expect(second.data?.revokeServiceToken.revokedAt).toBe(first.data?.revokeServiceToken.revokedAt);
  });

  it('answers NOT_FOUND for a token that does not exist', async () => {
    const result = await api.graphql(REVOKE, { id: encodeGlobalID('ServiceToken', randomUUID()) }, adminToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('Customer.serviceTokens', () => {
  it('lists the tokens newest first for admins, and is FORBIDDEN for other roles', async () => {
    const older = await issue('Older job');
    const newer = await issue('Newer job');
    const query = 'query($id: ID!) { customer(id: $id) { serviceTokens(first: 2) { nodes { id name } } } }';
    const listed = await api.graphql(query, { id: tenant.ids.customer }, adminToken);
    expect(listed.data?.customer.serviceTokens.nodes).toEqual([
      { id: newer.serviceToken.id, name: 'Newer job' },
      { id: older.serviceToken.id, name: 'Older job' },
    ]);
    const analyst = await api.graphql(query, { id: tenant.ids.customer }, await api.tokenFor(tenant.users.ANALYST.id));
    expect(analyst.data?.customer.serviceTokens).toBeNull();
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('tenancy', () => {
  it('hides tokens from another tenant’s admin and refuses their writes', async () => {
    const { token, serviceToken } = await issue();
    const otherToken = await api.tokenFor(other.users.CUSTOMER_ADMIN.id);
    const node = await api.graphql(
      'query($id: ID!) { node(id: $id) { ... on ServiceToken { name } } }',
      { id: serviceToken.id },
      otherToken,
    );
    expect(node.data?.node).toBeNull();
    const revoke = await api.graphql(REVOKE, { id: serviceToken.id }, otherToken);
    expect(revoke.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const create = await api.graphql(
      CREATE,
      { input: { customerId: tenant.ids.customer, name: 'Theirs' } },
      otherToken,
    );
    expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.graphql(VIEWER, {}, token)).data?.viewer.kind).toBe('service');
  });
});

describe('scopes', () => {
  it('issues usage:write by default, and such a token can report usage but read nothing else', async () => {
    const { token } = await issue();
    const scopes = await api.graphql(
      '{ customers { nodes { serviceTokens { nodes { name scopes } } } } }',
      {},
      adminToken,
    );
    expect(scopes.errors).toBeUndefined();
    const listed = scopes.data?.customers.nodes.flatMap((c: any) => c.serviceTokens.nodes);
    expect(listed[0].scopes).toEqual(['USAGE_WRITE']);

    const ingest = await api.graphql(
      `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { processed } }`,
      {
        input: {
          customerId: tenant.ids.customer,
          copId: tenant.ids.cop,
          metricDate: '2026-02-01',
          metrics: [{ name: 'DBU', value: 3 }],
        },
      },
      token,
    );
    expect(ingest.errors).toBeUndefined();
    expect(ingest.data?.ingestUsage.processed).toBe(1);

    for (const query of [
      '{ customers { nodes { users { nodes { email } } } } }',
      '{ cops { nodes { name discussions { nodes { body } } } } }',
      'query($id: ID!) { node(id: $id) { id } }',
      '{ auditLogs { nodes { action } } }',
    ]) {
      const result = await api.graphql(query, { id: tenant.ids.cop }, token);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a token without scopes everything but `viewer`, over GraphQL and the REST usage endpoint', async () => {
    const { token, serviceToken } = await issue('Scopeless');
    await api.prisma.serviceToken.update({ where: { id: decodeGlobalID(serviceToken.id).id }, data: { scopes: [] } });
    expect((await api.graphql(VIEWER, {}, token)).data?.viewer.kind).toBe('service');
    const ingest = await api.graphql(
      `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { processed } }`,
      { input: { customerId: tenant.ids.customer, metricDate: '2026-02-01', metrics: [{ name: 'DBU', value: 3 }] } },
      token,
    );
    expect(ingest.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const rest = await api.request('/api/v1/integrations/databricks/usage', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        customerId: tenant.customer.id,
        metricDate: '2026-02-01',
        metrics: [{ name: 'DBU', value: 1 }],
      }),
    });
    expect(rest.status).toBe(403);
  });
});

describe('DATABRICKS_INTERNAL tokens (the platform’s own automation)', () => {
  const input = () => ({
    customerId: tenant.ids.customer,
    name: 'Platform usage collector',
    role: 'DATABRICKS_INTERNAL',
  });

  it('are issued by platform admins only', async () => {
    const before = await tokenCount();
    const refused = await api.graphql(CREATE, { input: input() }, adminToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await tokenCount()).toBe(before);
  });

  it('ingest usage and do nothing else', async () => {
    const platformAdmin = await api.tokenFor((await createPlatformAdmin(api.prisma)).id);
    const issued = await api.graphql(CREATE, { input: input() }, platformAdmin);
    expect(issued.errors).toBeUndefined();
    const { token, serviceToken } = issued.data!.createServiceToken;
    expect(serviceToken.role).toBe('DATABRICKS_INTERNAL');
    expect((await api.graphql(VIEWER, {}, token)).data?.viewer).toEqual({
      kind: 'service',
      role: 'DATABRICKS_INTERNAL',
      customerId: tenant.ids.customer,
    });
    const ingest = await api.graphql(
      `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { processed } }`,
      {
        input: {
          customerId: tenant.ids.customer,
          copId: tenant.ids.cop,
          metricDate: '2026-02-02',
          metrics: [{ name: 'DBU', value: 4 }],
        },
      },
      token,
    );
    expect(ingest.data?.ingestUsage.processed).toBe(1);
    const elsewhere = await api.graphql(
      `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { processed } }`,
      { input: { customerId: other.ids.customer, metricDate: '2026-02-02', metrics: [{ name: 'DBU', value: 4 }] } },
      token,
    );
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const call of [
      '{ cops { nodes { name } } }',
      `mutation { createServiceToken(input: { customerId: "${tenant.ids.customer}", name: "escalate" }) { token } }`,
    ]) {
      const result = await api.graphql(call, {}, token);
      expect(result.errors?.[0]?.extensions?.code, call).toBe('FORBIDDEN');
    }
  });
});

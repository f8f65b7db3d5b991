import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateServiceToken } from '../src/auth/service-tokens.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
const USAGE_PATH = '/api/v1/integrations/databricks/usage';

type Tenant = Awaited<ReturnType<typeof createTenant>>;
let tenant: Tenant;
let serviceToken: string;

async function issueServiceToken(customerId: string, revoked = false): Promise<string> {
  const { token, tokenHash, prefix } = generateServiceToken();
  await api.prisma.serviceToken.create({
    data: {
      customerId,
      name: 'daily usage job',
      tokenHash,
      prefix,
      scopes: ['usage:write'],
      ...(revoked ? { revokedAt: new Date() } : {}),
    },
  });
  return token;
}

function postUsage(body: unknown, token?: string) {
  return api.request(USAGE_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The job's payload: the five daily usage metrics of one day. */
function jobPayload(customerId: string, extra: Record<string, unknown> = {}, scale = 1) {
  return {
    customerId,
    metricDate: '2026-04-14',
    metrics: [
      { name: 'DBU', value: 1234.5 * scale, metadata: { source: 'system.billing.usage' } },
      { name: 'ACTIVE_USERS', value: 42 * scale },
      { name: 'JOBS_RUN', value: 17 * scale },
      { name: 'QUERIES_EXECUTED', value: 903 * scale },
      { name: 'MODEL_REQUESTS', value: 55 * scale },
    ],
    ...extra,
  };
}

const kpiRows = (copIds: string[]) =>
  api.prisma.kpiMetric.findMany({
    where: { copId: { in: copIds } },
    orderBy: [{ copId: 'asc' }, { metricName: 'asc' }],
    select: { copId: true, metricName: true, metricValue: true, metricDate: true },
  });

/** Extra CoPs for the tenant, optionally inactive. */
async function addCops(customerId: string, names: string[], isActive = true) {
  return Promise.all(
    names.map((name) =>
      api.prisma.cop.create({ data: { customerId, name, startDate: new Date('2026-01-01'), isActive } }),
    ),
  );
}

/** The report reached exactly `copIds`, five metrics each, and left the `skipped` CoP alone. */
async function expectAttributedTo(response: Response, copIds: string[], skipped: string) {
  const body = await response.json();
  expect(body).toMatchObject({ status: 'success', processed: 5 * copIds.length });
  expect([...body.cops].sort()).toEqual([...copIds].sort());
  expect(await kpiRows(copIds)).toHaveLength(5 * copIds.length);
  expect(await api.prisma.kpiMetric.count({ where: { copId: skipped } })).toBe(0);
}

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Usage');
  serviceToken = await issueServiceToken(tenant.customer.id);
});
afterAll(() => api.close());

describe('usage ingestion endpoint', () => {
  it('stores one KPI row per metric for the named CoP and reports what it wrote', async () => {
    const response = await postUsage(jobPayload(tenant.customer.id, { copId: tenant.cop.id }), serviceToken);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'success', processed: 5, cops: [tenant.cop.id] });
    const rows = await kpiRows([tenant.cop.id]);
    expect(rows.map((row) => [row.metricName, row.metricValue])).toEqual([
      ['ACTIVE_USERS', 42],
      ['DBU', 1234.5],
      ['JOBS_RUN', 17],
      ['MODEL_REQUESTS', 55],
      ['QUERIES_EXECUTED', 903],
    ]);
    expect(rows[0]?.metricDate.toISOString()).toBe('2026-04-14T00:00:00.000Z');
  });

  it('updates the same rows when a report is replayed, adding none', async () => {
    const first = await postUsage(jobPayload(tenant.customer.id, { copId: tenant.cop.id }), serviceToken);
    expect(first.status).toBe(200);
    const countAfterFirst = await api.prisma.kpiMetric.count({ where: { copId: tenant.cop.id } });

    const replay = await postUsage(jobPayload(tenant.customer.id, { copId: tenant.cop.id }, 2), serviceToken);
    expect(await replay.json()).toMatchObject({ processed: 5 });
    expect(await api.prisma.kpiMetric.count({ where: { copId: tenant.cop.id } })).toBe(countAfterFirst);
    const dbu = await api.prisma.kpiMetric.findFirstOrThrow({ where: { copId: tenant.cop.id, metricName: 'DBU' } });
    expect(dbu.metricValue).toBe(2469);
  });

  it('attributes a report with a workspaceId to the CoPs of that workspace’s active mappings', async () => {
    const own = await createTenant(api.prisma, 'Workspace');
    const token = await issueServiceToken(own.customer.id);
    const [second, unmapped] = await addCops(own.customer.id, ['Analytics CoP', 'Unmapped CoP']);
    const integration = await api.prisma.integration.create({
      data: { customerId: own.customer.id, type: 'DATABRICKS', displayName: 'Prod workspace' },
    });
    const mapping = (copId: string, isActive = true) => ({
      integrationId: integration.id,
      copId,
      workspaceId: '1234567890123456',
      workspaceName: 'prod',
      workspaceUrl: 'https://prod.cloud.databricks.com',
      isActive,
    });
    await api.prisma.workspaceMapping.createMany({
      data: [mapping(own.cop.id), mapping(second!.id), mapping(unmapped!.id, false)],
    });

    const response = await postUsage(jobPayload(own.customer.id, { workspaceId: '1234567890123456' }), token);
    await expectAttributedTo(response, [own.cop.id, second!.id], unmapped!.id);
  });

  it('attributes a report without copId or workspace to every active CoP of the customer', async () => {
    const own = await createTenant(api.prisma, 'AllCops');
    const token = await issueServiceToken(own.customer.id);
    const [active] = await addCops(own.customer.id, ['Platform CoP']);
    const [inactive] = await addCops(own.customer.id, ['Retired CoP'], false);

    // The job sends an empty workspace id when Spark does not know it.
    const response = await postUsage(jobPayload(own.customer.id, { workspaceId: '' }), token);
    await expectAttributedTo(response, [own.cop.id, active!.id], inactive!.id);
  });

  it('writes none of a report when one of its rows cannot be stored', async () => {
    const own = await createTenant(api.prisma, 'Atomic');
    const token = await issueServiceToken(own.customer.id);
    // Postgres refuses NUL characters in JSONB: the second upsert fails after the first succeeded.
    const metrics = [
      { name: 'DBU', value: 1 },
      { name: 'JOBS_RUN', value: 2, metadata: { note: 'bad \u0000 byte' } },
    ];
    const response = await postUsage({ ...jobPayload(own.customer.id), metrics }, token);
    expect(response.status).toBe(500);
    expect(await api.prisma.kpiMetric.count({ where: { copId: own.cop.id } })).toBe(0);
  });

  it('accepts global ids for the customer and the CoP', async () => {
    const own = await createTenant(api.prisma, 'GlobalIds');
    const token = await issueServiceToken(own.customer.id);
    const response = await postUsage(jobPayload(own.ids.customer, { copId: own.ids.cop }), token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ processed: 5, cops: [own.cop.id] });
  });

  it('writes an audit row naming the service token', async () => {
    const own = await createTenant(api.prisma, 'Audited');
    const token = await issueServiceToken(own.customer.id);
    await postUsage(jobPayload(own.customer.id), token);
    const audit = await api.prisma.auditLog.findFirstOrThrow({ where: { customerId: own.customer.id } });
    expect(audit).toMatchObject({ action: 'ingestUsage', actorType: 'service' });
  });
});

describe('usage ingestion endpoint refusals', () => {
  it.each([
    ['no token', undefined],
    ['an unknown token', 'copos_not-a-real-token'],
    ['a malformed bearer', 'garbage'],
  ])('answers 401 with %s', async (_label, token) => {
    const response = await postUsage(jobPayload(tenant.customer.id), token);
    expect(response.status).toBe(401);
    expect(await response.json()).toHaveProperty('error');
  });

  it('answers 401 with a revoked token', async () => {
    const revoked = await issueServiceToken(tenant.customer.id, true);
    expect((await postUsage(jobPayload(tenant.customer.id), revoked)).status).toBe(401);
  });

  it('answers 403 when the token belongs to another customer', async () => {
    const other = await createTenant(api.prisma, 'Other');
    const response = await postUsage(jobPayload(other.customer.id, { copId: other.cop.id }), serviceToken);
    expect(response.status).toBe(403);
    expect(await api.prisma.kpiMetric.count({ where: { copId: other.cop.id } })).toBe(0);
  });

  it('answers 403 to a signed-in member', async () => {
    const member = await postUsage(jobPayload(tenant.customer.id), await api.tokenFor(tenant.users.MEMBER.id));
    expect(member.status).toBe(403);
  });

  it('accepts a signed-in customer admin', async () => {
    const admin = await postUsage(jobPayload(tenant.customer.id), await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id));
    expect(admin.status).toBe(200);
  });

  it.each([
    ['a date that is not YYYY-MM-DD', { metricDate: '14/04/2026' }, 'metricDate'],
    ['a lower-case metric name', { metrics: [{ name: 'dbu', value: 1 }] }, 'metrics.0.name'],
    ['a non-numeric value', { metrics: [{ name: 'DBU', value: 'lots' }] }, 'metrics.0.value'],
    ['no metrics', { metrics: [] }, 'metrics'],
    [
      'the same metric twice',
      {
        metrics: [
          { name: 'DBU', value: 1 },
          { name: 'DBU', value: 2 },
        ],
      },
      'metrics',
    ],
    ['metadata that is not an object', { metrics: [{ name: 'DBU', value: 1, metadata: 'x' }] }, 'metrics.0.metadata'],
  ])('answers 400 with the issues for %s, writing nothing', async (_label, change, path) => {
    const before = await api.prisma.kpiMetric.count();
    const response = await postUsage({ ...jobPayload(tenant.customer.id), ...change }, serviceToken);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toEqual(expect.any(String));
    expect(body.issues.map((issue: { path: string }) => issue.path)).toContain(path);
    expect(await api.prisma.kpiMetric.count()).toBe(before);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await postUsage('{"customerId":', serviceToken);
    expect(response.status).toBe(400);
  });

  it('answers 404 with a reason for an unknown CoP or an unmapped workspace, writing nothing', async () => {
    const before = await api.prisma.kpiMetric.count();
    const unknownCop = await postUsage(
      jobPayload(tenant.customer.id, { copId: '00000000-0000-4000-8000-000000000000' }),
      serviceToken,
    );
    expect(unknownCop.status).toBe(404);
    expect(await unknownCop.json()).toMatchObject({ reason: 'COP_NOT_FOUND' });

    const unmapped = await postUsage(jobPayload(tenant.customer.id, { workspaceId: '999' }), serviceToken);
    expect(unmapped.status).toBe(404);
    expect(await unmapped.json()).toMatchObject({ reason: 'WORKSPACE_NOT_MAPPED' });
    expect(await api.prisma.kpiMetric.count()).toBe(before);
  });

  it('treats another customer’s CoP as unknown', async () => {
    const other = await createTenant(api.prisma, 'Foreign');
    const response = await postUsage(jobPayload(tenant.customer.id, { copId: other.cop.id }), serviceToken);
    expect(response.status).toBe(404);
    expect(await api.prisma.kpiMetric.count({ where: { copId: other.cop.id } })).toBe(0);
  });

  it('refuses GET with 405', async () => {
    const response = await api.request(USAGE_PATH, { headers: { authorization: `Bearer ${serviceToken}` } });
    expect(response.status).toBe(405);
  });
});

describe('ingestUsage mutation', () => {
  const mutation = `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { status processed copIds } }`;
  const input = (customerId: string, extra: Record<string, unknown> = {}) => ({
    customerId,
    metricDate: '2026-04-20',
    metrics: [
      { name: 'DBU', value: 10 },
      { name: 'ACTIVE_USERS', value: 3, metadata: { window: '1d' } },
    ],
    ...extra,
  });

  it('ingests for a customer admin through the same service', async () => {
    const token = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
    const result = await api.graphql(mutation, { input: input(tenant.ids.customer, { copId: tenant.ids.cop }) }, token);
    expect(result.data?.ingestUsage).toEqual({ status: 'success', processed: 2, copIds: [tenant.ids.cop] });
    const row = await api.prisma.kpiMetric.findFirstOrThrow({
      where: { copId: tenant.cop.id, metricName: 'ACTIVE_USERS', metricDate: new Date('2026-04-20') },
    });
    expect(row).toMatchObject({ metricValue: 3, metadata: { window: '1d' } });
  });

  it('accepts the usage job’s service token', async () => {
    const result = await api.graphql(mutation, { input: input(tenant.ids.customer) }, serviceToken);
    expect(result.data?.ingestUsage.processed).toBe(2);
  });

  it('refuses members and other customers with FORBIDDEN', async () => {
    const member = await api.graphql(
      mutation,
      { input: input(tenant.ids.customer) },
      await api.tokenFor(tenant.users.MEMBER.id),
    );
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await createTenant(api.prisma, 'OtherGql');
    const foreign = await api.graphql(mutation, { input: input(other.ids.customer) }, serviceToken);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await api.prisma.kpiMetric.count({ where: { copId: other.cop.id } })).toBe(0);
  });

  it('rejects a bad metric name with BAD_USER_INPUT and an unknown CoP with NOT_FOUND, writing nothing', async () => {
    const token = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
    const before = await api.prisma.kpiMetric.count();
    const bad = await api.graphql(
      mutation,
      { input: input(tenant.ids.customer, { metrics: [{ name: 'Active users', value: 1 }] }) },
      token,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await api.graphql(
      mutation,
      { input: input(tenant.ids.customer, { copId: encodeGlobalID('Cop', '00000000-0000-4000-8000-000000000000') }) },
      token,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'COP_NOT_FOUND' });
    expect(await api.prisma.kpiMetric.count()).toBe(before);
  });
});

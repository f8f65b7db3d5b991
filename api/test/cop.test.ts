import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, TEST_PASSWORD } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let adminToken: string;

beforeAll(async () => {
  tenant = await createTenant(api.prisma);
  adminToken = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
});
afterAll(() => api.close());

describe('sign-in', () => {
  it('issues a token that identifies the user', async () => {
    const signIn = await api.graphql(
      `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`,
      {
        e: tenant.users.ANALYST.email,
        p: TEST_PASSWORD,
      },
    );
    const viewer = await api.graphql(`{ viewer { kind role email customerId } }`, {}, signIn.data?.signIn.token);
    expect(viewer.data?.viewer).toEqual({
      kind: 'user',
      role: 'ANALYST',
      email: tenant.users.ANALYST.email,
      customerId: tenant.ids.customer,
    });
  });

  it('refuses a wrong password with UNAUTHENTICATED', async () => {
    const result = await api.graphql(
      `mutation { signIn(email: "${tenant.users.ANALYST.email}", password: "nope") { token } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a malformed email with BAD_USER_INPUT', async () => {
    const result = await api.graphql(`mutation { signIn(email: "not-an-email", password: "x") { token } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('CoP mutations', () => {
  it('creates, updates and deletes a CoP, writing an audit row for each', async () => {
    const created = await api.graphql(
      `mutation($input: CreateCopInput!) { createCop(input: $input) { id name phase customer { id } } }`,
      { input: { customerId: tenant.ids.customer, name: 'ML Ops CoP', startDate: '2026-03-01', phase: 'FOUNDATION' } },
      adminToken,
    );
    const cop = created.data?.createCop;
    expect(cop).toMatchObject({ name: 'ML Ops CoP', phase: 'FOUNDATION', customer: { id: tenant.ids.customer } });

    const updated = await api.graphql(
      `mutation($id: ID!) { updateCop(id: $id, input: { phase: SCALE }) { phase name } }`,
      { id: cop.id },
      adminToken,
    );
    expect(updated.data?.updateCop).toEqual({ phase: 'SCALE', name: 'ML Ops CoP' });

    const deleted = await api.graphql(`mutation($id: ID!) { deleteCop(id: $id) }`, { id: cop.id }, adminToken);
    expect(deleted.data?.deleteCop).toBe(cop.id);

    const actions = await api.prisma.auditLog.findMany({
      where: { customerId: tenant.customer.id },
      select: { action: true },
    });
    expect(actions.map((row) => row.action)).toEqual(expect.arrayContaining(['createCop', 'updateCop', 'deleteCop']));
  });

  it('rejects a one-letter name with BAD_USER_INPUT and creates nothing', async () => {
    const before = await api.prisma.cop.count({ where: { customerId: tenant.customer.id } });
    const result = await api.graphql(
      `mutation($input: CreateCopInput!) { createCop(input: $input) { id } }`,
      { input: { customerId: tenant.ids.customer, name: 'X', startDate: '2026-03-01' } },
      adminToken,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await api.prisma.cop.count({ where: { customerId: tenant.customer.id } })).toBe(before);
  });

  it('does not let a member create a CoP', async () => {
    const token = await api.tokenFor(tenant.users.MEMBER.id);
    const result = await api.graphql(
      `mutation($input: CreateCopInput!) { createCop(input: $input) { id } }`,
      { input: { customerId: tenant.ids.customer, name: 'Sneaky CoP', startDate: '2026-03-01' } },
      token,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('filters CoPs by phase and name', async () => {
    const result = await api.graphql(
      `{ cops(filter: { phase: GROWTH, search: "data engineering" }) { totalCount nodes { name } } }`,
      {},
      adminToken,
    );
    expect(result.data?.cops.totalCount).toBe(1);
    expect(result.data?.cops.nodes[0].name).toBe(tenant.cop.name);
  });
});

describe('customer tenancy', () => {
  it("refuses to read or change another tenant's customer by id", async () => {
    const other = await createTenant(api.prisma, 'Other');
    const read = await api.graphql(
      `query($id: ID!) { customer(id: $id) { id name } node(id: $id) { id } }`,
      { id: other.ids.customer },
      adminToken,
    );
    expect(read.data).toEqual({ customer: null, node: null });
    const write = await api.graphql(
      `mutation($id: ID!) { updateCustomer(id: $id, input: { vpName: "pwned" }) { id } }`,
      { id: other.ids.customer },
      adminToken,
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const row = await api.prisma.customer.findUniqueOrThrow({ where: { id: other.customer.id } });
    expect(row.vpName).toBeNull();
  });
});

describe('global ids', () => {
  it('answers a global id of the wrong type with BAD_USER_INPUT', async () => {
    const result = await api.graphql(
      `mutation($id: ID!) { deleteCop(id: $id) }`,
      { id: tenant.ids.customer },
      adminToken,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('is not of type');
  });
});

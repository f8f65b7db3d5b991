import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let outsider: Awaited<ReturnType<typeof createTenant>>;
let adminToken: string;
let outsiderToken: string;

const RECOGNIZE = `mutation($input: RecognizeChampionInput!) {
  recognizeChampion(input: $input) { id reason recognizedAt user { id name } cop { id } }
}`;
const REMOVE = `mutation($id: ID!) { removeChampion(id: $id) }`;
const userId = (id: string) => encodeGlobalID('User', id);

beforeAll(async () => {
  tenant = await createTenant(api.prisma);
  adminToken = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
  outsider = await createTenant(api.prisma, 'Outsider');
  outsiderToken = await api.tokenFor(outsider.users.CUSTOMER_ADMIN.id);
});
afterAll(() => api.close());

const championCount = () => api.prisma.champion.count({ where: { copId: tenant.cop.id } });

describe('recognizing champions', () => {
  it('recognizes a person of the customer, lists them on the CoP and removes them', async () => {
    const input = { copId: tenant.ids.cop, userId: userId(tenant.users.DATA_ENGINEER.id), reason: 'Ran 5 workshops' };
    const recognized = await api.graphql(RECOGNIZE, { input }, adminToken);
    const champion = recognized.data?.recognizeChampion;
    expect(champion).toMatchObject({
      reason: 'Ran 5 workshops',
      user: { id: input.userId },
      cop: { id: tenant.ids.cop },
    });

    const listed = await api.graphql(
      `query($id: ID!) { cop(id: $id) { champions { totalCount nodes { id reason } } } }`,
      { id: tenant.ids.cop },
      adminToken,
    );
    expect(listed.data?.cop.champions.nodes).toContainEqual({ id: champion.id, reason: 'Ran 5 workshops' });

    const removed = await api.graphql(REMOVE, { id: champion.id }, adminToken);
    expect(removed.data?.removeChampion).toBe(champion.id);
    expect(await api.prisma.champion.count({ where: { userId: tenant.users.DATA_ENGINEER.id } })).toBe(0);
  });

  it('renews the recognition instead of listing the same person twice', async () => {
    const input = { copId: tenant.ids.cop, userId: userId(tenant.users.ANALYST.id), reason: 'Answered 40 questions' };
    const first = await api.graphql(RECOGNIZE, { input }, adminToken);
    const again = await api.graphql(RECOGNIZE, { input: { ...input, reason: 'Built the KPI dashboard' } }, adminToken);
    expect(again.data?.recognizeChampion.id).toBe(first.data?.recognizeChampion.id);
    expect(again.data?.recognizeChampion.reason).toBe('Built the KPI dashboard');
    expect(await api.prisma.champion.count({ where: { copId: tenant.cop.id, userId: tenant.users.ANALYST.id } })).toBe(
      1,
    );
  });

  it('rejects an empty reason with BAD_USER_INPUT and records nothing', async () => {
    const before = await championCount();
    const result = await api.graphql(
      RECOGNIZE,
      { input: { copId: tenant.ids.cop, userId: userId(tenant.users.MEMBER.id), reason: '  ' } },
      adminToken,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.reason'] });
    expect(await championCount()).toBe(before);
  });

  it('refuses a person of another customer', async () => {
    const before = await championCount();
    const result = await api.graphql(
      RECOGNIZE,
      { input: { copId: tenant.ids.cop, userId: userId(outsider.users.MEMBER.id), reason: 'Not even here' } },
      adminToken,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await championCount()).toBe(before);
  });

  it('leaves recognition to admins', async () => {
    const result = await api.graphql(
      RECOGNIZE,
      { input: { copId: tenant.ids.cop, userId: userId(tenant.users.MEMBER.id), reason: 'Self-nominated' } },
      await api.tokenFor(tenant.users.ANALYST.id),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('champion tenancy', () => {
  it('hides champions from another tenant and refuses their changes', async () => {
    const row = await api.prisma.champion.create({
      data: { copId: tenant.cop.id, userId: tenant.users.MEMBER.id, reason: 'Mentors new members' },
    });
    const id = encodeGlobalID('Champion', row.id);
    const node = await api.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id }, outsiderToken);
    expect(node.data?.node).toBeNull();
    const remove = await api.graphql(REMOVE, { id }, outsiderToken);
    expect(remove.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const recognize = await api.graphql(
      RECOGNIZE,
      { input: { copId: tenant.ids.cop, userId: userId(tenant.users.MEMBER.id), reason: 'Overwritten' } },
      outsiderToken,
    );
    expect(recognize.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await api.prisma.champion.findUnique({ where: { id: row.id } })).toMatchObject({
      reason: 'Mentors new members',
    });
  });
});

import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
/** A CoP of the same customer that the lead does not lead. */
let neighbourCop: string;
let lead: string;
let member: string;

const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id title cop { id } } }`;
const RECOGNIZE = `mutation($input: RecognizeChampionInput!) { recognizeChampion(input: $input) { id reason cop { id } } }`;
const event = (copId: string) => ({
  copId,
  title: 'Unity Catalog clinic',
  kind: 'WORKSHOP',
  startsAt: '2026-12-10T10:00:00Z',
  endsAt: '2026-12-10T11:00:00Z',
});
const champion = (copId: string) => ({
  copId,
  userId: encodeGlobalID('User', tenant.users.MEMBER.id),
  reason: 'Ran three workshops',
});

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTenant(api.prisma), createTenant(api.prisma, 'Other')]);
  // A MEMBER by role, who may edit no CoP of the customer… but leads this one.
  const leadUser = await api.prisma.user.create({
    data: {
      email: `lead-${tenant.customer.id}@example.test`,
      name: 'Lena Lead',
      passwordHash: 'unused',
      role: 'MEMBER',
      customerId: tenant.customer.id,
    },
  });
  await api.prisma.membership.create({ data: { copId: tenant.cop.id, userId: leadUser.id, role: 'LEAD' } });
  const neighbour = await api.prisma.cop.create({
    data: {
      customerId: tenant.customer.id,
      name: `Neighbour ${tenant.customer.id}`,
      startDate: new Date('2026-01-01'),
    },
  });
  await api.prisma.membership.create({ data: { copId: neighbour.id, userId: leadUser.id, role: 'MEMBER' } });
  neighbourCop = encodeGlobalID('Cop', neighbour.id);
  [lead, member] = await Promise.all([api.tokenFor(leadUser.id), api.tokenFor(tenant.users.MEMBER.id)]);
});
afterAll(() => api.close());

describe('a CoP lead', () => {
  it('creates events for their own CoP', async () => {
    const result = await api.graphql(CREATE_EVENT, { input: event(tenant.ids.cop) }, lead);
    expect(result.errors).toBeUndefined();
    expect(result.data?.createEvent).toMatchObject({ title: 'Unity Catalog clinic', cop: { id: tenant.ids.cop } });
  });

  it('recognises champions of their own CoP', async () => {
    const result = await api.graphql(RECOGNIZE, { input: champion(tenant.ids.cop) }, lead);
    expect(result.errors).toBeUndefined();
    expect(result.data?.recognizeChampion).toMatchObject({
      reason: 'Ran three workshops',
      cop: { id: tenant.ids.cop },
    });
  });

  it('is FORBIDDEN in a CoP of the customer they only belong to, and nothing is written', async () => {
    const [events, champions] = [await api.prisma.copEvent.count(), await api.prisma.champion.count()];
    for (const [query, input] of [
      [CREATE_EVENT, event(neighbourCop)],
      [RECOGNIZE, champion(neighbourCop)],
    ] as const) {
      const result = await api.graphql(query, { input }, lead);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect([await api.prisma.copEvent.count(), await api.prisma.champion.count()]).toEqual([events, champions]);
  });

  it('gets NOT_FOUND for another tenant’s CoP', async () => {
    for (const [query, input] of [
      [CREATE_EVENT, event(other.ids.cop)],
      [RECOGNIZE, champion(other.ids.cop)],
    ] as const) {
      const result = await api.graphql(query, { input }, lead);
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});

describe('a plain member', () => {
  it('may neither create events nor recognise champions', async () => {
    for (const [query, input] of [
      [CREATE_EVENT, event(tenant.ids.cop)],
      [RECOGNIZE, champion(tenant.ids.cop)],
    ] as const) {
      const result = await api.graphql(query, { input }, member);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

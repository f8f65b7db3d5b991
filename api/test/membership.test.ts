import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
let admin: string;

const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { id role user { id } cop { id } } }`;
const UPDATE = `mutation($id: ID!, $role: MembershipRole!) { updateMembership(id: $id, role: $role) { id role } }`;
const REMOVE = `mutation($id: ID!) { removeMember(id: $id) }`;

const userId = (id: string) => encodeGlobalID('User', id);
const membershipId = (id: string) => encodeGlobalID('Membership', id);
const membershipOf = (copId: string, user: string) =>
  api.prisma.membership.findUnique({ where: { copId_userId: { copId, userId: user } } });

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Members');
  other = await createTenant(api.prisma, 'Other members');
  admin = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
});
afterAll(() => api.close());

describe('addMember', () => {
  it('adds a user of the tenant to its CoP with the given role, and changes the role when added again', async () => {
    const analyst = tenant.users.ANALYST.id;
    const input = { copId: tenant.ids.cop, userId: userId(analyst), role: 'CHAMPION' };
    const added = await api.graphql(ADD, { input }, admin);
    expect(added.errors).toBeUndefined();
    expect(added.data?.addMember).toMatchObject({
      role: 'CHAMPION',
      user: { id: userId(analyst) },
      cop: { id: tenant.ids.cop },
    });
    expect(await membershipOf(tenant.cop.id, analyst)).toMatchObject({ role: 'CHAMPION' });

    const again = await api.graphql(ADD, { input: { ...input, role: 'LEAD' } }, admin);
    expect(again.data?.addMember.id).toBe(added.data?.addMember.id);
    expect(await api.prisma.membership.count({ where: { copId: tenant.cop.id, userId: analyst } })).toBe(1);
    expect(await membershipOf(tenant.cop.id, analyst)).toMatchObject({ role: 'LEAD' });
  });

  it('defaults the role to MEMBER', async () => {
    const engineer = tenant.users.DATA_ENGINEER.id;
    const result = await api.graphql(ADD, { input: { copId: tenant.ids.cop, userId: userId(engineer) } }, admin);
    expect(result.data?.addMember.role).toBe('MEMBER');
  });

  it("refuses another tenant's user, and another tenant's CoP, with NOT_FOUND and adds nothing", async () => {
    const stranger = other.users.ANALYST.id;
    const foreignUser = await api.graphql(ADD, { input: { copId: tenant.ids.cop, userId: userId(stranger) } }, admin);
    expect(foreignUser.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await membershipOf(tenant.cop.id, stranger)).toBeNull();

    const own = tenant.users.ANALYST.id;
    const foreignCop = await api.graphql(ADD, { input: { copId: other.ids.cop, userId: userId(own) } }, admin);
    expect(foreignCop.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await membershipOf(other.cop.id, own)).toBeNull();
  });

  it('does not let a member add anyone', async () => {
    const member = await api.tokenFor(tenant.users.MEMBER.id);
    const input = { copId: tenant.ids.cop, userId: userId(tenant.users.CUSTOMER_ADMIN.id) };
    const result = await api.graphql(ADD, { input }, member);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await membershipOf(tenant.cop.id, tenant.users.CUSTOMER_ADMIN.id)).toBeNull();
  });
});

describe('updateMembership', () => {
  it("changes a membership's role", async () => {
    const membership = (await membershipOf(tenant.cop.id, tenant.users.MEMBER.id))!;
    const result = await api.graphql(UPDATE, { id: membershipId(membership.id), role: 'LEAD' }, admin);
    expect(result.data?.updateMembership).toEqual({ id: membershipId(membership.id), role: 'LEAD' });
    expect((await api.prisma.membership.findUnique({ where: { id: membership.id } }))?.role).toBe('LEAD');
  });

  it("answers NOT_FOUND for another tenant's membership and leaves it as it was", async () => {
    const foreign = (await membershipOf(other.cop.id, other.users.MEMBER.id))!;
    const result = await api.graphql(UPDATE, { id: membershipId(foreign.id), role: 'CHAMPION' }, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await api.prisma.membership.findUnique({ where: { id: foreign.id } }))?.role).toBe('MEMBER');
  });
});

describe('removeMember', () => {
  it('removes the membership and answers its id', async () => {
    const membership = (await membershipOf(tenant.cop.id, tenant.users.MEMBER.id))!;
    const result = await api.graphql(REMOVE, { id: membershipId(membership.id) }, admin);
    expect(result.data?.removeMember).toBe(membershipId(membership.id));
    expect(await api.prisma.membership.findUnique({ where: { id: membership.id } })).toBeNull();
    // The user stays; only the membership goes.
    expect(await api.prisma.user.findUnique({ where: { id: tenant.users.MEMBER.id } })).not.toBeNull();
  });

  it("answers NOT_FOUND for another tenant's membership and keeps it", async () => {
    const foreign = (await membershipOf(other.cop.id, other.users.MEMBER.id))!;
    const result = await api.graphql(REMOVE, { id: membershipId(foreign.id) }, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await api.prisma.membership.findUnique({ where: { id: foreign.id } })).not.toBeNull();
  });

  it('does not let an analyst remove a member', async () => {
    const membership = (await membershipOf(other.cop.id, other.users.MEMBER.id))!;
    const analyst = await api.tokenFor(other.users.ANALYST.id);
    const result = await api.graphql(REMOVE, { id: membershipId(membership.id) }, analyst);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await api.prisma.membership.findUnique({ where: { id: membership.id } })).not.toBeNull();
  });
});

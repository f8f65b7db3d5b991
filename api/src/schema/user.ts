import { z } from 'zod';
import { ADMIN_ROLES } from '../auth/viewer.js';
import { builder } from './builder.js';
import { Cop } from './cop.js';
import { MembershipRoleEnum, RoleEnum } from './enums.js';
import { found, ownedCopId, ownedDeleteMutation, ownedNode, updateOwned } from './ownership.js';

export const User = builder.prismaNode('User', {
  ...ownedNode('user'),
  fields: (t) => ({
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
    customer: t.relation('customer', { nullable: true }),
    memberships: t.relatedConnection('memberships', { cursor: 'id', totalCount: true }),
  }),
});

export const Membership = builder.prismaNode('Membership', {
  ...ownedNode('membership'),
  fields: (t) => ({
    role: t.expose('role', { type: MembershipRoleEnum }),
    joinedAt: t.expose('joinedAt', { type: 'DateTime' }),
    user: t.relation('user'),
    cop: t.relation('cop'),
  }),
});

builder.prismaObjectField('Cop', 'members', (t) =>
  t.relatedConnection('memberships', {
    cursor: 'id',
    totalCount: true,
    args: { role: t.arg({ type: MembershipRoleEnum, required: false }) },
    query: ({ role }) => ({ where: role ? { role } : {}, orderBy: [{ role: 'asc' }, { joinedAt: 'asc' }] }),
  }),
);

const AddMemberInput = builder.inputType('AddMemberInput', {
  fields: (t) => ({
    copId: t.globalID({ for: Cop }),
    userId: t.globalID({ for: User }),
    role: t.field({ type: MembershipRoleEnum, defaultValue: 'MEMBER' }),
  }),
});

builder.mutationFields((t) => ({
  addMember: t.prismaField({
    type: 'Membership',
    authScopes: { role: ADMIN_ROLES },
    args: { input: t.arg({ type: AddMemberInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const copId = await ownedCopId(ctx, input.copId.id);
      // The user must belong to the same tenant as the CoP.
      const cop = await ctx.prisma.cop.findUniqueOrThrow({ where: { id: copId }, select: { customerId: true } });
      found(await ctx.prisma.user.findFirst({ where: { id: input.userId.id, customerId: cop.customerId } }), 'User');
      return ctx.prisma.membership.upsert({
        ...query,
        where: { copId_userId: { copId, userId: input.userId.id } },
        create: { copId, userId: input.userId.id, role: input.role },
        update: { role: input.role },
      });
    },
  }),
  updateMembership: t.prismaField({
    type: 'Membership',
    authScopes: { role: ADMIN_ROLES },
    args: { id: t.arg.globalID({ for: Membership }), role: t.arg({ type: MembershipRoleEnum }) },
    resolve: (query, _root, { id, role }, ctx) => updateOwned(ctx, 'membership', id.id, { ...query, data: { role } }),
  }),
}));

export const emailSchema = z.string().trim().toLowerCase().email('Enter a valid email address.');

ownedDeleteMutation('removeMember', { node: Membership, model: 'membership', roles: ADMIN_ROLES });

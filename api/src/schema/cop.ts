import { z } from 'zod';
import { assertCustomerAccess, ownedByViewer } from '../auth/tenancy.js';
import { ADMIN_ROLES } from '../auth/viewer.js';
import type { Prisma } from '../generated/prisma/client.js';
import { builder } from './builder.js';
import { Customer } from './customer.js';
import { CopPhaseEnum } from './enums.js';
import { withoutNulls } from './input.js';
import { ownedDeleteMutation, ownedNode, ownedRow, updateOwned } from './ownership.js';

export const Cop = builder.prismaNode('Cop', {
  ...ownedNode('cop'),
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    phase: t.expose('phase', { type: CopPhaseEnum }),
    industry: t.exposeString('industry', { nullable: true }),
    startDate: t.expose('startDate', { type: 'Date' }),
    isActive: t.exposeBoolean('isActive'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    customer: t.relation('customer'),
    daysActive: t.int({
      description: 'Whole days since the CoP started.',
      resolve: (cop) => Math.max(0, Math.floor((Date.now() - cop.startDate.getTime()) / 86_400_000)),
    }),
  }),
});

const CopsFilter = builder.inputType('CopsFilter', {
  fields: (t) => ({
    customerId: t.globalID({ required: false, for: Customer }),
    phase: t.field({ type: CopPhaseEnum, required: false }),
    isActive: t.boolean({ required: false }),
    search: t.string({ required: false, description: 'Case-insensitive match on the name.' }),
  }),
});

builder.queryFields((t) => ({
  cops: t.prismaConnection({
    type: 'Cop',
    cursor: 'id',
    authScopes: { authenticated: true },
    args: { filter: t.arg({ type: CopsFilter, required: false }) },
    totalCount: (_parent, { filter }, ctx) => ctx.prisma.cop.count({ where: copsWhere(ctx.viewer, filter) }),
    resolve: (query, _root, { filter }, ctx) =>
      ctx.prisma.cop.findMany({ ...query, where: copsWhere(ctx.viewer, filter), orderBy: { name: 'asc' } }),
  }),
  cop: t.prismaField({
    type: 'Cop',
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.globalID({ for: Cop }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.prisma.cop.findFirst({ ...query, where: ownedRow(ctx.viewer, 'cop', id.id) }),
  }),
}));

type CopsFilterShape = {
  customerId?: { id: string } | null;
  phase?: Prisma.CopWhereInput['phase'] | null;
  isActive?: boolean | null;
  search?: string | null;
};

function copsWhere(
  viewer: Parameters<typeof ownedByViewer>[0],
  filter: CopsFilterShape | null | undefined,
): Prisma.CopWhereInput {
  return {
    AND: [
      ownedByViewer(viewer),
      filter?.customerId ? { customerId: filter.customerId.id } : {},
      filter?.phase ? { phase: filter.phase } : {},
      typeof filter?.isActive === 'boolean' ? { isActive: filter.isActive } : {},
      filter?.search ? { name: { contains: filter.search, mode: 'insensitive' } } : {},
    ],
  };
}

const copName = z.string().trim().min(2, 'A CoP name needs at least 2 characters.').max(120);

const CreateCopInput = builder.inputType('CreateCopInput', {
  fields: (t) => ({
    customerId: t.globalID({ for: Customer }),
    name: t.string({ validate: copName }),
    description: t.string({ required: false, validate: z.string().max(4000) }),
    phase: t.field({ type: CopPhaseEnum, required: false }),
    industry: t.string({ required: false }),
    startDate: t.field({ type: 'Date' }),
  }),
});

const UpdateCopInput = builder.inputType('UpdateCopInput', {
  fields: (t) => ({
    name: t.string({ required: false, validate: copName }),
    description: t.string({ required: false, validate: z.string().max(4000) }),
    phase: t.field({ type: CopPhaseEnum, required: false }),
    industry: t.string({ required: false }),
    startDate: t.field({ type: 'Date', required: false }),
    isActive: t.boolean({ required: false }),
  }),
});

builder.mutationFields((t) => ({
  createCop: t.prismaField({
    type: 'Cop',
    authScopes: { role: ADMIN_ROLES },
    args: { input: t.arg({ type: CreateCopInput }) },
    resolve: (query, _root, { input }, ctx) => {
      assertCustomerAccess(ctx.viewer, input.customerId.id);
      const { customerId, ...rest } = withoutNulls(input);
      return ctx.prisma.cop.create({ ...query, data: { ...rest, customerId: customerId.id } });
    },
  }),
  updateCop: t.prismaField({
    type: 'Cop',
    authScopes: { role: ADMIN_ROLES },
    args: { id: t.arg.globalID({ for: Cop }), input: t.arg({ type: UpdateCopInput }) },
    resolve: (query, _root, { id, input }, ctx) =>
      updateOwned(ctx, 'cop', id.id, { ...query, data: withoutNulls(input) }),
  }),
}));

ownedDeleteMutation('deleteCop', {
  node: Cop,
  model: 'cop',
  roles: ADMIN_ROLES,
  description: 'Deletes the CoP and everything in it; returns its id.',
});

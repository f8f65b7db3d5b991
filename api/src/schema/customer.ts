import { z } from 'zod';
import { visibleCustomers } from '../auth/tenancy.js';
import { ADMIN_ROLES } from '../auth/viewer.js';
import { builder } from './builder.js';
import { withoutNulls } from './input.js';
import { updateOwned } from './ownership.js';

export const Customer = builder.prismaNode('Customer', {
  id: { field: 'id' },
  // Node lookups go through the tenant filter too: another tenant's id resolves to nothing.
  findUnique: (id, ctx) => ({ id, ...visibleCustomers(ctx.viewer) }),
  nullable: true,
  fields: (t) => ({
    name: t.exposeString('name'),
    industry: t.exposeString('industry'),
    businessArea: t.exposeString('businessArea', { nullable: true }),
    vpName: t.exposeString('vpName', { nullable: true }),
    adminName: t.exposeString('adminName', { nullable: true }),
    primaryItPartner: t.exposeString('primaryItPartner', { nullable: true }),
    links: t.expose('links', { type: 'JSON' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    cops: t.relatedConnection('cops', { cursor: 'id', totalCount: true, query: { orderBy: { name: 'asc' } } }),
    users: t.relatedConnection('users', { cursor: 'id', totalCount: true, query: { orderBy: { name: 'asc' } } }),
  }),
});

builder.queryFields((t) => ({
  customers: t.prismaConnection({
    type: 'Customer',
    cursor: 'id',
    authScopes: { authenticated: true },
    totalCount: (_parent, _args, ctx) => ctx.prisma.customer.count({ where: visibleCustomers(ctx.viewer) }),
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.customer.findMany({ ...query, where: visibleCustomers(ctx.viewer), orderBy: { name: 'asc' } }),
  }),
  customer: t.prismaField({
    type: 'Customer',
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.globalID({ for: Customer }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.prisma.customer.findFirst({ ...query, where: { id: id.id, ...visibleCustomers(ctx.viewer) } }),
  }),
}));

const CustomerUpdate = builder.inputType('CustomerUpdateInput', {
  fields: (t) => ({
    name: t.string({ required: false, validate: z.string().trim().min(2).max(120) }),
    industry: t.string({ required: false, validate: z.string().trim().min(2).max(80) }),
    businessArea: t.string({ required: false }),
    vpName: t.string({ required: false }),
    adminName: t.string({ required: false }),
    primaryItPartner: t.string({ required: false }),
    links: t.field({ type: 'JSON', required: false }),
  }),
});

builder.mutationField('updateCustomer', (t) =>
  t.prismaField({
    type: 'Customer',
    authScopes: { role: ADMIN_ROLES },
    args: { id: t.arg.globalID({ for: Customer }), input: t.arg({ type: CustomerUpdate }) },
    resolve: (query, _root, { id, input }, ctx) => {
      const { links, ...rest } = input;
      return updateOwned(ctx, 'customer', id.id, {
        ...query,
        data: { ...withoutNulls(rest), ...(links ? { links: links as object } : {}) },
      });
    },
  }),
);

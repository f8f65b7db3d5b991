import { z } from 'zod';
import { SERVICE_SCOPES, type ServiceScope } from '../auth/scopes.js';
import { generateServiceToken } from '../auth/service-tokens.js';
import { assertCustomerAccess } from '../auth/tenancy.js';
import { ADMIN_ROLES, isPlatformAdmin, SERVICE_TOKEN_ROLES } from '../auth/viewer.js';
import { forbidden } from '../errors.js';
import { builder } from './builder.js';
import { Customer } from './customer.js';
import { RoleEnum } from './enums.js';
import { findOwned, ownedNode, ownedRow } from './ownership.js';

export const ServiceTokenScopeEnum = builder.enumType('ServiceTokenScope', {
  description: 'What a service token may do; it can do nothing else.',
  values: { USAGE_WRITE: { value: 'usage:write', description: SERVICE_SCOPES['usage:write'] } } as const,
});

export const ServiceToken = builder.prismaNode('ServiceToken', {
  ...ownedNode('serviceToken'),
  authScopes: { role: ADMIN_ROLES },
  runScopesOnType: true,
  description: 'A machine credential (e.g. for the daily usage job). Its value is shown once, at creation.',
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the token, to recognise it.' }),
    role: t.expose('role', { type: RoleEnum }),
    scopes: t.field({
      type: [ServiceTokenScopeEnum],
      resolve: (row) => row.scopes.filter((scope): scope is ServiceScope => scope in SERVICE_SCOPES),
    }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    customer: t.relation('customer'),
  }),
});

builder.prismaObjectField('Customer', 'serviceTokens', (t) =>
  t.relatedConnection('serviceTokens', {
    cursor: 'id',
    totalCount: true,
    nullable: true,
    description: 'The customer’s service tokens, newest first (admins only: FORBIDDEN for other roles).',
    authScopes: { role: ADMIN_ROLES },
    query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
  }),
);

const CreateServiceTokenPayload = builder
  .objectRef<{ token: string; serviceToken: { id: string } }>('CreateServiceTokenPayload')
  .implement({
    fields: (t) => ({
      token: t.exposeString('token', { description: 'The bearer token. It is shown only this once: store it now.' }),
      serviceToken: t.prismaField({
        type: 'ServiceToken',
        resolve: (query, payload, _args, ctx) =>
          ctx.prisma.serviceToken.findUniqueOrThrow({ ...query, where: { id: payload.serviceToken.id } }),
      }),
    }),
  });

const ServiceTokenRoleEnum = builder.enumType('ServiceTokenRole', {
  description: 'SYSTEM: a customer’s job; DATABRICKS_INTERNAL: the platform’s own automation (platform admins only).',
  values: SERVICE_TOKEN_ROLES,
});

const CreateServiceTokenInput = builder.inputType('CreateServiceTokenInput', {
  fields: (t) => ({
    role: t.field({ type: ServiceTokenRoleEnum, defaultValue: 'SYSTEM' }),
    customerId: t.globalID({ for: Customer }),
    name: t.string({ validate: z.string().trim().min(2, 'A token name needs at least 2 characters.').max(80) }),
    scopes: t.field({
      type: [ServiceTokenScopeEnum],
      defaultValue: ['usage:write'],
      validate: z.array(z.string()).min(1, 'A token needs at least one scope.'),
    }),
  }),
});

builder.mutationFields((t) => ({
  createServiceToken: t.field({
    type: CreateServiceTokenPayload,
    description:
      'Issues a token for the customer that can do only what its scopes allow (default: usage:write); only its ' +
      'hash is stored.',
    authScopes: { role: ADMIN_ROLES },
    args: { input: t.arg({ type: CreateServiceTokenInput }) },
    resolve: async (_root, { input }, ctx) => {
      assertCustomerAccess(ctx.viewer, input.customerId.id);
      if (input.role === 'DATABRICKS_INTERNAL' && !isPlatformAdmin(ctx.viewer))
        throw forbidden('Only platform admins issue tokens for the platform’s own automation.');
      const { token, tokenHash, prefix } = generateServiceToken();
      const serviceToken = await ctx.prisma.serviceToken.create({
        data: {
          customerId: input.customerId.id,
          name: input.name,
          tokenHash,
          prefix,
          role: input.role,
          scopes: [...new Set(input.scopes)],
        },
        select: { id: true },
      });
      return { token, serviceToken };
    },
  }),
  revokeServiceToken: t.prismaField({
    type: 'ServiceToken',
    description: 'Stops the token from authenticating; revoking it again keeps the first revocation time.',
    authScopes: { role: ADMIN_ROLES },
    args: { id: t.arg.globalID({ for: ServiceToken }) },
    resolve: async (query, _root, { id }, ctx) => {
      const where = ownedRow(ctx.viewer, 'serviceToken', id.id);
      await ctx.prisma.serviceToken.updateMany({
        where: { ...where, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      return findOwned(ctx, 'serviceToken', id.id, query);
    },
  }),
}));

import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { ownedByViewer } from '../auth/tenancy.js';
import { ADMIN_ROLES } from '../auth/viewer.js';
import { builder } from './builder.js';

builder.prismaObject('AuditLog', {
  description: 'One executed mutation field: who did what to which entity, with secrets in its arguments redacted.',
  fields: (t) => ({
    action: t.exposeString('action', { description: 'The mutation field, e.g. createIntegration.' }),
    actorType: t.exposeString('actorType', { description: '"user" or "service".' }),
    actorId: t.id({
      nullable: true,
      description: 'Global id of the User or ServiceToken that acted.',
      resolve: (row) =>
        row.actorId ? encodeGlobalID(row.actorType === 'service' ? 'ServiceToken' : 'User', row.actorId) : null,
    }),
    entityType: t.string({
      nullable: true,
      // The audit plugin records the `id` argument (a global id) but not its type: read the type from it.
      resolve: (row) => row.entityType ?? typenameOf(row.entityId),
    }),
    entityId: t.exposeID('entityId', { nullable: true }),
    details: t.expose('details', { type: 'JSON', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    customer: t.relation('customer', { nullable: true }),
  }),
});

function typenameOf(globalId: string | null): string | null {
  if (!globalId) return null;
  try {
    return decodeGlobalID(globalId).typename;
  } catch {
    return null;
  }
}

builder.queryField('auditLogs', (t) =>
  t.prismaConnection({
    type: 'AuditLog',
    cursor: 'id',
    description: "Mutations, newest first: a customer admin sees their customer's, the platform admin everyone's.",
    authScopes: { role: ADMIN_ROLES },
    args: {
      action: t.arg.string({ required: false, validate: z.string().trim().min(1).max(100) }),
    },
    resolve: (query, _root, { action }, ctx) =>
      ctx.prisma.auditLog.findMany({
        ...query,
        where: { ...ownedByViewer(ctx.viewer), ...(action ? { action } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
);

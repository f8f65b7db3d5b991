import { z } from 'zod';
import { ADMIN_ROLES } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { appError } from '../errors.js';
import type { Prisma } from '../generated/prisma/client.js';
import { httpsUrl } from '../integrations/databricks-settings.js';
import { builder } from './builder.js';
import { Cop } from './cop.js';
import { withoutNulls } from './input.js';
import { Integration } from './integration.js';
import { findOwned, ownedDeleteMutation, ownedNode, updateOwned } from './ownership.js';

/** Mappings belong to a tenant through their integration. */

/**
 * The mappings that serve a CoP: its own, and its customer's mappings without a CoP, which mean "the whole
 * customer". Callers prefer its own (order by `copId` with nulls last).
 */
export const mappingOfCop = (copId: string): Prisma.WorkspaceMappingWhereInput => ({
  OR: [{ copId }, { copId: null, integration: { customer: { cops: { some: { id: copId } } } } }],
});

export const WorkspaceMapping = builder.prismaNode('WorkspaceMapping', {
  ...ownedNode('workspaceMapping'),
  authScopes: { role: ADMIN_ROLES },
  runScopesOnType: true,
  description: 'A Databricks workspace reached through an integration, optionally attributed to a CoP.',
  fields: (t) => ({
    workspaceUrl: t.exposeString('workspaceUrl'),
    workspaceName: t.exposeString('workspaceName'),
    workspaceId: t.exposeString('workspaceId', { description: 'The numeric workspace id (the `o=` of its URLs).' }),
    defaultCatalog: t.exposeString('defaultCatalog', { nullable: true }),
    defaultSchema: t.exposeString('defaultSchema', { nullable: true }),
    isActive: t.exposeBoolean('isActive'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    integration: t.relation('integration'),
    cop: t.relation('cop', { nullable: true }),
  }),
});

builder.prismaObjectField('Integration', 'workspaceMappings', (t) =>
  t.relatedConnection('workspaceMappings', {
    cursor: 'id',
    totalCount: true,
    query: { orderBy: { workspaceName: 'asc' } },
  }),
);

builder.prismaObjectField('Cop', 'workspaceMappings', (t) =>
  t.relatedConnection('workspaceMappings', {
    cursor: 'id',
    totalCount: true,
    nullable: true,
    description: 'Workspaces attributed to this CoP (admins only: FORBIDDEN for other roles).',
    authScopes: { role: ADMIN_ROLES },
    query: { orderBy: { workspaceName: 'asc' } },
  }),
);

const workspaceUrl = httpsUrl('The workspace URL must be an https:// URL, e.g. https://adb-123.4.azuredatabricks.net.');
const workspaceName = z.string().trim().min(2, 'A workspace name needs at least 2 characters.').max(120);
const workspaceId = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, 'A workspace id is the number in the workspace URL (?o=…).');
const ucName = (what: string) =>
  z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, `${what} is letters, digits, _ or - (a Unity Catalog name).`);

const CreateWorkspaceMappingInput = builder.inputType('CreateWorkspaceMappingInput', {
  fields: (t) => ({
    integrationId: t.globalID({ for: Integration }),
    copId: t.globalID({ for: Cop, required: false, description: 'The CoP whose usage this workspace counts for.' }),
    workspaceUrl: t.string({ validate: workspaceUrl }),
    workspaceName: t.string({ validate: workspaceName }),
    workspaceId: t.string({ validate: workspaceId }),
    defaultCatalog: t.string({ required: false, validate: ucName('A catalog name') }),
    defaultSchema: t.string({ required: false, validate: ucName('A schema name') }),
  }),
});

const UpdateWorkspaceMappingInput = builder.inputType('UpdateWorkspaceMappingInput', {
  description: 'An omitted field keeps its value; null clears copId, defaultCatalog and defaultSchema.',
  fields: (t) => ({
    copId: t.globalID({ for: Cop, required: false }),
    workspaceUrl: t.string({ required: false, validate: workspaceUrl }),
    workspaceName: t.string({ required: false, validate: workspaceName }),
    workspaceId: t.string({ required: false, validate: workspaceId }),
    defaultCatalog: t.string({ required: false, validate: ucName('A catalog name') }),
    defaultSchema: t.string({ required: false, validate: ucName('A schema name') }),
    isActive: t.boolean({ required: false }),
  }),
});

/** A mapping write the (integration, workspace, CoP) key refused becomes a CONFLICT in words. */
const refuseDuplicate = (error: unknown) =>
  Promise.reject(
    isUniqueViolation(error)
      ? appError('CONFLICT', 'This workspace is already mapped to that CoP through this integration.', {
          fields: ['workspaceId'],
        })
      : error,
  );

/** The CoP to attribute a workspace to: visible to the viewer and owned by the integration's customer. */
async function copForIntegration(ctx: Context, copId: string, integrationCustomerId: string): Promise<string> {
  const cop = await findOwned(ctx, 'cop', copId, { select: { customerId: true } });
  if (cop.customerId !== integrationCustomerId) {
    throw appError('BAD_USER_INPUT', 'The CoP belongs to another customer than the integration.', {
      fields: ['copId'],
    });
  }
  return copId;
}

builder.mutationFields((t) => ({
  createWorkspaceMapping: t.prismaField({
    type: 'WorkspaceMapping',
    authScopes: { role: ADMIN_ROLES },
    args: { input: t.arg({ type: CreateWorkspaceMappingInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const integration = await findOwned(ctx, 'integration', input.integrationId.id, {
        select: { id: true, customerId: true },
      });
      const { integrationId: _, copId, ...fields } = withoutNulls(input);
      return ctx.prisma.workspaceMapping
        .create({
          ...query,
          data: {
            ...fields,
            integrationId: integration.id,
            copId: copId ? await copForIntegration(ctx, copId.id, integration.customerId) : null,
          },
        })
        .catch(refuseDuplicate);
    },
  }),
  updateWorkspaceMapping: t.prismaField({
    type: 'WorkspaceMapping',
    authScopes: { role: ADMIN_ROLES },
    args: { id: t.arg.globalID({ for: WorkspaceMapping }), input: t.arg({ type: UpdateWorkspaceMappingInput }) },
    resolve: async (query, _root, { id, input }, ctx) => {
      const mapping = await findOwned(ctx, 'workspaceMapping', id.id, {
        select: { integration: { select: { customerId: true } } },
      });
      const { copId, defaultCatalog, defaultSchema, ...fields } = input;
      const update = updateOwned(ctx, 'workspaceMapping', id.id, {
        ...query,
        data: {
          ...withoutNulls(fields),
          defaultCatalog,
          defaultSchema,
          ...(copId === undefined
            ? {}
            : { copId: copId && (await copForIntegration(ctx, copId.id, mapping.integration.customerId)) }),
        },
      });
      return update.catch(refuseDuplicate);
    },
  }),
}));

ownedDeleteMutation('deleteWorkspaceMapping', {
  node: WorkspaceMapping,
  model: 'workspaceMapping',
  roles: ADMIN_ROLES,
});

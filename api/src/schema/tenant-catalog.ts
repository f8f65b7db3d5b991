import { ADMIN_ROLES } from '../auth/viewer.js';
import type { Context } from '../context.js';
import type { SecurableType } from '../databricks/api/governance.js';
import type { Drift, DriftKind } from '../tenant-catalog/layout.js';
import {
  initializeTenantCatalog,
  repairTenantCatalog,
  type TenantCatalogChange,
  type TenantCatalogView,
  tenantCatalogOf,
} from '../tenant-catalog/service.js';
import { builder } from './builder.js';
import { Customer } from './customer.js';
import { findOwned } from './ownership.js';

const services = (ctx: Context) => ({
  prisma: ctx.prisma,
  registry: ctx.databricksGateway.registry,
  secretBox: ctx.secretBox,
});

const SecurableTypeEnum = builder.enumType('SecurableType', {
  values: ['CATALOG', 'SCHEMA', 'TABLE', 'VOLUME'] as const,
});
const securableType = (type: SecurableType) => type.toUpperCase() as 'CATALOG' | 'SCHEMA' | 'TABLE' | 'VOLUME';

const TenantCatalogStatusEnum = builder.enumType('TenantCatalogStatus', {
  description: 'OK: initialized and exactly as designed; DRIFT: initialized but something differs; NOT_INITIALIZED.',
  values: ['OK', 'DRIFT', 'NOT_INITIALIZED'] as const,
});

const DriftKindEnum = builder.enumType('TenantCatalogDriftKind', {
  values: ['MISSING_SECURABLE', 'MISSING_PRIVILEGE', 'EXTRA_PRIVILEGE'] as const satisfies readonly DriftKind[],
});

const TenantSchema = builder.objectRef<TenantCatalogView['schemas'][number]>('TenantCatalogSchema').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    comment: t.exposeString('comment', { nullable: true }),
    exists: t.exposeBoolean('exists'),
  }),
});

const TenantGrant = builder.objectRef<TenantCatalogView['grants'][number]>('TenantCatalogGrant').implement({
  description: 'Privileges a principal holds directly on one securable of the catalog (as the workspace has them).',
  fields: (t) => ({
    securableType: t.field({ type: SecurableTypeEnum, resolve: (grant) => securableType(grant.type) }),
    securable: t.exposeString('fullName'),
    principal: t.exposeString('principal'),
    privileges: t.exposeStringList('privileges'),
  }),
});

const TenantDrift = builder.objectRef<Drift>('TenantCatalogDrift').implement({
  description:
    'One difference between the designed and the actual catalog; principal and privilege are null for a missing securable.',
  fields: (t) => ({
    kind: t.field({ type: DriftKindEnum, resolve: (drift) => drift.kind }),
    securableType: t.field({ type: SecurableTypeEnum, resolve: (drift) => securableType(drift.type) }),
    securable: t.exposeString('fullName'),
    principal: t.exposeString('principal', { nullable: true }),
    privilege: t.exposeString('privilege', { nullable: true }),
  }),
});

const TenantCatalog = builder.objectRef<TenantCatalogView>('TenantCatalog').implement({
  description:
    'The customer’s governed Unity Catalog catalog `<prefix>_<tenant slug>`: bronze, silver and gold schemas, an uploads volume, grants to `<tenant>_admins`, `_engineers` and `_analysts`.',
  fields: (t) => ({
    name: t.exposeString('name'),
    status: t.field({ type: TenantCatalogStatusEnum, resolve: (view) => view.status }),
    initializedAt: t.expose('initializedAt', { type: 'DateTime', nullable: true }),
    servicePrincipal: t.exposeString('servicePrincipal', {
      nullable: true,
      description: 'Application id of the tenant’s service principal, which the gateway runs the tenant’s SQL as.',
    }),
    schemas: t.field({ type: [TenantSchema], resolve: (view) => view.schemas }),
    grants: t.field({ type: [TenantGrant], resolve: (view) => view.grants }),
    drift: t.field({ type: [TenantDrift], resolve: (view) => view.drift }),
  }),
});

const TenantCatalogResult = builder.objectRef<TenantCatalogChange>('TenantCatalogResult').implement({
  fields: (t) => ({
    tenantCatalog: t.field({ type: TenantCatalog, resolve: (result) => result.tenantCatalog }),
    changes: t.exposeStringList('changes', { description: 'What the call changed, in words; empty when nothing.' }),
    alreadyInitialized: t.exposeBoolean('alreadyInitialized', {
      description: 'The catalog was initialized before and nothing needed changing.',
    }),
  }),
});

/** Platform admins and the tenant's customer admins; other roles get FORBIDDEN. */
const governanceScopes = { role: ADMIN_ROLES };

builder.prismaObjectFields('Customer', (t) => ({
  tenantCatalog: t.field({
    type: TenantCatalog,
    nullable: true,
    authScopes: governanceScopes,
    description: 'null when the customer has no active Databricks integration with a SQL warehouse.',
    select: { id: true },
    resolve: (customer, _args, ctx) => tenantCatalogOf(services(ctx), customer.id),
  }),
}));

const tenantCatalogMutation = (name: string, description: string, run: typeof initializeTenantCatalog) =>
  builder.mutationField(name, (t) =>
    t.field({
      type: TenantCatalogResult,
      description,
      authScopes: governanceScopes,
      args: { customerId: t.arg.globalID({ for: Customer, required: true }) },
      resolve: async (_root, { customerId }, ctx) => {
        const { id } = await findOwned(ctx, 'customer', customerId.id, { select: { id: true } });
        return run(services(ctx), id);
      },
    }),
  );

tenantCatalogMutation(
  'initializeTenantCatalog',
  'Creates the tenant catalog, its schemas, volume, groups (with the tenant’s users by role), service principal and grants; idempotent.',
  initializeTenantCatalog,
);
tenantCatalogMutation(
  'repairTenantCatalog',
  'Puts an initialized tenant catalog back to its design: recreates what is missing, grants what is missing, revokes what is extra.',
  repairTenantCatalog,
);

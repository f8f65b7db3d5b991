/**
 * Governed tenant catalogs (issue 18): `initializeTenantCatalog` converges the workspace onto the layout of
 * `layout.ts` — catalog, schemas with comments, uploads volume, groups with the tenant's users by role, the
 * tenant's service principal, exact grants — and says what it changed; `tenantCatalogOf` compares the desired
 * grants with the actual ones (the permissions API); `repairTenantCatalog` converges again. Platform work (DDL,
 * grants, SCIM) runs with the integration's admin credentials; the tenant's own SQL runs as its service principal.
 */
import type { SecretBox } from '../auth/secret-box.js';
import { listSchemas } from '../databricks/api/catalog.js';
import { getPermissions, type PrivilegeAssignment, updatePermissions } from '../databricks/api/governance.js';
import { DatabricksError } from '../databricks/errors.js';
import type { ConnectionRow, DatabricksRegistry, WorkspaceConnection } from '../databricks/registry.js';
import type { DatabricksRestClient } from '../databricks/rest-client.js';
import type { PrismaClient } from '../db/prisma.js';
import type { TenantCatalog } from '../generated/prisma/client.js';
import { syncTargetOf } from '../sync/target.js';
import { ensureTenantCatalog, quoteIdentifier, tenantSlug } from '../sync/tenant-catalog.js';
import { TenantCatalogError } from './errors.js';
import { ensureServicePrincipal, syncTenantGroups } from './identities.js';
import {
  type ActualGrants,
  type DesiredSecurable,
  type Drift,
  desiredLayout,
  driftOf,
  type SecurableRef,
  TENANT_SCHEMAS,
} from './layout.js';

export interface TenantCatalogServices {
  prisma: PrismaClient;
  registry: DatabricksRegistry;
  secretBox: SecretBox;
}

export type TenantCatalogStatus = 'OK' | 'DRIFT' | 'NOT_INITIALIZED';

export interface TenantCatalogView {
  name: string;
  status: TenantCatalogStatus;
  initializedAt: Date | null;
  /** The service principal's application id. */
  servicePrincipal: string | null;
  schemas: { name: string; comment: string | null; exists: boolean }[];
  /** The actual direct grants on the catalog's securables. */
  grants: (SecurableRef & PrivilegeAssignment)[];
  drift: Drift[];
}

export interface TenantCatalogChange {
  tenantCatalog: TenantCatalogView;
  /** What this call changed, in words; empty when everything was already as it should be. */
  changes: string[];
  alreadyInitialized: boolean;
}

interface Workspace {
  customerId: string;
  catalog: string;
  slug: string;
  integration: ConnectionRow;
  connection: WorkspaceConnection & { sql: NonNullable<WorkspaceConnection['sql']> };
  users: { email: string; name: string; role: string }[];
  desired: DesiredSecurable[];
  row: TenantCatalog | null;
}

async function workspaceOf(services: TenantCatalogServices, customerId: string): Promise<Workspace> {
  const { prisma, registry } = services;
  const [target, customer, row] = await Promise.all([
    syncTargetOf(prisma, customerId),
    prisma.customer.findUniqueOrThrow({
      where: { id: customerId },
      select: { name: true, users: { select: { email: true, name: true, role: true }, orderBy: { email: 'asc' } } },
    }),
    prisma.tenantCatalog.findUnique({ where: { customerId } }),
  ]);
  if (!target.enabled || !target.integration) {
    throw new TenantCatalogError(
      'NO_WORKSPACE',
      'The customer has no active Databricks integration (or Databricks is off for it).',
    );
  }
  const connection = registry.forIntegration(target.integration);
  if (!connection.sql) {
    throw new TenantCatalogError('NO_WORKSPACE', 'The customer’s Databricks integration has no SQL warehouse set.');
  }
  const slug = tenantSlug(customer);
  return {
    customerId,
    catalog: target.catalog,
    slug,
    integration: target.integration,
    connection: connection as Workspace['connection'],
    users: customer.users,
    desired: desiredLayout(target.catalog, slug),
    // A catalog recorded in another workspace (the integration changed) starts afresh in this one.
    row: row?.integrationId === target.integration.id ? row : null,
  };
}

/** Each securable's direct grants, or null where it does not exist (the permissions API answers 404). */
async function readGrants(rest: DatabricksRestClient, desired: DesiredSecurable[]): Promise<ActualGrants> {
  const read = await Promise.all(
    desired.map((securable) =>
      getPermissions(rest, securable.type, securable.fullName).catch((error: unknown) => {
        if (error instanceof DatabricksError && error.kind === 'NOT_FOUND') return null;
        throw error;
      }),
    ),
  );
  return new Map(desired.map((securable, i) => [securable.fullName, read[i]]));
}

const missingCatalog = (error: unknown) => {
  if (error instanceof DatabricksError && error.kind === 'NOT_FOUND') return [];
  throw error;
};

/** The tenant catalog as it is, against how it should be; null when the customer has no Databricks workspace. */
export async function tenantCatalogOf(
  services: TenantCatalogServices,
  customerId: string,
): Promise<TenantCatalogView | null> {
  const workspace = await workspaceOf(services, customerId).catch((error: unknown) => {
    if (error instanceof TenantCatalogError) return null;
    throw error;
  });
  return workspace && describe(workspace);
}

async function describe(workspace: Workspace): Promise<TenantCatalogView> {
  const { rest } = workspace.connection;
  const [actual, schemas] = await Promise.all([
    readGrants(rest, workspace.desired),
    listSchemas(rest, workspace.catalog).catch(missingCatalog),
  ]);
  const drift = driftOf(workspace.desired, actual);
  const initializedAt = workspace.row?.initializedAt ?? null;
  return {
    name: workspace.catalog,
    status: !initializedAt ? 'NOT_INITIALIZED' : drift.length ? 'DRIFT' : 'OK',
    initializedAt,
    servicePrincipal: workspace.row?.servicePrincipalId ?? null,
    schemas: TENANT_SCHEMAS.map(({ name }) => {
      const found = schemas.find((schema) => schema.name === name);
      return { name, comment: found?.comment ?? null, exists: Boolean(found) };
    }),
    grants: workspace.desired.flatMap(({ type, fullName }) =>
      (actual.get(fullName) ?? []).map((assignment) => ({ type, fullName, ...assignment })),
    ),
    drift,
  };
}

/**
 * Creates what is missing and corrects what differs; idempotent (a second call changes nothing and says so).
 * The first call also creates the tenant's service principal and records when the catalog was initialized.
 */
export function initializeTenantCatalog(services: TenantCatalogServices, customerId: string) {
  return converge(services, customerId, false);
}

/** Brings an initialized catalog back to its layout (grants revoked or added by hand, a dropped schema, …). */
export function repairTenantCatalog(services: TenantCatalogServices, customerId: string) {
  return converge(services, customerId, true);
}

async function converge(
  services: TenantCatalogServices,
  customerId: string,
  repairing: boolean,
): Promise<TenantCatalogChange> {
  const workspace = await workspaceOf(services, customerId);
  const { connection, catalog, desired, slug } = workspace;
  if (repairing && !workspace.row?.initializedAt) {
    throw new TenantCatalogError('NOT_INITIALIZED', `The tenant catalog ${catalog} has not been initialized yet.`);
  }
  const changes: string[] = [];
  const before = await readGrants(connection.rest, desired);
  for (const securable of desired) {
    if (!before.get(securable.fullName)) changes.push(`created ${securable.type} ${securable.fullName}`);
  }
  await ensureTenantCatalog(connection.sql, catalog);
  await commentSchemas(connection, catalog, changes);

  const { servicePrincipal, token } = await ensureServicePrincipal(
    connection.rest,
    slug,
    workspace.row?.servicePrincipalId,
    changes,
  );
  await syncTenantGroups(connection.rest, slug, workspace.users, servicePrincipal, changes);
  const actual: ActualGrants = new Map([...before].map(([name, grants]) => [name, grants ?? []]));
  await applyGrants(connection.rest, desired, driftOf(desired, actual), changes);

  const row = await services.prisma.tenantCatalog.upsert({
    where: { customerId },
    create: {
      customerId,
      integrationId: workspace.integration.id,
      name: catalog,
      servicePrincipalId: servicePrincipal.applicationId,
      servicePrincipalToken: services.secretBox.seal(token ?? ''),
      initializedAt: new Date(),
    },
    update: {
      integrationId: workspace.integration.id,
      name: catalog,
      servicePrincipalId: servicePrincipal.applicationId,
      ...(token ? { servicePrincipalToken: services.secretBox.seal(token) } : {}),
      initializedAt: workspace.row?.initializedAt ?? new Date(),
    },
  });
  await verifyServicePrincipal(services, workspace.integration, row);
  return {
    tenantCatalog: await describe({ ...workspace, row }),
    changes,
    alreadyInitialized: Boolean(workspace.row?.initializedAt) && changes.length === 0,
  };
}

/** Schema comments are set where they differ (`COMMENT ON SCHEMA`; `CREATE SCHEMA IF NOT EXISTS` keeps old ones). */
async function commentSchemas(connection: Workspace['connection'], catalog: string, changes: string[]) {
  const schemas = await listSchemas(connection.rest, catalog);
  for (const { name, comment } of TENANT_SCHEMAS) {
    if (schemas.find((schema) => schema.name === name)?.comment === comment) continue;
    // DDL takes no parameter markers: the name is ours and the comment a constant.
    await connection.sql.query({
      sql: `COMMENT ON SCHEMA ${quoteIdentifier(catalog)}.${quoteIdentifier(name)} IS '${comment.replaceAll("'", "''")}'`,
    });
    changes.push(`commented schema ${catalog}.${name}`);
  }
}

/** One permissions PATCH per securable that drifted, adding what is missing and removing what is extra. */
async function applyGrants(rest: DatabricksRestClient, desired: DesiredSecurable[], drift: Drift[], changes: string[]) {
  for (const securable of desired) {
    const mine = drift.filter((d) => d.fullName === securable.fullName && d.principal && d.privilege);
    if (!mine.length) continue;
    const byPrincipal = new Map<string, { principal: string; add: string[]; remove: string[] }>();
    for (const d of mine) {
      const change = byPrincipal.get(d.principal!) ?? { principal: d.principal!, add: [], remove: [] };
      (d.kind === 'MISSING_PRIVILEGE' ? change.add : change.remove).push(d.privilege!);
      byPrincipal.set(d.principal!, change);
    }
    await updatePermissions(rest, securable.type, securable.fullName, [...byPrincipal.values()]);
    for (const d of mine) {
      changes.push(
        d.kind === 'MISSING_PRIVILEGE'
          ? `granted ${d.privilege} on ${d.type} ${d.fullName} to ${d.principal}`
          : `revoked ${d.privilege} on ${d.type} ${d.fullName} from ${d.principal}`,
      );
    }
  }
}

/** The tenant's SQL connection: its own service principal on the customer's warehouse. */
export function tenantConnection(services: TenantCatalogServices, integration: ConnectionRow, row: TenantCatalog) {
  return services.registry.forServicePrincipal(integration, {
    applicationId: row.servicePrincipalId,
    sealedToken: row.servicePrincipalToken,
    updatedAt: row.updatedAt,
  });
}

/** The service principal must see its catalog's schemas through the warehouse, or tenant SQL cannot work. */
async function verifyServicePrincipal(services: TenantCatalogServices, integration: ConnectionRow, row: TenantCatalog) {
  const sql = tenantConnection(services, integration, row).sql!;
  const { rows } = await sql.query<{ databaseName: string }>({ sql: `SHOW SCHEMAS IN ${quoteIdentifier(row.name)}` });
  const seen = new Set(rows.map((r) => r.databaseName));
  const missing = TENANT_SCHEMAS.filter(({ name }) => !seen.has(name));
  if (missing.length) {
    throw new TenantCatalogError(
      'SERVICE_PRINCIPAL',
      `The tenant's service principal cannot see ${missing.map((s) => s.name).join(', ')} in ${row.name}.`,
    );
  }
}

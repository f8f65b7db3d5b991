/**
 * The way to one workspace's CRM. A CRM is addressed by its scope, `<integration id>/<workspace id>`: the
 * customer's connection and the Databricks workspace behind it. The scope is found among the viewer's own
 * mappings (another tenant's workspace does not exist for them), its integration gives the SQL warehouse (the
 * registry's connection, with its session pool, reused across requests), and the tables are created on first use.
 */
import { ownedByViewer } from '../auth/tenancy.js';
import type { Viewer } from '../auth/viewer.js';
import type { DatabricksRegistry } from '../databricks/registry.js';
import { connectionSelect } from '../databricks/registry.js';
import type { DatabricksSqlClient } from '../databricks/sql-client.js';
import type { PrismaClient } from '../db/prisma.js';
import { databricksConfigSchema } from '../integrations/databricks-config.js';
import { CrmError } from './errors.js';
import { loadSamples } from './samples.js';
import { type CrmNamespace, crmDdl } from './tables.js';

export const DEFAULT_CRM_NAMESPACE: CrmNamespace = { catalog: 'edip_crm', schema: 'main' };

export interface CrmWarehouse {
  /** `<integration id>/<workspace id>`: part of every CRM node id. */
  scope: string;
  integrationId: string;
  workspaceId: string;
  customerId: string;
  sql: DatabricksSqlClient;
  ns: CrmNamespace;
}

export interface CrmDeps {
  prisma: PrismaClient;
  registry: DatabricksRegistry;
  viewer: Viewer | null;
}

/** Tables made (or found) per warehouse client and namespace, once per process; a failure is retried. */
const ready = new WeakMap<DatabricksSqlClient, Map<string, Promise<void>>>();

const notFound = () => new CrmError('NOT_FOUND', 'Workspace was not found.');

/** The scope of a workspace mapping (a `DatabricksWorkspace` id) the viewer's tenant owns. */
export async function scopeOfMapping(deps: CrmDeps, mappingId: string): Promise<string> {
  const mapping = await deps.prisma.workspaceMapping.findFirst({
    where: { id: mappingId, integration: { type: 'DATABRICKS', ...ownedByViewer(deps.viewer) } },
    select: { integrationId: true, workspaceId: true },
  });
  if (!mapping) throw notFound();
  return `${mapping.integrationId}/${mapping.workspaceId}`;
}

export async function openCrm(deps: CrmDeps, scope: string): Promise<CrmWarehouse> {
  const [integrationId, workspaceId] = scope.split('/');
  if (!integrationId || !workspaceId) throw notFound();
  const mapping = await deps.prisma.workspaceMapping.findFirst({
    where: {
      workspaceId,
      integrationId,
      isActive: true,
      integration: { type: 'DATABRICKS', ...ownedByViewer(deps.viewer) },
    },
    select: { integration: { select: { ...connectionSelect, customerId: true } } },
  });
  if (!mapping) throw notFound();
  const connection = deps.registry.forIntegration(mapping.integration);
  if (!connection.sql) {
    throw new CrmError('BAD_INPUT', 'The workspace’s integration has no SQL warehouse: set its warehouseId.', {
      field: 'workspaceId',
    });
  }
  const config = databricksConfigSchema.partial().parse(mapping.integration.config);
  const ns = { ...DEFAULT_CRM_NAMESPACE, ...config.crm };
  await ensureTables(connection.sql, ns);
  return { scope, integrationId, workspaceId, customerId: mapping.integration.customerId, sql: connection.sql, ns };
}

function ensureTables(sql: DatabricksSqlClient, ns: CrmNamespace): Promise<void> {
  const byNamespace = ready.get(sql) ?? new Map<string, Promise<void>>();
  ready.set(sql, byNamespace);
  const key = `${ns.catalog}.${ns.schema}`;
  let pending = byNamespace.get(key);
  if (!pending) {
    pending = (async () => {
      // Every statement is idempotent: two api instances racing here both succeed, with one set of tables.
      for (const statement of crmDdl(ns)) await sql.query({ sql: statement });
      await loadSamples(sql, ns);
    })();
    pending.catch(() => byNamespace.delete(key));
    byNamespace.set(key, pending);
  }
  return pending;
}

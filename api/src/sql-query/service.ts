/**
 * `sqlQuery`: one ad-hoc read-only statement on a tenant's catalog (issue 18). Checked with the SQL parser
 * (`checkReadOnly`), limited by role (`policy.ts`), its table names qualified at the parser's positions, run on
 * the warehouse as the tenant's own service principal with a configured timeout and the caller's abort signal,
 * kept for a while (a TTL) so pages and repeats are served from cache.
 */
import { LRUCache } from 'lru-cache';
import { ownedByViewer } from '../auth/tenancy.js';
import type { Viewer } from '../auth/viewer.js';
import { connectionSelect } from '../databricks/registry.js';
import { jsonValue, type LocalDatasets } from '../datasets/local-engine.js';
import { checkReadOnly, spliceTables } from '../sql/read-only.js';
import { quoteIdentifier } from '../sync/tenant-catalog.js';
import { TenantCatalogError } from '../tenant-catalog/errors.js';
import { type TenantCatalogServices, tenantConnection } from '../tenant-catalog/service.js';
import { resolveTables } from './policy.js';

export interface SqlQuerySettings {
  timeoutMs: number;
  cacheTtlSeconds: number;
  maxRows: number;
}

interface StoredResult {
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
  fetchedAt: number;
}

/** Results by tenant, namespace, qualified statement and parameters; entries expire after the TTL. */
export class SqlQueryCache {
  readonly entries: LRUCache<string, StoredResult>;
  constructor(ttlSeconds: number) {
    this.entries = new LRUCache({ max: 500, ttl: Math.max(1, ttlSeconds) * 1000 });
  }
}

export interface SqlQueryServices extends TenantCatalogServices {
  datasets: LocalDatasets;
  cache: SqlQueryCache;
  settings: SqlQuerySettings;
}

export interface SqlQueryRequest {
  workspaceId: string;
  catalog: string;
  schema: string;
  statement: string;
  parameters: Record<string, unknown>;
  offset: number;
  limit: number;
  signal?: AbortSignal;
}

export interface SqlQueryPage {
  columns: string[];
  rows: unknown[][];
  totalRows: number;
  offset: number;
  hasMore: boolean;
  truncated: boolean;
  cached: boolean;
  ageSeconds: number;
  /** The statement as it ran (table names qualified). */
  statement: string;
}

export async function runSqlQuery(
  services: SqlQueryServices,
  viewer: Viewer,
  request: SqlQueryRequest,
): Promise<SqlQueryPage> {
  const checked = await checkReadOnly(
    (sql) => services.datasets.parse(sql),
    request.statement,
    request.parameters,
    'run as sqlQuery',
  );
  const mapping = await services.prisma.workspaceMapping.findFirst({
    where: {
      workspaceId: request.workspaceId,
      isActive: true,
      integration: { ...ownedByViewer(viewer), type: 'DATABRICKS', isActive: true },
    },
    select: { integration: { select: { ...connectionSelect, customerId: true, tenantCatalogs: true } } },
  });
  if (!mapping)
    throw new TenantCatalogError('NO_WORKSPACE', `Workspace ${request.workspaceId} is not mapped for this tenant.`);
  // The tenant catalog recorded in this integration's workspace (one per customer).
  const row = mapping.integration.tenantCatalogs.find((c) => c.customerId === mapping.integration.customerId);
  if (!row?.initializedAt) {
    throw new TenantCatalogError(
      'NOT_INITIALIZED',
      'The tenant catalog of this workspace has not been initialized yet.',
    );
  }
  const tables = resolveTables(viewer.role, row.name, request, checked.tables);
  const byLocation = new Map(tables.map((table) => [table.location, table]));
  const statement = spliceTables(request.statement, checked.tables, (table) => {
    const resolved = byLocation.get(table.location)!;
    return [resolved.catalog, resolved.schema, resolved.table].map(quoteIdentifier).join('.');
  });
  const key = JSON.stringify([row.customerId, statement, checked.parameters]);
  const now = Date.now();
  let stored = services.settings.cacheTtlSeconds > 0 ? services.cache.entries.get(key) : undefined;
  const cached = Boolean(stored);
  if (!stored) {
    const sql = tenantConnection(services, mapping.integration, row).sql;
    if (!sql) throw new TenantCatalogError('NO_WORKSPACE', 'The Databricks integration has no SQL warehouse set.');
    const result = await sql.query(
      { sql: statement, params: checked.parameters, rowLimit: services.settings.maxRows },
      { deadline: now + services.settings.timeoutMs, signal: request.signal },
    );
    const columns = Object.keys(result.rows[0] ?? {});
    stored = {
      columns,
      rows: result.rows.map((r) => columns.map((column) => jsonValue((r as Record<string, unknown>)[column]))),
      truncated: result.truncated,
      fetchedAt: now,
    };
    if (services.settings.cacheTtlSeconds > 0) services.cache.entries.set(key, stored);
  }
  const rows = stored.rows.slice(request.offset, request.offset + request.limit);
  return {
    columns: stored.columns,
    rows,
    totalRows: stored.rows.length,
    offset: request.offset,
    hasMore: request.offset + rows.length < stored.rows.length,
    truncated: stored.truncated,
    cached,
    ageSeconds: Math.floor((now - stored.fetchedAt) / 1000),
    statement,
  };
}

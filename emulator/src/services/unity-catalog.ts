/**
 * Unity Catalog API 2.1 over the SQL engine's real catalogs: what SQL creates appears here and what is
 * created here exists for SQL. DuckDB's own bookkeeping (`duckdb_*()` functions) is the metastore.
 */

import type { SqlEngine } from '../contracts.js';
import type { Governance } from '../governance/store.js';
import { type ApiRequest, DatabricksApiError, invalidParameter, notFound, type Route } from '../http/types.js';
import { DELTA_LOG_CATALOG } from '../sql/delta-log.js';
import { databricksCatalogName, duckCatalogName } from '../sql/translate.js';

const OWNER = 'admin@petinsure360.com';
const METASTORE_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const HIDDEN_DATABASES = ['system', 'temp', 'memory', DELTA_LOG_CATALOG];
const PAGE_SIZE = 1000;

const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``;
const str = (value: unknown) => (value === null || value === undefined ? undefined : String(value));

export function createUnityCatalogService({
  engine,
  governance,
}: {
  engine: SqlEngine;
  /** Keeps the schema comments DuckDB cannot. */
  governance?: Governance;
}): Route[] {
  // DuckDB does not record creation times: the first sighting stands in for it.
  const firstSeen = new Map<string, number>();
  const times = (fullName: string) => {
    if (!firstSeen.has(fullName)) firstSeen.set(fullName, Date.now());
    const at = firstSeen.get(fullName)!;
    return { created_at: at, created_by: OWNER, updated_at: at, updated_by: OWNER };
  };

  const rows = async (sql: string, params = {}) => {
    const result = await engine.execute(sql, params);
    return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c.name, row[i]])));
  };

  const catalogInfo = (duckName: string, comment?: string) => {
    const name = databricksCatalogName(duckName);
    return {
      name,
      full_name: name,
      owner: name === 'system' ? 'System user' : OWNER,
      comment: comment ?? (name === 'system' ? 'System catalog (auto-created)' : undefined),
      catalog_type: name === 'system' ? 'SYSTEM_CATALOG' : 'MANAGED_CATALOG',
      securable_type: 'CATALOG',
      isolation_mode: 'OPEN',
      metastore_id: METASTORE_ID,
      browse_only: false,
      ...times(name),
    };
  };

  const listCatalogs = async () =>
    (await rows('SELECT database_name, comment FROM duckdb_databases() ORDER BY database_name'))
      .filter((r) => !HIDDEN_DATABASES.includes(String(r.database_name)))
      .map((r) => catalogInfo(String(r.database_name), str(r.comment)));

  const getCatalog = async (name: string) => {
    const found = (await listCatalogs()).find((c) => c.name === name);
    if (!found) throw notFound(`Catalog '${name}' does not exist.`);
    return found;
  };

  const listSchemas = async (catalog: string) => {
    await getCatalog(catalog);
    const found = await rows(
      `SELECT schema_name, comment FROM duckdb_schemas() WHERE database_name = :db AND NOT internal AND schema_name NOT IN ('main', 'pg_catalog') ORDER BY schema_name`,
      { db: duckCatalogName(catalog) },
    );
    return found.map((r) => {
      const name = String(r.schema_name);
      const kept = governance?.commentOf({ type: 'schema', fullName: `${catalog}.${name}` });
      return schemaInfo(catalog, name, str(r.comment) ?? kept);
    });
  };

  const schemaInfo = (catalog: string, name: string, comment?: string) => ({
    name,
    catalog_name: catalog,
    full_name: `${catalog}.${name}`,
    owner: OWNER,
    comment,
    securable_type: 'SCHEMA',
    metastore_id: METASTORE_ID,
    ...times(`${catalog}.${name}`),
  });

  const splitName = (fullName: string, parts: number) => {
    const names = fullName.split('.');
    if (names.length !== parts || names.some((n) => !n)) throw invalidParameter(`Invalid full name '${fullName}'.`);
    return names;
  };

  const getSchema = async (fullName: string) => {
    const [catalog, schema] = splitName(fullName, 2);
    const found = (await listSchemas(catalog)).find((s) => s.name === schema);
    if (!found) throw notFound(`Schema '${fullName}' does not exist.`);
    return found;
  };

  const listTables = async (catalog: string, schema: string) => {
    await getSchema(`${catalog}.${schema}`);
    const found = await rows(
      `SELECT table_name, comment, 'MANAGED' AS table_type FROM duckdb_tables() WHERE database_name = :db AND schema_name = :schema
       UNION ALL
       SELECT view_name, comment, 'VIEW' FROM duckdb_views() WHERE database_name = :db AND schema_name = :schema AND NOT internal
       ORDER BY 1`,
      { db: duckCatalogName(catalog), schema },
    );
    return found.map((r) => ({
      name: String(r.table_name),
      catalog_name: catalog,
      schema_name: schema,
      full_name: `${catalog}.${schema}.${r.table_name}`,
      table_type: String(r.table_type),
      data_source_format: 'DELTA',
      owner: OWNER,
      comment: str(r.comment),
      storage_location: `s3://emulator-metastore/${catalog}/${schema}/${r.table_name}`,
      securable_type: 'TABLE',
      metastore_id: METASTORE_ID,
      ...times(`${catalog}.${schema}.${r.table_name}`),
    }));
  };

  const getTable = async (fullName: string) => {
    const [catalog, schema, table] = splitName(fullName, 3);
    const found = (await listTables(catalog, schema)).find((t) => t.name === table);
    if (!found) throw notFound(`Table '${fullName}' does not exist.`);
    const shape = await engine.execute(`SELECT * FROM ${[catalog, schema, table].map(quote).join('.')} LIMIT 0`);
    const details = await rows(
      'SELECT column_name, comment, is_nullable FROM duckdb_columns() WHERE database_name = :db AND schema_name = :schema AND table_name = :table',
      { db: duckCatalogName(catalog), schema, table },
    );
    const columns = shape.columns.map((column, position) => {
      const detail = details.find((d) => d.column_name === column.name);
      return {
        name: column.name,
        type_text: column.type.toLowerCase(),
        type_name:
          /^[A-Z]+/.exec(column.type)?.[0] === 'BIGINT' ? 'LONG' : (/^[A-Z]+/.exec(column.type)?.[0] ?? 'STRING'),
        position,
        nullable: detail?.is_nullable !== false,
        comment: str(detail?.comment),
      };
    });
    return { ...found, columns };
  };

  const ensureNew = async (exists: Promise<unknown>, what: string) => {
    const found = await exists.then(
      () => true,
      () => false,
    );
    if (found) throw new DatabricksApiError(409, 'RESOURCE_ALREADY_EXISTS', `${what} already exists.`);
  };

  const requireName = (req: ApiRequest, field: string) => {
    const value = req.body[field] ?? req.query.get(field);
    if (typeof value !== 'string' || !value) throw invalidParameter(`${field} is required.`);
    return value;
  };

  const commentClause = (req: ApiRequest) =>
    typeof req.body.comment === 'string' ? req.body.comment.replaceAll("'", "''") : undefined;

  const base = '/api/2.1/unity-catalog';
  return [
    { method: 'GET', path: `${base}/catalogs`, handler: async () => ({ catalogs: await listCatalogs() }) },
    {
      method: 'POST',
      path: `${base}/catalogs`,
      handler: async (req) => {
        const name = requireName(req, 'name');
        await ensureNew(getCatalog(name), `Catalog '${name}'`);
        await engine.execute(`CREATE CATALOG ${quote(name)}`);
        const comment = commentClause(req);
        if (comment) await engine.execute(`COMMENT ON DATABASE ${quote(name)} IS '${comment}'`).catch(() => undefined);
        return { ...(await getCatalog(name)), ...(comment ? { comment: req.body.comment } : {}) };
      },
    },
    { method: 'GET', path: `${base}/catalogs/:name`, handler: ({ params }) => getCatalog(params.name) },
    {
      method: 'DELETE',
      path: `${base}/catalogs/:name`,
      handler: async ({ params }) => {
        await getCatalog(params.name);
        if (params.name === 'system' || params.name === 'main') {
          throw new DatabricksApiError(403, 'PERMISSION_DENIED', `Catalog '${params.name}' cannot be deleted.`);
        }
        await engine.execute(`DROP CATALOG ${quote(params.name)}`);
        return {};
      },
    },
    {
      method: 'GET',
      path: `${base}/schemas`,
      handler: async (req) => ({ schemas: await listSchemas(requireName(req, 'catalog_name')) }),
    },
    {
      method: 'POST',
      path: `${base}/schemas`,
      handler: async (req) => {
        const catalog = requireName(req, 'catalog_name');
        const name = requireName(req, 'name');
        await getCatalog(catalog);
        await ensureNew(getSchema(`${catalog}.${name}`), `Schema '${catalog}.${name}'`);
        await engine.execute(`CREATE SCHEMA ${quote(catalog)}.${quote(name)}`);
        return getSchema(`${catalog}.${name}`);
      },
    },
    { method: 'GET', path: `${base}/schemas/:full_name`, handler: ({ params }) => getSchema(params.full_name) },
    {
      method: 'DELETE',
      path: `${base}/schemas/:full_name`,
      handler: async ({ params }) => {
        const schema = await getSchema(params.full_name);
        await engine.execute(`DROP SCHEMA ${quote(schema.catalog_name)}.${quote(schema.name)} CASCADE`);
        return {};
      },
    },
    {
      method: 'GET',
      path: `${base}/tables`,
      handler: async (req) => {
        const all = await listTables(requireName(req, 'catalog_name'), requireName(req, 'schema_name'));
        const maxResults = Number(req.query.get('max_results') ?? 0) || PAGE_SIZE;
        const start = Number(req.query.get('page_token') ?? 0) || 0;
        const page = all.slice(start, start + maxResults);
        const next = start + maxResults < all.length ? String(start + maxResults) : undefined;
        return { tables: page, ...(next ? { next_page_token: next } : {}) };
      },
    },
    { method: 'GET', path: `${base}/tables/:full_name`, handler: ({ params }) => getTable(params.full_name) },
    {
      method: 'DELETE',
      path: `${base}/tables/:full_name`,
      handler: async ({ params }) => {
        const table = await getTable(params.full_name);
        const name = [table.catalog_name, table.schema_name, table.name].map(quote).join('.');
        await engine.execute(table.table_type === 'VIEW' ? `DROP VIEW ${name}` : `DROP TABLE ${name}`);
        return {};
      },
    },
  ];
}

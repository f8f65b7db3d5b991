import type { DatabricksSqlClient } from '../databricks/sql-client.js';

/**
 * A tenant's Unity Catalog catalog, `<prefix>_<customer slug>` (prefix `copos` unless the integration sets one) with `bronze`, `silver` and `gold` schemas (the
 * governed tenant catalogs of the multi-tenant platform), and the volume uploads land in.
 */
export function tenantCatalogName(customer: { name: string }, prefix = 'copos'): string {
  return `${prefix}_${tenantSlug(customer)}`;
}

/** The customer's name as an identifier (`Acme Insurance` → `acme_insurance`): its catalog's and groups' stem. */
export function tenantSlug(customer: { name: string }): string {
  const slug = customer.name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return slug || 'tenant';
}

export const UPLOADS_SCHEMA = 'bronze';
export const UPLOADS_VOLUME = 'uploads';

/** Backticked Unity Catalog identifier; names here are derived (slugs, ids), never typed by users. */
export const quoteIdentifier = (name: string) => `\`${name.replaceAll('`', '``')}\``;

/**
 * Creates the tenant catalog, its layer schemas and the uploads volume when missing. Every statement is
 * idempotent, so it runs before each sync without harm. (DDL takes no parameter markers: the names are ours.)
 */
export async function ensureTenantCatalog(sql: DatabricksSqlClient, catalog: string): Promise<void> {
  const c = quoteIdentifier(catalog);
  await sql.query({ sql: `CREATE CATALOG IF NOT EXISTS ${c}` });
  for (const schema of ['bronze', 'silver', 'gold']) {
    await sql.query({ sql: `CREATE SCHEMA IF NOT EXISTS ${c}.${quoteIdentifier(schema)}` });
  }
  await sql.query({
    sql: `CREATE VOLUME IF NOT EXISTS ${c}.${quoteIdentifier(UPLOADS_SCHEMA)}.${quoteIdentifier(UPLOADS_VOLUME)}`,
  });
}

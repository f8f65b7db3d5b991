import type { DatabricksRestClient } from '../rest-client.js';

/** Unity Catalog 2.1 shapes the gateway reads. */
export interface CatalogInfo {
  name: string;
  comment?: string;
  owner?: string;
  created_at?: number;
  catalog_type?: string;
}

export interface SchemaInfo {
  name: string;
  catalog_name: string;
  full_name: string;
  comment?: string;
  owner?: string;
}

export interface ColumnInfo {
  name: string;
  type_text: string;
  type_name?: string;
  position?: number;
  nullable?: boolean;
  comment?: string;
}

export interface TableInfo {
  name: string;
  catalog_name: string;
  schema_name: string;
  full_name: string;
  table_type?: string;
  data_source_format?: string;
  owner?: string;
  comment?: string;
  created_at?: number;
  columns?: ColumnInfo[];
}

const UC = '/api/2.1/unity-catalog';

/** Follows `next_page_token` to the end: catalogs, schemas and tables are metadata, small enough to list whole. */
async function listAll<T>(
  rest: DatabricksRestClient,
  path: string,
  key: string,
  query: Record<string, string> = {},
): Promise<T[]> {
  const items: T[] = [];
  let pageToken: string | undefined;
  do {
    const page = await rest.get<Record<string, unknown> & { next_page_token?: string }>(path, {
      ...query,
      page_token: pageToken,
    });
    items.push(...((page[key] as T[] | undefined) ?? []));
    pageToken = page.next_page_token || undefined;
  } while (pageToken);
  return items;
}

export const listCatalogs = (rest: DatabricksRestClient) => listAll<CatalogInfo>(rest, `${UC}/catalogs`, 'catalogs');

export const listSchemas = (rest: DatabricksRestClient, catalog: string) =>
  listAll<SchemaInfo>(rest, `${UC}/schemas`, 'schemas', { catalog_name: catalog });

export const listTables = (rest: DatabricksRestClient, catalog: string, schema: string) =>
  listAll<TableInfo>(rest, `${UC}/tables`, 'tables', { catalog_name: catalog, schema_name: schema });

export const getTable = (rest: DatabricksRestClient, fullName: string) =>
  rest.get<TableInfo>(`${UC}/tables/${encodeURIComponent(fullName)}`);

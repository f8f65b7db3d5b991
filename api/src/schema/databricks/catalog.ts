import type { CatalogInfo, ColumnInfo, SchemaInfo, TableInfo } from '../../databricks/api/catalog.js';
import type { WorkspaceConnection } from '../../databricks/registry.js';
import { builder } from '../builder.js';
import { epochToDate, remote, remoteList } from './remote.js';
import { connectionOf, DatabricksWorkspace } from './workspace.js';

/** Unity Catalog objects carry their connection so nested fields can keep walking the tree. */
type Located<T> = T & { connection: WorkspaceConnection };
const locate = <T>(connection: WorkspaceConnection, items: T[]) => items.map((item) => ({ ...item, connection }));

const Column = builder.objectRef<ColumnInfo>('CatalogColumn').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.exposeString('type_text'),
    position: t.int({ nullable: true, resolve: (column) => column.position ?? null }),
    nullable: t.boolean({ resolve: (column) => column.nullable ?? true }),
    comment: t.string({ nullable: true, resolve: (column) => column.comment ?? null }),
  }),
});

const Table = builder.objectRef<Located<TableInfo>>('CatalogTable').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    fullName: t.exposeString('full_name'),
    tableType: t.string({ nullable: true, resolve: (table) => table.table_type ?? null }),
    format: t.string({ nullable: true, resolve: (table) => table.data_source_format ?? null }),
    owner: t.string({ nullable: true, resolve: (table) => table.owner ?? null }),
    comment: t.string({ nullable: true, resolve: (table) => table.comment ?? null }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (table) => epochToDate(table.created_at) }),
    columns: t.field({
      type: [Column],
      nullable: true,
      description: 'Columns, read with the table itself when the listing did not include them.',
      resolve: (table, _args, ctx) =>
        table.columns ??
        remote(async () => (await ctx.databricks.table(table.connection, table.full_name)).value.columns ?? []),
    }),
  }),
});

const TableList = remoteList('CatalogTableList', Table);

const Schema = builder.objectRef<Located<SchemaInfo>>('CatalogSchema').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    fullName: t.exposeString('full_name'),
    comment: t.string({ nullable: true, resolve: (schema) => schema.comment ?? null }),
    tables: t.field({
      type: TableList,
      nullable: true,
      resolve: (schema, _args, ctx) =>
        remote(async () => {
          const tables = await ctx.databricks.tables(schema.connection, schema.catalog_name, schema.name);
          return { ...tables, value: locate(schema.connection, tables.value) };
        }),
    }),
  }),
});

const SchemaList = remoteList('CatalogSchemaList', Schema);

const Catalog = builder.objectRef<Located<CatalogInfo>>('UnityCatalog').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    comment: t.string({ nullable: true, resolve: (catalog) => catalog.comment ?? null }),
    owner: t.string({ nullable: true, resolve: (catalog) => catalog.owner ?? null }),
    schemas: t.field({
      type: SchemaList,
      nullable: true,
      resolve: (catalog, _args, ctx) =>
        remote(async () => {
          const schemas = await ctx.databricks.schemas(catalog.connection, catalog.name);
          return { ...schemas, value: locate(catalog.connection, schemas.value) };
        }),
    }),
  }),
});

const CatalogList = remoteList('UnityCatalogList', Catalog);

builder.objectField(DatabricksWorkspace, 'catalogs', (t) =>
  t.field({
    type: CatalogList,
    nullable: true,
    resolve: (row, _args, ctx) =>
      remote(async () => {
        const connection = connectionOf(ctx, row);
        const catalogs = await ctx.databricks.catalogs(connection);
        return { ...catalogs, value: locate(connection, catalogs.value) };
      }),
  }),
);

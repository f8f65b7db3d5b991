import { encodeGlobalID, resolveOffsetConnection } from '@pothos/plugin-relay';
import { z } from 'zod';
import { ownedByViewer } from '../auth/tenancy.js';
import { EDITOR_ROLES, OPERATOR_ROLES } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { connectionSelect } from '../databricks/registry.js';
import type { DatasetColumn } from '../datasets/local-engine.js';
import type { DatasetRemote } from '../datasets/remote.js';
import { queryDataset, uploadDataset } from '../datasets/service.js';
import { appError } from '../errors.js';
import { syncTargetOf } from '../sync/target.js';
import { builder } from './builder.js';
import { Customer } from './customer.js';
import { findOwned, ownedNode, updateOwned } from './ownership.js';
import { syncField } from './sync-record.js';

const services = (ctx: Context) => ({
  prisma: ctx.prisma,
  datasets: ctx.datasets,
  registry: ctx.databricksGateway.registry,
  maxBytes: ctx.config.DATASET_MAX_BYTES,
});

const DatasetColumnType = builder.simpleObject('DatasetColumn', {
  fields: (t) => ({ name: t.string(), type: t.string({ description: 'Databricks SQL type (STRING, BIGINT, …).' }) }),
});

const DatasetRow = builder.simpleObject('DatasetRow', {
  fields: (t) => ({ values: t.field({ type: ['JSON'], description: 'The row’s values, in column order.' }) }),
});

const QuerySource = builder.enumType('DatasetQuerySource', {
  values: {
    DATABRICKS: { description: 'The SQL warehouse, on the Delta table.' },
    LOCAL: { description: 'The local Parquet copy.' },
  },
});

const DatasetQueryResultType = builder.simpleObject('DatasetQueryResult', {
  fields: (t) => ({
    source: t.field({ type: QuerySource }),
    columns: t.stringList(),
    rows: t.field({ type: ['JSON'], description: 'Each row as a list of values in column order.' }),
    truncated: t.boolean({ description: 'More rows matched than the limit.' }),
  }),
});

export const Dataset = builder.prismaNode('Dataset', {
  ...ownedNode('dataset'),
  description: 'An uploaded CSV: a local Parquet copy, and a Delta table in the tenant catalog once synced.',
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    columns: t.field({
      type: [DatasetColumnType],
      select: { columns: true },
      resolve: (row) => row.columns as unknown as DatasetColumn[],
    }),
    rowCount: t.exposeInt('rowCount'),
    sizeBytes: t.float({ select: { sizeBytes: true }, resolve: (row) => Number(row.sizeBytes) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.relation('createdBy', { nullable: true }),
    sync: t.field(syncField()),
    table: t.string({
      nullable: true,
      description: 'The Delta table’s three-part name (`<tenant catalog>.bronze.<table>`), once synced.',
      select: { remote: true },
      resolve: (row) => {
        const remote = row.remote as Partial<DatasetRemote>;
        return remote.table ? `${remote.catalog}.${remote.schema}.${remote.table}` : null;
      },
    }),
    rows: t.connection({
      type: DatasetRow,
      description: 'A preview of the rows, in file order (analysts and up).',
      authScopes: { role: EDITOR_ROLES },
      select: { id: true },
      resolve: (row, args, ctx) =>
        resolveOffsetConnection({ args, defaultSize: 50, maxSize: 500 }, async ({ offset, limit }) => {
          const page = await ctx.datasets.rows(row.id, offset, limit);
          return page.rows.map((values) => ({ values }));
        }),
    }),
  }),
});

builder.prismaObjectField('Customer', 'datasets', (t) =>
  t.relatedConnection('datasets', {
    cursor: 'id',
    totalCount: true,
    query: { where: { deletedAt: null }, orderBy: { createdAt: 'desc' } },
  }),
);

builder.queryFields((t) => ({
  datasets: t.prismaConnection({
    type: 'Dataset',
    cursor: 'id',
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.dataset.findMany({
        ...query,
        where: { deletedAt: null, ...ownedByViewer(ctx.viewer) },
        orderBy: { createdAt: 'desc' },
      }),
  }),
  datasetQuery: t.field({
    type: DatasetQueryResultType,
    description:
      'One read-only SELECT over the dataset as the table `dataset`, with named parameters (`:name`): on the SQL ' +
      'warehouse when synced, on the local copy otherwise. Anything else is BAD_USER_INPUT naming what was refused.',
    authScopes: { role: EDITOR_ROLES },
    args: {
      id: t.arg.globalID({ for: Dataset }),
      statement: t.arg.string({ validate: z.string().min(1).max(20_000) }),
      parameters: t.arg({ type: 'JSON', required: false }),
      limit: t.arg.int({ required: false, defaultValue: 100, validate: z.number().int().min(1).max(10_000) }),
    },
    resolve: async (_root, args, ctx) => {
      // The warehouse's connection row comes in the same statement (a join), not in a second round trip.
      const dataset = await findOwned(ctx, 'dataset', args.id.id, {
        relationLoadStrategy: 'join',
        select: {
          id: true,
          syncStatus: true,
          remote: true,
          customer: { select: { integrations: { where: { type: 'DATABRICKS' }, select: connectionSelect } } },
        },
      });
      const parameters = args.parameters ?? {};
      if (typeof parameters !== 'object' || Array.isArray(parameters)) {
        throw appError('BAD_USER_INPUT', 'parameters must be an object of named values.', { fields: ['parameters'] });
      }
      return queryDataset(services(ctx), dataset, {
        statement: args.statement,
        parameters: parameters as Record<string, unknown>,
        limit: args.limit ?? 100,
        deadline: Date.now() + ctx.config.REQUEST_TIMEOUT_MS,
      });
    },
  }),
}));

const UploadDatasetInput = builder.inputType('UploadDatasetInput', {
  fields: (t) => ({
    customerId: t.globalID({ for: Customer }),
    name: t.string({ validate: z.string().trim().min(1, 'A dataset needs a name.').max(120) }),
    description: t.string({ required: false, validate: z.string().max(2_000) }),
    file: t.field({ type: 'File', description: 'The CSV (UTF-8, a header row of unique names).' }),
  }),
});

builder.mutationFields((t) => ({
  uploadDataset: t.prismaField({
    type: 'Dataset',
    description: 'Uploads a CSV (multipart request) as a dataset; its Databricks copy follows (see `sync`).',
    authScopes: { role: OPERATOR_ROLES },
    args: { input: t.arg({ type: UploadDatasetInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const customer = await findOwned(ctx, 'customer', input.customerId.id, { select: { id: true } });
      const row = await uploadDataset(
        services(ctx),
        {
          customerId: customer.id,
          name: input.name.trim(),
          description: input.description,
          file: input.file,
          createdById: ctx.viewer?.kind === 'user' ? ctx.viewer.id : null,
        },
        query,
      );
      ctx.sync.poke();
      return row;
    },
  }),
  deleteDataset: t.field({
    type: 'ID',
    description: 'Deletes a dataset locally and in Databricks (finished by the reconciler if Databricks is down).',
    authScopes: { role: OPERATOR_ROLES },
    args: { id: t.arg.globalID({ for: Dataset }) },
    resolve: async (_root, { id }, ctx) => {
      await updateOwned(ctx, 'dataset', id.id, {
        data: { deletedAt: new Date(), syncNextAttemptAt: new Date() },
        select: { id: true },
      });
      ctx.sync.poke();
      return encodeGlobalID(id.typename, id.id);
    },
  }),
  retryDatasetSync: t.prismaField({
    type: 'Dataset',
    description: 'Tries the Databricks copy again now instead of at the next back-off.',
    authScopes: { role: OPERATOR_ROLES },
    args: { id: t.arg.globalID({ for: Dataset }) },
    resolve: async (query, _root, { id }, ctx) => {
      const row = await findOwned(ctx, 'dataset', id.id, { select: { customerId: true } });
      const target = await syncTargetOf(ctx.prisma, row.customerId);
      if (!target.enabled) throw appError('CONFLICT', 'Databricks is turned off for this customer.');
      const updated = await updateOwned(ctx, 'dataset', id.id, {
        ...query,
        data: { syncStatus: 'PENDING', syncNextAttemptAt: new Date() },
      });
      ctx.sync.poke();
      return updated;
    },
  }),
}));

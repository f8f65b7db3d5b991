import { z } from 'zod';
import type { Context } from '../context.js';
import { SQL_QUERY_ROLES } from '../sql-query/policy.js';
import { runSqlQuery, type SqlQueryPage } from '../sql-query/service.js';
import { builder } from './builder.js';

const SqlQueryResult = builder.objectRef<SqlQueryPage>('SqlQueryResult').implement({
  description: 'One page of an ad-hoc statement’s result, served from cache while it is fresh.',
  fields: (t) => ({
    columns: t.exposeStringList('columns'),
    rows: t.field({
      type: ['JSON'],
      resolve: (page) => page.rows,
      description: 'Rows of this page, values in column order.',
    }),
    totalRows: t.exposeInt('totalRows', { description: 'Rows of the whole result (at most SQL_QUERY_MAX_ROWS).' }),
    offset: t.exposeInt('offset'),
    hasMore: t.exposeBoolean('hasMore', { description: 'More rows follow this page: ask again with a larger offset.' }),
    truncated: t.exposeBoolean('truncated', { description: 'The warehouse had more rows than the result keeps.' }),
    cached: t.exposeBoolean('cached', { description: 'Served from the result cache, not run again.' }),
    ageSeconds: t.exposeInt('ageSeconds', { description: 'Seconds since the statement ran on the warehouse.' }),
    statement: t.exposeString('statement', { description: 'The statement as it ran, table names qualified.' }),
  }),
});

/** The request's own abort signal (HTTP): the statement is cancelled when the client goes away. */
const signalOf = (ctx: Context) => (ctx as Context & { request?: Request }).request?.signal;

builder.queryField('sqlQuery', (t) =>
  t.field({
    type: SqlQueryResult,
    description:
      'One read-only SELECT on the tenant catalog of a mapped workspace, run as the tenant’s service principal. Analysts may read the gold schema only; engineers and admins any schema of the tenant catalog. Unqualified names resolve in `catalog`.`schema`; `:name` markers take `parameters`.',
    authScopes: { role: SQL_QUERY_ROLES },
    args: {
      workspaceId: t.arg.string({ required: true }),
      catalog: t.arg.string({ required: true, validate: z.string().trim().min(1).max(255) }),
      schema: t.arg.string({ required: true, validate: z.string().trim().min(1).max(255) }),
      statement: t.arg.string({ required: true, validate: z.string().trim().min(1).max(20_000) }),
      parameters: t.arg({ type: 'JSON', required: false }),
      offset: t.arg.int({ required: false, defaultValue: 0, validate: z.number().int().min(0) }),
      limit: t.arg.int({ required: false, defaultValue: 100, validate: z.number().int().min(1).max(1000) }),
    },
    resolve: (_root, args, ctx) =>
      runSqlQuery(
        {
          prisma: ctx.prisma,
          registry: ctx.databricksGateway.registry,
          secretBox: ctx.secretBox,
          datasets: ctx.datasets,
          cache: ctx.sqlQueryCache,
          settings: {
            timeoutMs: ctx.config.SQL_QUERY_TIMEOUT_MS,
            cacheTtlSeconds: ctx.config.SQL_QUERY_CACHE_TTL_SECONDS,
            maxRows: ctx.config.SQL_QUERY_MAX_ROWS,
          },
        },
        ctx.viewer!,
        {
          ...args,
          parameters: (args.parameters ?? {}) as Record<string, unknown>,
          offset: args.offset ?? 0,
          limit: args.limit ?? 100,
          signal: signalOf(ctx),
        },
      ),
  }),
);

import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { ownedByViewer } from '../auth/tenancy.js';
import { EDITOR_ROLES, OPERATOR_ROLES } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { NotebookLanguage } from '../generated/prisma/enums.js';
import { NotebookError } from '../notebooks/errors.js';
import { editedColumns, newNotebookColumns, tombstoneColumns } from '../notebooks/service.js';
import type { NotebookCell } from '../notebooks/source-format.js';
import { reconcileNotebook, syncedPath, syncNotebook } from '../notebooks/sync.js';
import { builder } from './builder.js';
import { DatabricksWorkspace } from './databricks/workspace.js';
import { findOwned, ownedNode, updateOwned } from './ownership.js';
import { idempotencyKey, parametersSchema, resolveTarget, start, triggeredBy } from './runs/mutations.js';
import { syncField } from './sync-record.js';

const syncDeps = (ctx: Context) => ({
  prisma: ctx.prisma,
  registry: ctx.databricksGateway.registry,
  backoff: { baseMs: ctx.config.SYNC_RETRY_BASE_MS, maxMs: ctx.config.SYNC_RETRY_MAX_MS },
});

const NotebookLanguageEnum = builder.enumType(NotebookLanguage, { name: 'NotebookLanguage' });

const NotebookCellType = builder.simpleObject('NotebookCell', {
  fields: (t) => ({ source: t.string() }),
});

const SyncDirectionEnum = builder.enumType('NotebookSyncDirection', {
  values: {
    PULL: { description: 'Take the workspace’s cells.' },
    PUSH: { description: 'Write these cells to the workspace.' },
  },
});

export const Notebook = builder.prismaNode('Notebook', {
  ...ownedNode('notebook'),
  description:
    'A notebook CoP OS owns: its cells here, and a workspace object under `/CoPOS/<tenant>/` once synced (see `sync`).',
  fields: (t) => ({
    name: t.exposeString('name'),
    language: t.expose('language', { type: NotebookLanguageEnum }),
    cells: t.field({
      type: [NotebookCellType],
      description: 'The cells, in order (analysts and up).',
      authScopes: { role: EDITOR_ROLES },
      select: { cells: true },
      resolve: (row) => row.cells as unknown as NotebookCell[],
    }),
    path: t.exposeString('remotePath', { description: 'The workspace path, fixed at creation.' }),
    workspace: t.relation('workspaceMapping', { type: DatabricksWorkspace }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('contentModifiedAt', { type: 'DateTime', description: 'When the cells last changed.' }),
    createdBy: t.relation('createdBy', { nullable: true }),
    sync: t.field(syncField()),
    runs: t.prismaConnection({
      type: 'JobRun',
      cursor: 'id',
      description: 'Its runs (`executeNotebook`), newest first (analysts and up).',
      authScopes: { role: EDITOR_ROLES },
      resolve: (query, notebook, _args, ctx) =>
        ctx.prisma.jobRun.findMany({
          ...query,
          where: {
            ...ownedByViewer(ctx.viewer),
            kind: 'NOTEBOOK',
            workspaceMappingId: notebook.workspaceMappingId,
            notebookPath: notebook.remotePath,
          },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    }),
  }),
});

builder.prismaObjectField('Customer', 'notebooks', (t) =>
  t.relatedConnection('notebooks', {
    cursor: 'id',
    totalCount: true,
    query: { where: { deletedAt: null }, orderBy: { createdAt: 'desc' } },
  }),
);

builder.queryField('notebooks', (t) =>
  t.prismaConnection({
    type: 'Notebook',
    cursor: 'id',
    description: 'The tenant’s notebooks, newest first.',
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.notebook.findMany({
        ...query,
        where: { deletedAt: null, ...ownedByViewer(ctx.viewer) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
);

const cellsInput = z
  .array(z.object({ source: z.string().max(100_000, 'A cell holds at most 100,000 characters.') }))
  .min(1, 'A notebook has at least one cell.')
  .max(500, 'A notebook has at most 500 cells.');

const NotebookCellInput = builder.inputType('NotebookCellInput', {
  fields: (t) => ({ source: t.string() }),
});

const notebookName = z.string().trim().min(1, 'A notebook needs a name.').max(120);

const CreateNotebookInput = builder.inputType('CreateNotebookInput', {
  fields: (t) => ({
    workspaceId: t.globalID({ for: DatabricksWorkspace, description: 'The workspace (mapping) it lives in.' }),
    name: t.string({ validate: notebookName }),
    language: t.field({ type: NotebookLanguageEnum }),
    cells: t.field({ type: [NotebookCellInput], validate: cellsInput }),
  }),
});

const UpdateNotebookInput = builder.inputType('UpdateNotebookInput', {
  description: 'A rename stays local (the workspace path is fixed); new cells are synced to the workspace.',
  fields: (t) => ({
    name: t.string({ required: false, validate: notebookName }),
    cells: t.field({ type: [NotebookCellInput], required: false, validate: cellsInput }),
  }),
});

/** Syncs the row in this request (recording the outcome), then reads it with the caller's selection. */
async function syncedNow(ctx: Context, query: object, id: string) {
  await reconcileNotebook(syncDeps(ctx), id);
  ctx.sync.poke();
  return ctx.prisma.notebook.findUniqueOrThrow({ ...query, where: { id } });
}

builder.mutationFields((t) => ({
  createNotebook: t.prismaField({
    type: 'Notebook',
    description: 'Writes the notebook here, then imports it into the workspace (see `sync` for where it stands).',
    authScopes: { role: OPERATOR_ROLES },
    args: { input: t.arg({ type: CreateNotebookInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const mapping = await findOwned(ctx, 'workspaceMapping', input.workspaceId.id, {
        select: {
          id: true,
          integration: { select: { customer: { select: { id: true, name: true, databricksEnabled: true } } } },
        },
      });
      const row = await ctx.prisma.notebook.create({
        data: newNotebookColumns({
          customer: mapping.integration.customer,
          workspaceMappingId: mapping.id,
          name: input.name.trim(),
          language: input.language,
          cells: input.cells,
          createdById: triggeredBy(ctx),
        }),
        select: { id: true },
      });
      return syncedNow(ctx, query, row.id);
    },
  }),
  updateNotebook: t.prismaField({
    type: 'Notebook',
    authScopes: { role: OPERATOR_ROLES },
    args: { id: t.arg.globalID({ for: Notebook }), input: t.arg({ type: UpdateNotebookInput }) },
    resolve: async (query, _root, { id, input }, ctx) => {
      const row = await findOwned(ctx, 'notebook', id.id, { select: { syncStatus: true } });
      const data = editedColumns(row, { name: input.name?.trim(), cells: input.cells });
      await updateOwned(ctx, 'notebook', id.id, { data, select: { id: true } });
      return input.cells
        ? syncedNow(ctx, query, id.id)
        : ctx.prisma.notebook.findUniqueOrThrow({ ...query, where: { id: id.id } });
    },
  }),
  deleteNotebook: t.field({
    type: 'ID',
    description: 'Deletes the notebook here and in the workspace (finished by the reconciler if Databricks is down).',
    authScopes: { role: OPERATOR_ROLES },
    args: { id: t.arg.globalID({ for: Notebook }) },
    resolve: async (_root, { id }, ctx) => {
      await updateOwned(ctx, 'notebook', id.id, { data: tombstoneColumns(), select: { id: true } });
      await reconcileNotebook(syncDeps(ctx), id.id);
      ctx.sync.poke();
      return encodeGlobalID(id.typename, id.id);
    },
  }),
  syncNotebook: t.prismaField({
    type: 'Notebook',
    description:
      'PUSH writes the cells to the workspace, PULL takes the workspace’s. CONFLICT when both changed since the last ' +
      'sync, unless `force` says the chosen side wins.',
    authScopes: { role: OPERATOR_ROLES },
    args: {
      id: t.arg.globalID({ for: Notebook }),
      direction: t.arg({ type: SyncDirectionEnum }),
      force: t.arg.boolean({ required: false, defaultValue: false }),
    },
    resolve: async (query, _root, { id, direction, force }, ctx) => {
      const row = await findOwned(ctx, 'notebook', id.id, { select: { id: true } });
      await syncNotebook(syncDeps(ctx), row.id, { direction, force: force ?? false });
      return ctx.prisma.notebook.findUniqueOrThrow({ ...query, where: { id: row.id } });
    },
  }),
  retryNotebookSync: t.prismaField({
    type: 'Notebook',
    description: 'Tries the workspace copy again now instead of at the next back-off.',
    authScopes: { role: OPERATOR_ROLES },
    args: { id: t.arg.globalID({ for: Notebook }) },
    resolve: async (query, _root, { id }, ctx) => {
      const row = await findOwned(ctx, 'notebook', id.id, {
        select: { customer: { select: { databricksEnabled: true } } },
      });
      if (!row.customer.databricksEnabled) {
        throw new NotebookError('DATABRICKS_OFF', 'Databricks is turned off for this customer.');
      }
      return syncedNow(ctx, query, id.id);
    },
  }),
  executeNotebook: t.prismaField({
    type: 'JobRun',
    description:
      'Runs the notebook as a one-time run (synced to the workspace first if it is not); follow it with `runEvents`.',
    authScopes: { role: OPERATOR_ROLES },
    args: {
      id: t.arg.globalID({ for: Notebook }),
      parameters: t.arg({ type: 'JSON', required: false, validate: parametersSchema }),
      idempotencyKey: t.arg.string({ required: false, validate: idempotencyKey }),
    },
    resolve: async (query, _root, args, ctx) => {
      const row = await findOwned(ctx, 'notebook', args.id.id, {});
      const notebookPath = await syncedPath(syncDeps(ctx), row);
      return start(ctx, query, await resolveTarget(ctx, { mappingId: row.workspaceMappingId }), {
        kind: 'NOTEBOOK',
        notebookPath,
        parameters: (args.parameters as Record<string, string>) ?? {},
        // Keys are the caller's per notebook: the same key on two notebooks starts two runs.
        idempotencyKey: args.idempotencyKey ? `notebook:${row.id}:${args.idempotencyKey}` : null,
        triggeredById: triggeredBy(ctx),
      });
    },
  }),
}));

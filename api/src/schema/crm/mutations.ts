/**
 * Creates, updates and deletes of the four CRM tables, one shape for all: creates are MERGEs on the key (the
 * bsnid, or an id derived from the idempotency key), updates carry `expectedUpdatedAt` (a stale one is a
 * CONFLICT with the current row), deletes of an account take its rows in the other tables with it.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Context } from '../../context.js';
import { createRow, deleteRow, updateRow } from '../../crm/records.js';
import { ACCOUNTS, type CrmRow, type CrmTable, PLATFORM_STATUSES, UPDATES, USE_CASES } from '../../crm/tables.js';
import { scopeOfMapping } from '../../crm/warehouse.js';
import { builder } from '../builder.js';
import { DatabricksWorkspace } from '../databricks/workspace.js';
import { AccountUpdate, CrmAccount, CrmUseCase, crm, crmDeps, PlatformStatus, splitNodeId, writable } from './types.js';

/** Input fields for a table's editable columns; `required` as on create, or all optional (update). */
function editableInputs(t: any, table: CrmTable, creating: boolean) {
  return Object.fromEntries(
    table.editable.map((field) => {
      const column = table.columns.find((c) => c.field === field)!;
      const required = creating && Boolean(column.required);
      return [field, column.type === 'DATE' ? t.field({ type: 'Date', required }) : t.string({ required })];
    }),
  );
}

const patchOf = (input: Record<string, unknown>): CrmRow =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as CrmRow;

/** update<Name>(id, expectedUpdatedAt, input) and delete<Name>(id) of one table's node type. */
function updateAndDelete(name: string, node: typeof CrmAccount, table: CrmTable) {
  const UpdateInput = builder.inputType(`Update${name}Input`, { fields: (t) => editableInputs(t, table, false) });
  builder.mutationFields((t) => ({
    [`update${name}`]: t.field({
      type: node,
      authScopes: { authenticated: true },
      description: `Changes a ${name} if it is still as read at expectedUpdatedAt; otherwise CONFLICT with the current row.`,
      args: {
        id: t.arg.globalID({ for: node, required: true }),
        expectedUpdatedAt: t.arg({ type: 'DateTime', required: true }),
        input: t.arg({ type: UpdateInput, required: true }),
      },
      resolve: async (_root, { id, expectedUpdatedAt, input }, ctx: Context) => {
        const { scope, key } = splitNodeId(String(id.id));
        const updated = await updateRow(await writable(ctx, scope), table, key, patchOf(input), expectedUpdatedAt);
        crm(ctx).clear();
        return updated;
      },
    }),
    [`delete${name}`]: t.field({
      type: 'ID',
      authScopes: { authenticated: true },
      description:
        table === ACCOUNTS
          ? 'Deletes an account with its statuses, use cases and updates (those first: no orphan is ever left).'
          : `Deletes a ${name}.`,
      args: { id: t.arg.globalID({ for: node, required: true }) },
      resolve: async (_root, { id }, ctx: Context) => {
        const { scope, key } = splitNodeId(String(id.id));
        await deleteRow(await writable(ctx, scope), table, key);
        crm(ctx).clear();
        return encodeGlobalID(name, String(id.id));
      },
    }),
  }));
}

const CreateCrmAccountInput = builder.inputType('CreateCrmAccountInput', {
  fields: (t) => ({
    workspaceId: t.globalID({ for: DatabricksWorkspace }),
    bsnid: t.string({ description: 'The business unit’s id: the account’s key (a retried create finds it).' }),
    ...editableInputs(t, ACCOUNTS, true),
  }),
});

builder.mutationField('createCrmAccount', (t) =>
  t.field({
    type: CrmAccount,
    authScopes: { authenticated: true },
    description:
      'Creates an account (a MERGE on its bsnid: a retry gives one row; another account of that bsnid is a CONFLICT).',
    args: { input: t.arg({ type: CreateCrmAccountInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { workspaceId, ...fields } = input;
      const w = await writable(ctx, await scopeOfMapping(crmDeps(ctx), workspaceId.id));
      const created = await createRow(w, ACCOUNTS, patchOf(fields));
      crm(ctx).clear();
      return created;
    },
  }),
);

/** create<Name>(input: { accountId, … }, idempotencyKey) of a table that belongs to an account. */
function childCreate(name: string, node: typeof CrmAccount, table: CrmTable) {
  const CreateInput = builder.inputType(`Create${name}Input`, {
    fields: (t) => ({ accountId: t.globalID({ for: CrmAccount }), ...editableInputs(t, table, true) }),
  });
  builder.mutationField(`create${name}`, (t) =>
    t.field({
      type: node,
      authScopes: { authenticated: true },
      description: `Adds a ${name} to an account; the same idempotencyKey again gives the same row, not a second one.`,
      args: {
        input: t.arg({ type: CreateInput, required: true }),
        idempotencyKey: t.arg.string({ required: true }),
      },
      resolve: async (_root, { input, idempotencyKey }, ctx: Context) => {
        const { accountId, ...fields } = input as { accountId: { id: string } } & Record<string, unknown>;
        const { scope, key } = splitNodeId(accountId.id);
        const row = { ...patchOf(fields), accountBsnid: key };
        const created = await createRow(await writable(ctx, scope), table, row, idempotencyKey);
        crm(ctx).clear();
        return created;
      },
    }),
  );
}

updateAndDelete('CrmAccount', CrmAccount, ACCOUNTS);
for (const [name, node, table] of [
  ['PlatformStatus', PlatformStatus, PLATFORM_STATUSES],
  ['CrmUseCase', CrmUseCase, USE_CASES],
  ['AccountUpdate', AccountUpdate, UPDATES],
] as const) {
  childCreate(name, node, table);
  updateAndDelete(name, node, table);
}

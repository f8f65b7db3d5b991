/**
 * The CRM: accounts, platform statuses, use cases and updates that live in the customer's own warehouse
 * (Unity Catalog, Delta tables) and are read and written through it. Node ids carry the CRM's scope
 * (`<integration>/<workspace>`) and the row's key; every field's SQL goes through services in `crm/`.
 */
import { resolveArrayConnection } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import { ownedByViewer } from '../../auth/tenancy.js';
import type { Context } from '../../context.js';
import { assertCrmWriter } from '../../crm/access.js';
import { CrmError } from '../../crm/errors.js';
import { type AccountVersion, accountHistory } from '../../crm/history.js';
import { type CrmRecord, findRow, TABLE_OF } from '../../crm/records.js';
import { CrmSession } from '../../crm/session.js';
import {
  ACCOUNTS,
  type CrmRow,
  type CrmTable,
  PLATFORM_STATUSES,
  projection,
  UPDATES,
  USE_CASES,
} from '../../crm/tables.js';
import type { CrmDeps, CrmWarehouse } from '../../crm/warehouse.js';
import { builder } from '../builder.js';
import { connectionNodeFields, nestedConnectionNodeFields, selectedFields } from './selection.js';

const sessions = new WeakMap<Context, CrmSession>();
export const crmDeps = (ctx: Context): CrmDeps => ({
  prisma: ctx.prisma,
  registry: ctx.databricksGateway.registry,
  viewer: ctx.viewer,
});
/** The request's CRM session (its loaders), made on first use. */
export function crm(ctx: Context): CrmSession {
  const session = sessions.get(ctx) ?? new CrmSession(crmDeps(ctx));
  sessions.set(ctx, session);
  return session;
}

export async function writable(ctx: Context, scope: string): Promise<CrmWarehouse> {
  const w = await crm(ctx).warehouse(scope);
  await assertCrmWriter(crmDeps(ctx), w);
  return w;
}

/** `<scope>/<key>` of a node id: the scope is `<integration>/<workspace>`, the key may hold slashes. */
export function splitNodeId(id: string): { scope: string; key: string } {
  const [integration, workspace, ...key] = id.split('/');
  if (!integration || !workspace || key.length === 0) throw new CrmError('NOT_FOUND', 'That CRM row was not found.');
  return { scope: `${integration}/${workspace}`, key: key.join('/') };
}

/** The graph's field for each of a table's columns (keys and the account link excepted). */
function columnFields(t: any, table: CrmTable) {
  const scalar = { STRING: 'String', DATE: 'Date', TIMESTAMP: 'DateTime' } as const;
  return Object.fromEntries(
    table.columns
      .filter((c) => c.column !== 'id' && c.column !== 'account_bsnid')
      .map((c) => [
        c.field,
        t.field({
          type: scalar[c.type],
          nullable: !(c.required || c.type === 'TIMESTAMP'),
          resolve: (row: CrmRow) => row[c.field],
        }),
      ]),
  );
}

/** A CRM table's node type: global id from scope and key, refetched through the warehouse. */
function crmNode(name: string, table: CrmTable, description: string, fields: (t: any) => Record<string, unknown>) {
  const isRow = (value: unknown) =>
    typeof value === 'object' && value !== null && (value as CrmRecord)[TABLE_OF] === table.name;
  return builder.node(builder.objectRef<CrmRecord>(name), {
    description,
    id: { resolve: (row) => `${row.scope}/${String(row[table.key])}` },
    isTypeOf: isRow,
    loadOne: async (id, ctx) => {
      try {
        const { scope, key } = splitNodeId(id);
        return (await findRow(await crm(ctx).warehouse(scope), table, key)) ?? null;
      } catch (error) {
        // Another tenant's CRM is one that does not exist.
        if (error instanceof CrmError && error.kind === 'NOT_FOUND') return null;
        throw error;
      }
    },
    fields: (t) => ({ ...columnFields(t, table), ...fields(t) }),
  });
}

const accountOf = (t: any) => ({
  account: t.field({
    type: CrmAccount,
    description: 'The account this row belongs to.',
    resolve: async (row: CrmRecord, _args: unknown, ctx: Context, info: GraphQLResolveInfo) => {
      const account = await crm(ctx).account(
        row.scope,
        String(row.accountBsnid),
        projection(ACCOUNTS, selectedFields(info)),
      );
      if (!account) throw new CrmError('NOT_FOUND', 'Account was not found.');
      return account;
    },
  }),
});

export const PlatformStatus = crmNode(
  'PlatformStatus',
  PLATFORM_STATUSES,
  'Where an account stands on one platform.',
  accountOf,
);
export const CrmUseCase = crmNode(
  'CrmUseCase',
  USE_CASES,
  'A use case of an account (problem, solution, tier).',
  accountOf,
);
export const AccountUpdate = crmNode('AccountUpdate', UPDATES, 'A dated note on an account’s progress.', accountOf);

const CrmAccountSnapshot = builder.objectRef<CrmRecord>('CrmAccountSnapshot').implement({
  description: 'An account’s fields as one version of the accounts table held them.',
  fields: (t) => columnFields(t, ACCOUNTS),
});

const CrmAccountVersion = builder.objectRef<AccountVersion>('CrmAccountVersion').implement({
  description: 'A version of the accounts table (Delta history) that changed this account.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    timestamp: t.expose('timestamp', { type: 'DateTime' }),
    operation: t.exposeString('operation', { description: 'Delta’s operation: WRITE, UPDATE, MERGE, DELETE, …' }),
    userName: t.exposeString('userName', { nullable: true, description: 'Who committed it.' }),
    account: t.field({
      type: CrmAccountSnapshot,
      nullable: true,
      description: 'The account as this version left it; null if it deleted the account.',
      resolve: (v) => v.account,
    }),
  }),
});

const childConnection = (t: any, type: unknown, table: CrmTable, description: string) =>
  t.connection({
    type,
    description,
    resolve: async (account: CrmRecord, args: object, ctx: Context, info: GraphQLResolveInfo) =>
      resolveArrayConnection(
        { args },
        await crm(ctx).rowsOf(
          account.scope,
          table,
          'account_bsnid',
          String(account.bsnid),
          projection(table, connectionNodeFields(info)),
        ),
      ),
  });

/** An account's connections to its rows in the other tables. */
const CHILDREN = { platformStatuses: PLATFORM_STATUSES, useCases: USE_CASES, updates: UPDATES } as const;

/**
 * Starts loading the rows of a page of accounts that the request's selection (`info`, the page's connection)
 * will ask for, as the account fields' resolvers will ask for them: they then find the loads under way instead of
 * starting them once GraphQL has walked every account of the page. A failure surfaces in those fields.
 */
export function prefetchChildren(ctx: Context, info: GraphQLResolveInfo, scope: string, accounts: CrmRecord[]) {
  for (const [name, table] of Object.entries(CHILDREN)) {
    for (const fields of nestedConnectionNodeFields(info, name)) {
      const columns = projection(table, fields);
      for (const account of accounts) {
        crm(ctx)
          .rowsOf(scope, table, 'account_bsnid', String(account.bsnid), columns)
          .catch(() => {});
      }
    }
  }
}

export const CrmAccount = crmNode(
  'CrmAccount',
  ACCOUNTS,
  'A business unit of the customer that adopts the platform, from the CRM in its warehouse.',
  (t) => ({
    platformStatuses: childConnection(t, PlatformStatus, CHILDREN.platformStatuses, 'Its status on each platform.'),
    useCases: childConnection(t, CrmUseCase, CHILDREN.useCases, 'Its use cases, oldest first.'),
    updates: childConnection(t, AccountUpdate, CHILDREN.updates, 'Its updates, oldest first.'),
    history: t.field({
      type: [CrmAccountVersion],
      description: 'The versions of the accounts table that changed this account, newest first.',
      resolve: async (account: CrmRecord, _args: unknown, ctx: Context) =>
        accountHistory(await crm(ctx).warehouse(account.scope), String(account.bsnid)),
    }),
    cops: t.prismaField({
      type: ['Cop'],
      description: 'The CoPs that serve this account.',
      resolve: (query: object, account: CrmRecord, _args: unknown, ctx: Context) =>
        ctx.prisma.cop.findMany({
          ...query,
          where: {
            ...ownedByViewer(ctx.viewer),
            crmAccounts: { some: { scope: account.scope, bsnid: String(account.bsnid) } },
          },
          orderBy: { name: 'asc' },
        }),
    }),
  }),
);

builder.prismaObjectFields('Cop', (t) => ({
  crmAccounts: t.field({
    type: [CrmAccount],
    description: 'The CRM accounts this CoP serves.',
    select: { crmAccounts: { select: { scope: true, bsnid: true }, orderBy: { createdAt: 'asc' } } },
    resolve: async (cop, _args, ctx, info) => {
      const columns = projection(ACCOUNTS, selectedFields(info));
      const accounts = await Promise.all(
        cop.crmAccounts.map((link) => crm(ctx).account(link.scope, link.bsnid, columns)),
      );
      return accounts.filter((a): a is CrmRecord => a !== undefined);
    },
  }),
}));

/** The CRM's queries: the account list (search, filters, keyset pages) and one account, now or in the past. */
import { CrmError } from '../../crm/errors.js';
import { accountAsOf } from '../../crm/history.js';
import { findRow } from '../../crm/records.js';
import { ACCOUNT_ORDERS, searchAccounts } from '../../crm/search.js';
import { ACCOUNTS } from '../../crm/tables.js';
import { scopeOfMapping } from '../../crm/warehouse.js';
import { builder } from '../builder.js';
import { DatabricksWorkspace } from '../databricks/workspace.js';
import { connectionNodeFields } from './selection.js';
import { CrmAccount, crm, crmDeps, prefetchChildren, splitNodeId } from './types.js';

const CrmAccountFilter = builder.inputType('CrmAccountFilter', {
  fields: (t) => ({
    businessArea: t.string({ required: false }),
    platform: t.string({ required: false, description: 'Accounts with a status on this platform…' }),
    status: t.string({ required: false, description: '…(or on any platform) in this status.' }),
  }),
});
const CrmAccountOrder = builder.enumType('CrmAccountOrder', {
  values: Object.keys(ACCOUNT_ORDERS) as (keyof typeof ACCOUNT_ORDERS)[],
});
const CrmAsOf = builder.inputType('CrmAsOf', {
  description: 'A version of the accounts table, or a time (the version current then). Give one.',
  fields: (t) => ({
    version: t.int({ required: false }),
    timestamp: t.field({ type: 'DateTime', required: false }),
  }),
});

const MAX_PAGE = 1000;

builder.queryFields((t) => ({
  crmAccounts: t.connection({
    type: CrmAccount,
    authScopes: { authenticated: true },
    description: `The workspace's CRM accounts; search and filters run in the warehouse. At most ${MAX_PAGE} a page.`,
    args: {
      workspaceId: t.arg.globalID({ for: DatabricksWorkspace, required: true }),
      search: t.arg.string({ required: false, description: 'Words in team, business area, VP, admin, use cases.' }),
      filter: t.arg({ type: CrmAccountFilter, required: false }),
      orderBy: t.arg({ type: CrmAccountOrder, required: false }),
    },
    resolve: async (_root, args, ctx, info) => {
      if (args.before || args.last) throw new CrmError('BAD_INPUT', 'Accounts page forward only (first, after).');
      const first = Math.min(args.first ?? 20, MAX_PAGE);
      const w = await crm(ctx).warehouse(await scopeOfMapping(crmDeps(ctx), args.workspaceId.id));
      const page = await searchAccounts(w, {
        ...args.filter,
        search: args.search,
        orderBy: args.orderBy,
        fields: connectionNodeFields(info),
        first,
        after: args.after,
      });
      crm(ctx).rememberAccounts(
        w.scope,
        page.edges.map((edge) => edge.node),
        page.columns,
      );
      prefetchChildren(
        ctx,
        info,
        w.scope,
        page.edges.map((edge) => edge.node),
      );
      return {
        edges: page.edges,
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: Boolean(args.after),
          startCursor: page.edges[0]?.cursor,
          endCursor: page.edges.at(-1)?.cursor,
        },
      };
    },
  }),
  crmAccount: t.field({
    type: CrmAccount,
    nullable: true,
    authScopes: { authenticated: true },
    description: 'One account, now or as of a version or time of the accounts table (time travel).',
    args: { id: t.arg.globalID({ for: CrmAccount, required: true }), asOf: t.arg({ type: CrmAsOf, required: false }) },
    resolve: async (_root, { id, asOf }, ctx) => {
      const { scope, key } = splitNodeId(id.id);
      const w = await crm(ctx).warehouse(scope);
      if (!asOf) return (await findRow(w, ACCOUNTS, key)) ?? null;
      if ((asOf.version == null) === (asOf.timestamp == null)) {
        throw new CrmError('BAD_INPUT', 'Give asOf a version or a timestamp.', { field: 'asOf' });
      }
      const at = asOf.version != null ? { version: asOf.version } : { timestamp: asOf.timestamp as Date };
      return (await accountAsOf(w, key, at)) ?? null;
    },
  }),
}));

/** A CoP serves accounts: the link is kept locally (PostgreSQL), the account stays in the warehouse. */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { CrmError } from '../../crm/errors.js';
import { findRow } from '../../crm/records.js';
import { ACCOUNTS } from '../../crm/tables.js';
import { builder } from '../builder.js';
import { Cop } from '../cop.js';
import { findOwned } from '../ownership.js';
import { CrmAccount, crm, splitNodeId, writable } from './types.js';

builder.mutationFields((t) => {
  const linkArgs = {
    copId: t.arg.globalID({ for: Cop, required: true }),
    accountId: t.arg.globalID({ for: CrmAccount, required: true }),
  };
  return {
    linkCopAccount: t.field({
      type: CrmAccount,
      authScopes: { authenticated: true },
      description: 'Records that a CoP serves an account (of the same customer).',
      args: linkArgs,
      resolve: async (_root, { copId, accountId }, ctx) => {
        const cop = await findOwned(ctx, 'cop', copId.id, { select: { id: true, customerId: true } });
        const { scope, key } = splitNodeId(accountId.id);
        const w = await writable(ctx, scope);
        if (w.customerId !== cop.customerId) {
          throw new CrmError('BAD_INPUT', 'The account belongs to another customer than the CoP.', {
            field: 'accountId',
          });
        }
        const account = await findRow(w, ACCOUNTS, key);
        if (!account) throw new CrmError('NOT_FOUND', 'Account was not found.');
        await ctx.prisma.copCrmAccount.upsert({
          where: { copId_scope_bsnid: { copId: cop.id, scope, bsnid: key } },
          create: { copId: cop.id, scope, bsnid: key },
          update: {},
        });
        return account;
      },
    }),
    unlinkCopAccount: t.field({
      type: 'ID',
      authScopes: { authenticated: true },
      description: 'The CoP no longer serves the account; answers the account’s id.',
      args: linkArgs,
      resolve: async (_root, { copId, accountId }, ctx) => {
        const cop = await findOwned(ctx, 'cop', copId.id, { select: { id: true } });
        const { scope, key } = splitNodeId(accountId.id);
        await writable(ctx, scope);
        await ctx.prisma.copCrmAccount.deleteMany({ where: { copId: cop.id, scope, bsnid: key } });
        crm(ctx).clear();
        return encodeGlobalID('CrmAccount', accountId.id);
      },
    }),
  };
});

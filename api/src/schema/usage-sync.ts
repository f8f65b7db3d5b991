import { encodeGlobalID } from '@pothos/plugin-relay';
import { requireViewer } from '../auth/tenancy.js';
import { badInput } from '../errors.js';
import { INGEST_ROLES } from '../usage/access.js';
import { isoDay, syncUsageFor, yesterday } from '../usage-sync/sync.js';
import { builder } from './builder.js';
import { Customer } from './customer.js';

const PlatformUsageSync = builder.simpleObject('PlatformUsageSync', {
  fields: (t) => ({
    date: t.field({ type: 'Date' }),
    processed: t.int({ description: 'KPI rows written.' }),
    copIds: t.idList({ description: 'The CoPs whose KPIs were written.' }),
    warnings: t.stringList({ description: 'Integrations that could not be read, and why.' }),
  }),
});

builder.mutationField('syncPlatformUsage', (t) =>
  t.field({
    type: PlatformUsageSync,
    description:
      'Copies one day of usage (DBU, active users, jobs, queries, model requests) from the system tables of every ' +
      'mapped workspace into the CoPs’ KPIs; replaying a day overwrites it. The daily schedule runs it for yesterday.',
    authScopes: { role: INGEST_ROLES },
    args: {
      customerId: t.arg.globalID({ for: Customer }),
      date: t.arg({ type: 'Date', required: false, description: 'The day to sync; defaults to yesterday (UTC).' }),
    },
    resolve: async (_root, { customerId, date }, ctx) => {
      const viewer = requireViewer(ctx.viewer);
      const day = date ? isoDay(date) : yesterday();
      if (day >= isoDay(new Date()))
        throw badInput('Only days that are over can be synced: pick a date before today.', 'date');
      const deps = { prisma: ctx.prisma, registry: ctx.databricksGateway.registry };
      const result = await syncUsageFor(deps, viewer, customerId.id, day);
      return {
        ...result,
        date: new Date(`${day}T00:00:00Z`),
        copIds: result.copIds.map((copId) => encodeGlobalID('Cop', copId)),
      };
    },
  }),
);

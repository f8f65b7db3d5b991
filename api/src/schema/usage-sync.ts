import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { requiresScope } from '../auth/scopes.js';
import { requireViewer } from '../auth/tenancy.js';
import { ADMIN_ROLES } from '../auth/viewer.js';
import { badInput } from '../errors.js';
import type { Prisma } from '../generated/prisma/client.js';
import { INGEST_ROLES } from '../usage/access.js';
import {
  jobIdSchema,
  USAGE_SCHEDULES,
  type UsageCollection,
  usageCollectionOf,
  usageCollectionSchema,
} from '../usage-sync/settings.js';
import { addDays, isoDay, MAX_SYNC_DAYS, syncUsageFor, yesterday } from '../usage-sync/sync.js';
import { builder } from './builder.js';
import { Customer } from './customer.js';
import { Integration } from './integration.js';
import { updateOwned } from './ownership.js';

const PlatformUsageSync = builder.simpleObject('PlatformUsageSync', {
  fields: (t) => ({
    from: t.field({ type: 'Date', description: 'First day synced.' }),
    to: t.field({ type: 'Date', description: 'Last day synced.' }),
    processed: t.int({ description: 'KPI rows written.' }),
    copIds: t.idList({ description: 'The CoPs whose KPIs were written.' }),
    warnings: t.stringList({ description: 'Integrations that could not be read, and why.' }),
  }),
});

const day = (date: string) => new Date(`${date}T00:00:00Z`);

builder.mutationField('syncPlatformUsage', (t) =>
  t.field({
    type: PlatformUsageSync,
    description:
      'Copies usage (DBU, active users, jobs, queries, model requests) of a day or a range of days from the system ' +
      'tables of every mapped workspace into the CoPs’ KPIs, in one read per integration; replaying overwrites. ' +
      'Integrations whose usage collection is off or done by their own job are skipped. The schedule runs it too.',
    authScopes: { role: INGEST_ROLES },
    extensions: requiresScope('usage:write'),
    args: {
      customerId: t.arg.globalID({ for: Customer }),
      date: t.arg({ type: 'Date', required: false, description: 'One day to sync; defaults to yesterday (UTC).' }),
      from: t.arg({ type: 'Date', required: false, description: 'First day of a range (instead of `date`).' }),
      to: t.arg({ type: 'Date', required: false, description: 'Last day of a range; defaults to yesterday.' }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx.viewer);
      const to = isoDay(args.to ?? args.date ?? day(yesterday()));
      const from = isoDay(args.from ?? args.date ?? day(to));
      const field = args.date ? 'date' : 'to';
      if (args.date && (args.from || args.to)) throw badInput('Give either `date` or `from`/`to`.', 'date');
      if (to >= isoDay(new Date()))
        throw badInput('Only days that are over can be synced: pick a day before today.', field);
      if (from > to) throw badInput('`from` must not be after `to`.', 'from');
      if (from < addDays(to, -(MAX_SYNC_DAYS - 1)))
        throw badInput(`At most ${MAX_SYNC_DAYS} days can be synced at once.`, 'from');
      const deps = { prisma: ctx.prisma, registry: ctx.databricksGateway.registry };
      const result = await syncUsageFor(deps, viewer, customerId(args), { from, to });
      return {
        ...result,
        from: day(from),
        to: day(to),
        copIds: result.copIds.map((copId) => encodeGlobalID('Cop', copId)),
      };
    },
  }),
);

const customerId = (args: { customerId: { id: string } }) => args.customerId.id;

const UsageScheduleEnum = builder.enumType('UsageSchedule', {
  values: USAGE_SCHEDULES,
  description: 'DAILY: each finished day once, from 03:00 UTC. HOURLY: also today’s figures, every hour.',
});

const UsageCollectionRef = builder.objectRef<UsageCollection>('UsageCollection').implement({
  description: 'How the schedule collects the platform usage of an integration’s mapped workspaces.',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled'),
    jobId: t.exposeString('jobId', {
      nullable: true,
      description: 'The workspace’s usage-collection job, started by the schedule instead of reading system tables.',
    }),
    schedule: t.expose('schedule', { type: UsageScheduleEnum }),
  }),
});

builder.prismaObjectFields('Integration', (t) => ({
  usageCollection: t.field({
    type: UsageCollectionRef,
    select: { usageCollection: true },
    resolve: (integration) => usageCollectionOf(integration.usageCollection),
  }),
}));

const UsageCollectionInput = builder.inputType('UsageCollectionInput', {
  fields: (t) => ({
    enabled: t.boolean(),
    jobId: t.string({
      required: false,
      validate: jobIdSchema.or(z.literal('')),
      description: 'Null, absent or empty: the gateway reads the system tables itself.',
    }),
    schedule: t.field({ type: UsageScheduleEnum }),
  }),
});

builder.mutationField('updateUsageCollection', (t) =>
  t.prismaField({
    type: 'Integration',
    description: 'Sets how the schedule collects the integration’s platform usage (customer admins).',
    authScopes: { role: ADMIN_ROLES },
    args: { integrationId: t.arg.globalID({ for: Integration }), input: t.arg({ type: UsageCollectionInput }) },
    resolve: (query, _root, { integrationId, input }, ctx) => {
      const settings = usageCollectionSchema.parse({ ...input, jobId: input.jobId?.trim() || null });
      return updateOwned(ctx, 'integration', integrationId.id, {
        ...query,
        data: { usageCollection: settings as Prisma.InputJsonObject },
      });
    },
  }),
);

import { ADMIN_ROLES } from '../auth/viewer.js';
import { badInput } from '../errors.js';
import { computeKpis, MAX_RECOMPUTE_DAYS } from '../kpis/compute.js';
import { addDays, isoDay } from '../usage-sync/sync.js';
import { builder } from './builder.js';
import { Cop } from './cop.js';
import { ownedCopId } from './ownership.js';

const KpiRecomputation = builder.simpleObject('KpiRecomputation', {
  fields: (t) => ({
    from: t.field({ type: 'Date' }),
    to: t.field({ type: 'Date' }),
    mapRows: t.int({ description: 'MAP rows written (days with a MANUAL value are kept).' }),
    npsRows: t.int({ description: 'NPS rows written: days with NPS answers in their 90-day window.' }),
  }),
});

builder.mutationField('recomputeKpis', (t) =>
  t.field({
    type: KpiRecomputation,
    description:
      'Computes the CoP’s MAP (distinct members active in the 30 days up to each day: events attended, content ' +
      'viewed, discussions and replies posted, surveys answered) and NPS (answers of the 90 days up to each day) ' +
      'for every day of the range, as COMPUTED KPI rows. The schedule does it hourly for yesterday and today.',
    authScopes: { role: ADMIN_ROLES },
    args: {
      copId: t.arg.globalID({ for: Cop }),
      from: t.arg({ type: 'Date', required: false, description: 'First day; defaults to 89 days before `to`.' }),
      to: t.arg({ type: 'Date', required: false, description: 'Last day; defaults to today.' }),
    },
    resolve: async (_root, args, ctx) => {
      const copId = await ownedCopId(ctx, args.copId.id);
      const to = isoDay(args.to ?? new Date());
      const from = args.from ? isoDay(args.from) : addDays(to, -89);
      if (from > to) throw badInput('`from` must not be after `to`.', 'from');
      if (from < addDays(to, -(MAX_RECOMPUTE_DAYS - 1)))
        throw badInput(`At most ${MAX_RECOMPUTE_DAYS} days can be recomputed at once.`, 'from');
      const { written } = await computeKpis(ctx.prisma, { from, to, copIds: [copId] });
      const day = (date: string) => new Date(`${date}T00:00:00Z`);
      return { from: day(from), to: day(to), mapRows: written.MAP, npsRows: written.NPS };
    },
  }),
);

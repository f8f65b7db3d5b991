import type { Context } from '../../context.js';
import type { Remote } from '../../databricks/remote-cache.js';
import { PLATFORM_METRICS, type UsageRow } from '../../databricks/usage-query.js';
import { badInput } from '../../errors.js';
import { builder } from '../builder.js';
import { remote } from './remote.js';
import {
  activeMappingsOfIntegration,
  activeWorkspaceMappings,
  connectionOf,
  type WorkspaceRow,
  workspaceSelect,
} from './workspace.js';

interface UsageView {
  from: Date;
  to: Date;
  rows: UsageRow[];
  /** Distinct users over the whole range. */
  activeUsers: number;
  stale: boolean;
}

const UsagePoint = builder.simpleObject('UsagePoint', {
  fields: (t) => ({ date: t.field({ type: 'Date' }), value: t.float() }),
});

const UsageSeries = builder.simpleObject('UsageSeries', {
  fields: (t) => ({
    metric: t.string({ description: 'DBU, ACTIVE_USERS, JOBS_RUN, QUERIES_EXECUTED or MODEL_REQUESTS.' }),
    total: t.float({
      description:
        'The whole range: the sum of the days, except ACTIVE_USERS, which counts each person once (distinct users ' +
        'over the range, as `PlatformUsage.activeUsers`).',
    }),
    points: t.field({ type: [UsagePoint] }),
  }),
});

const PlatformUsage = builder.objectRef<UsageView>('PlatformUsage').implement({
  description: 'Daily platform usage from the Databricks system tables, summed over the mapped workspaces.',
  fields: (t) => ({
    from: t.field({ type: 'Date', resolve: (usage) => usage.from }),
    to: t.field({ type: 'Date', resolve: (usage) => usage.to }),
    stale: t.exposeBoolean('stale'),
    activeUsers: t.int({
      description: 'Distinct users active over the range (counted by the warehouse), not a sum of the days.',
      resolve: (usage) => usage.activeUsers,
    }),
    series: t.field({ type: [UsageSeries], resolve: (usage) => toSeries(usage) }),
  }),
});

/** One series per metric, summed across workspaces per day, days ascending. */
function toSeries({ rows, activeUsers }: UsageView) {
  return PLATFORM_METRICS.map((metric) => {
    const byDate = new Map<string, number>();
    for (const row of rows) if (row.metric === metric) byDate.set(row.date, (byDate.get(row.date) ?? 0) + row.value);
    const points = [...byDate.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, value]) => ({ date: new Date(date), value }));
    const sum = points.reduce((total, point) => total + point.value, 0);
    return { metric, total: metric === 'ACTIVE_USERS' ? activeUsers : sum, points };
  });
}

async function readUsage(
  ctx: Context,
  workspaces: WorkspaceRow[],
  args: { from?: Date | null; to?: Date | null },
): Promise<UsageView> {
  const to = args.to ?? new Date(Date.now() - 86_400_000);
  const from = args.from ?? new Date(to.getTime() - 29 * 86_400_000);
  if (from > to) throw badInput('`from` must not be after `to`.', 'from');
  const key = { from: isoDay(from), to: isoDay(to) };
  // Distinct users per connection (one statement each); workspaces of different connections share no users' audit.
  const byConnection = new Map<string, { conn: ReturnType<typeof connectionOf>; workspaceIds: string[] }>();
  for (const row of workspaces) {
    const conn = connectionOf(ctx, row);
    const group = byConnection.get(conn.key) ?? { conn, workspaceIds: [] };
    group.workspaceIds.push(row.workspaceId);
    byConnection.set(conn.key, group);
  }
  const [reads, users] = await remote(() =>
    Promise.all([
      Promise.all(
        workspaces.map((row) => ctx.databricks.usage(connectionOf(ctx, row), { ...key, workspaceId: row.workspaceId })),
      ),
      Promise.all(
        [...byConnection.values()].map(({ conn, workspaceIds }) =>
          ctx.databricks.activeUsers(conn, { workspaceIds, ...key }),
        ),
      ),
    ]),
  );
  return {
    from,
    to,
    rows: reads.flatMap((read: Remote<UsageRow[]>) => read.value),
    activeUsers: users.reduce((sum, read) => sum + read.value, 0),
    stale: [...reads, ...users].some((read) => read.stale),
  };
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The day range both `platformUsage` fields take. */
const usageRangeArgs = builder.args((t) => ({
  from: t.field({ type: 'Date', required: false, description: 'First day; defaults to 30 days before `to`.' }),
  to: t.field({ type: 'Date', required: false, description: 'Last day; defaults to yesterday.' }),
}));
const mappedWorkspaces = { ...activeWorkspaceMappings, select: workspaceSelect };

builder.prismaObjectFields('Cop', (t) => ({
  platformUsage: t.field({
    type: PlatformUsage,
    nullable: true,
    args: usageRangeArgs,
    select: { workspaceMappings: mappedWorkspaces },
    resolve: (cop, args, ctx) => readUsage(ctx, cop.workspaceMappings as WorkspaceRow[], args),
  }),
}));

builder.prismaObjectFields('Customer', (t) => ({
  platformUsage: t.field({
    type: PlatformUsage,
    nullable: true,
    args: usageRangeArgs,
    select: {
      integrations: {
        where: { type: 'DATABRICKS', isActive: true },
        select: { workspaceMappings: { ...activeMappingsOfIntegration, select: workspaceSelect } },
      },
    },
    resolve: (customer, args, ctx) =>
      readUsage(
        ctx,
        customer.integrations.flatMap((integration) => integration.workspaceMappings) as WorkspaceRow[],
        args,
      ),
  }),
}));

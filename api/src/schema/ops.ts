import { z } from 'zod';
import { ADMIN_ROLES } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { COST_DIMENSIONS, type CostDimension, type CostRow } from '../databricks/cost-query.js';
import type { TableFreshness } from '../databricks/freshness-query.js';
import { type JobDay, NO_OPS, type OpsMetrics } from '../databricks/ops-query.js';
import { type ConnectionRow, connectionSelect } from '../databricks/registry.js';
import type { Remote } from '../databricks/remote-cache.js';
import { badInput } from '../errors.js';
import { forecastFrom, forecastMonth, isoDay } from '../ops/forecast.js';
import { type GatewayCounters, gatewayCounters } from '../ops/gateway-counters.js';
import { tenantCatalogName } from '../sync/tenant-catalog.js';
import { builder } from './builder.js';
import { Customer } from './customer.js';
import { remote } from './databricks/remote.js';
import {
  activeMappingsOfIntegration,
  connectionOf,
  type WorkspaceRow,
  workspaceSelect,
} from './databricks/workspace.js';
import { findOwned } from './ownership.js';

const DAY_MS = 86_400_000;

const CostDimensionEnum = builder.enumType('CostDimension', {
  description: 'How `Customer.cost` groups DBUs and cost.',
  values: Object.fromEntries(COST_DIMENSIONS.map((value) => [value, { value }])) as Record<
    CostDimension,
    { value: CostDimension }
  >,
});

const CostGroup = builder.objectRef<CostRow>('CostGroup').implement({
  description: 'DBUs and list-price cost of one group; the dimensions not grouped by are null.',
  fields: (t) => ({
    day: t.field({ type: 'Date', nullable: true, resolve: (row) => (row.day ? new Date(row.day) : null) }),
    sku: t.exposeString('sku', { nullable: true }),
    workspaceId: t.exposeString('workspaceId', { nullable: true }),
    product: t.exposeString('product', {
      nullable: true,
      description: 'JOBS, SQL, ALL_PURPOSE, MODEL_SERVING, DLT, …',
    }),
    dbus: t.exposeFloat('dbus'),
    listUsd: t.exposeFloat('listUsd', { nullable: true, description: 'null when the SKU has no list price.' }),
  }),
});

interface CostView {
  from: Date;
  to: Date;
  groups: CostRow[];
  stale: boolean;
}

const CostReport = builder.objectRef<CostView>('CostReport').implement({
  description:
    'Databricks DBUs and list-price cost (system.billing.usage × system.billing.list_prices) of the tenant’s mapped workspaces.',
  fields: (t) => ({
    from: t.field({ type: 'Date', resolve: (view) => view.from }),
    to: t.field({ type: 'Date', resolve: (view) => view.to }),
    stale: t.exposeBoolean('stale'),
    totalDbus: t.float({ resolve: (view) => view.groups.reduce((sum, row) => sum + row.dbus, 0) }),
    totalListUsd: t.float({ resolve: (view) => view.groups.reduce((sum, row) => sum + (row.listUsd ?? 0), 0) }),
    groups: t.field({ type: [CostGroup], resolve: (view) => view.groups }),
  }),
});

const Budget = builder
  .objectRef<{ monthlyUsd: number | null; spentUsd: number; forecastUsd: number; stale: boolean }>('Budget')
  .implement({
    description:
      'This month (UTC) against the budget. forecastUsd = spent so far + the mean daily cost of the last 7 full days × the days left.',
    fields: (t) => ({
      monthlyUsd: t.exposeFloat('monthlyUsd', { nullable: true, description: 'null: no budget set.' }),
      spentUsd: t.exposeFloat('spentUsd'),
      forecastUsd: t.exposeFloat('forecastUsd'),
      stale: t.exposeBoolean('stale'),
    }),
  });

const JobOps = builder.objectRef<OpsMetrics['jobs']>('JobOps').implement({
  fields: (t) => ({
    runs: t.exposeInt('runs'),
    successRate: t.exposeFloat('successRate', { nullable: true, description: 'Share of runs that SUCCEEDED (0–1).' }),
    retries: t.exposeInt('retries', { description: 'Runs triggered as retries of a failed run.' }),
    durationP50Seconds: t.exposeFloat('durationP50Seconds', { nullable: true }),
    durationP95Seconds: t.exposeFloat('durationP95Seconds', { nullable: true }),
    durationP99Seconds: t.exposeFloat('durationP99Seconds', { nullable: true }),
  }),
});

const WarehouseOps = builder.objectRef<OpsMetrics['sqlWarehouse']>('WarehouseOps').implement({
  fields: (t) => ({
    queries: t.exposeInt('queries'),
    latencyP50Ms: t.exposeFloat('latencyP50Ms', { nullable: true }),
    latencyP95Ms: t.exposeFloat('latencyP95Ms', { nullable: true }),
  }),
});

const ServingOps = builder
  .objectRef<OpsMetrics['serving'] & { latencyP95Ms: () => Promise<number | null> }>('ServingOps')
  .implement({
    fields: (t) => ({
      requests: t.exposeInt('requests'),
      errorRate: t.exposeFloat('errorRate', { nullable: true, description: 'Share of requests answered ≥ 400 (0–1).' }),
      latencyP95Ms: t.float({
        nullable: true,
        description:
          'p95 of `execution_duration_ms` in the endpoints’ AI Gateway inference table (a statement of its own); null: none logged.',
        resolve: (serving) => serving.latencyP95Ms(),
      }),
    }),
  });

const TableFreshnessRef = builder.objectRef<TableFreshness & { now: number }>('TableFreshness').implement({
  description: 'When a table of the tenant catalog was last written (`system.information_schema.tables.last_altered`).',
  fields: (t) => ({
    table: t.exposeString('table', { description: '`catalog.schema.table`.' }),
    lastUpdatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.lastUpdatedAt }),
    ageSeconds: t.float({
      nullable: true,
      resolve: (row) => (row.lastUpdatedAt ? Math.max(0, (row.now - row.lastUpdatedAt.getTime()) / 1000) : null),
    }),
  }),
});

const GatewayOps = builder.objectRef<GatewayCounters>('GatewayOps').implement({
  description:
    'The gateway’s own calls to the tenant’s workspaces, counted by this api instance since `since` (its start, or the integration’s last edit).',
  fields: (t) => ({
    since: t.field({ type: 'DateTime', resolve: (counters) => counters.since }),
    remote4xx: t.exposeInt('remote4xx', { description: 'REST attempts Databricks refused (4xx).' }),
    remote5xx: t.exposeInt('remote5xx', { description: 'REST attempts that failed in Databricks (5xx).' }),
    retries: t.exposeInt('retries', { description: 'Calls retried after a transient failure.' }),
    circuitBreakerTrips: t.exposeInt('circuitBreakerTrips', { description: 'Times a circuit breaker opened.' }),
  }),
});

const JobDayRef = builder.objectRef<JobDay>('JobDay').implement({
  description: 'The job runs that started on one day (UTC).',
  fields: (t) => ({
    day: t.field({ type: 'Date', resolve: (row) => new Date(row.day) }),
    runs: t.exposeInt('runs'),
    successRate: t.exposeFloat('successRate', { nullable: true }),
    durationP50Seconds: t.exposeFloat('durationP50Seconds', { nullable: true }),
    durationP95Seconds: t.exposeFloat('durationP95Seconds', { nullable: true }),
    durationP99Seconds: t.exposeFloat('durationP99Seconds', { nullable: true }),
  }),
});

/** An opsMetrics answer: each part is read only when asked for, with one SQL statement per field. */
interface OpsView {
  from: Date;
  to: Date;
  metrics: () => Promise<OpsMetrics & { stale: boolean }>;
  freshness: () => Promise<TableFreshness[]>;
  jobsByDay: () => Promise<JobDay[]>;
  servingLatencyP95: () => Promise<number | null>;
  gateway: () => GatewayCounters;
}

const OpsReport = builder.objectRef<OpsView>('OpsReport').implement({
  description: 'Operational figures of the tenant’s mapped workspaces from the Databricks system tables.',
  fields: (t) => ({
    from: t.field({ type: 'Date', resolve: (view) => view.from }),
    to: t.field({ type: 'Date', resolve: (view) => view.to }),
    stale: t.boolean({ resolve: async (view) => (await view.metrics()).stale }),
    jobs: t.field({ type: JobOps, resolve: async (view) => (await view.metrics()).jobs }),
    sqlWarehouse: t.field({ type: WarehouseOps, resolve: async (view) => (await view.metrics()).sqlWarehouse }),
    serving: t.field({
      type: ServingOps,
      resolve: async (view) => ({ ...(await view.metrics()).serving, latencyP95Ms: view.servingLatencyP95 }),
    }),
    jobsByDay: t.field({
      type: [JobDayRef],
      description: 'Runs, success rate and duration percentiles per day, days ascending (days without runs left out).',
      resolve: (view) => view.jobsByDay(),
    }),
    dataFreshness: t.field({
      type: [TableFreshnessRef],
      description: 'Every table of the tenant catalog, stalest first (now, whatever the range).',
      resolve: async (view) => {
        const now = Date.now();
        return (await view.freshness()).map((row) => ({ ...row, now }));
      },
    }),
    gateway: t.field({ type: GatewayOps, resolve: (view) => view.gateway() }),
  }),
});

/** The customer's active mapped workspaces, per integration: each integration's warehouse reads its own. */
const tenantWorkspaces = {
  name: true,
  integrations: {
    where: { type: 'DATABRICKS' as const, isActive: true },
    select: { ...connectionSelect, workspaceMappings: { ...activeMappingsOfIntegration, select: workspaceSelect } },
  },
  budget: { select: { monthlyUsd: true } },
};

type TenantRow = { integrations: (ConnectionRow & { workspaceMappings: unknown[] })[] };

/** One read per integration (one SQL statement each) over that integration's mapped workspaces. */
async function perIntegration<T>(
  ctx: Context,
  customer: TenantRow,
  read: (connection: ReturnType<typeof connectionOf>, workspaceIds: string[]) => Promise<Remote<T>>,
): Promise<Remote<T>[]> {
  const groups = customer.integrations
    .map((integration) => integration.workspaceMappings as WorkspaceRow[])
    .filter((rows) => rows.length > 0);
  return remote(() =>
    Promise.all(
      groups.map((rows) => read(connectionOf(ctx, rows[0]!), [...new Set(rows.map((row) => row.workspaceId))].sort())),
    ),
  );
}

function dayRange(args: { from?: Date | null; to?: Date | null }) {
  const to = args.to ?? new Date(Date.now() - DAY_MS);
  const from = args.from ?? new Date(to.getTime() - 29 * DAY_MS);
  if (from > to) throw badInput('`from` must not be after `to`.', 'from');
  if (to.getTime() - from.getTime() > 366 * DAY_MS) throw badInput('A range may span at most 366 days.', 'from');
  return { from, to, key: { from: isoDay(from), to: isoDay(to) } };
}

const rangeArgs = builder.args((t) => ({
  from: t.field({ type: 'Date', required: false, description: 'First day; defaults to 30 days before `to`.' }),
  to: t.field({ type: 'Date', required: false, description: 'Last day; defaults to yesterday.' }),
}));

/** Cost figures: platform admins (every tenant) and the tenant's customer admins; others get FORBIDDEN. */
const costScopes = { role: ADMIN_ROLES };

builder.prismaObjectFields('Customer', (t) => ({
  cost: t.field({
    type: CostReport,
    nullable: true,
    authScopes: costScopes,
    args: {
      ...rangeArgs,
      groupBy: t.arg({ type: [CostDimensionEnum], required: false, defaultValue: ['DAY'] }),
    },
    select: tenantWorkspaces,
    resolve: async (customer, args, ctx) => {
      const { from, to, key } = dayRange(args);
      const groupBy = [...new Set<CostDimension>(args.groupBy ?? ['DAY'])].sort();
      const reads = await perIntegration(ctx, customer, (connection, workspaceIds) =>
        ctx.databricks.cost(connection, { ...key, workspaceIds, groupBy }),
      );
      return { from, to, groups: mergeCost(reads.map((read) => read.value)), stale: reads.some((read) => read.stale) };
    },
  }),
  budget: t.field({
    type: Budget,
    nullable: true,
    authScopes: costScopes,
    select: tenantWorkspaces,
    resolve: async (customer, _args, ctx) => {
      const today = new Date();
      const reads = await perIntegration(ctx, customer, (connection, workspaceIds) =>
        ctx.databricks.cost(connection, {
          from: forecastFrom(today),
          to: isoDay(today),
          workspaceIds,
          groupBy: ['DAY'],
        }),
      );
      const daily = mergeCost(reads.map((read) => read.value)).map((row) => ({ day: row.day!, usd: row.listUsd ?? 0 }));
      const monthlyUsd = customer.budget ? Number(customer.budget.monthlyUsd) : null;
      return { ...forecastMonth(daily, today, monthlyUsd), stale: reads.some((read) => read.stale) };
    },
  }),
  opsMetrics: t.field({
    type: OpsReport,
    nullable: true,
    authScopes: costScopes,
    args: rangeArgs,
    select: tenantWorkspaces,
    resolve: (customer, args, ctx) => {
      const { from, to, key } = dayRange(args);
      const mapped = customer.integrations.filter((integration) => integration.workspaceMappings.length > 0);
      // Connecting can fail (credentials): inside the fields, so only they fail.
      const connections = once(() =>
        mapped.map((integration) => ctx.databricksGateway.registry.forIntegration(integration)),
      );
      return {
        from,
        to,
        metrics: once(async () => {
          const reads = await perIntegration(ctx, customer, (connection, workspaceIds) =>
            ctx.databricks.opsMetrics(connection, { ...key, workspaceIds }),
          );
          return { ...mergeOps(reads.map((read) => read.value)), stale: reads.some((read) => read.stale) };
        }),
        servingLatencyP95: once(async () => {
          const reads = await perIntegration(ctx, customer, (connection, workspaceIds) =>
            ctx.databricks.servingLatencyP95(connection, { ...key, workspaceIds }),
          );
          // A percentile cannot be combined from parts: the highest of them (as `mergeOps` does).
          const known = reads.map((read) => read.value).filter((value) => value !== null);
          return known.length === 0 ? null : Math.max(...known);
        }),
        jobsByDay: once(async () => {
          const reads = await perIntegration(ctx, customer, (connection, workspaceIds) =>
            ctx.databricks.jobsByDay(connection, { ...key, workspaceIds }),
          );
          return mergeJobDays(reads.map((read) => read.value));
        }),
        freshness: once(async () => {
          const reads = await remote(() =>
            Promise.all(
              mapped.map((integration, index) =>
                ctx.databricks.freshness(
                  connections()[index]!,
                  tenantCatalogName(customer, catalogPrefixOf(integration)),
                ),
              ),
            ),
          );
          return reads.flatMap((read) => read.value);
        }),
        gateway: once(() => gatewayCounters(connections().map((connection) => connection.stats))),
      };
    },
  }),
}));

/** A thunk that runs its task once, whoever asks first (fields of one answer share one read). */
function once<T>(task: () => T): () => T {
  let result: { value: T } | undefined;
  return () => {
    result ??= { value: task() };
    return result.value;
  };
}

const catalogPrefixOf = (integration: ConnectionRow) =>
  (integration.config as { catalogPrefix?: string } | null)?.catalogPrefix || undefined;

/** Several integrations' days together, as `mergeOps` combines their totals (percentiles: the highest). */
function mergeJobDays(parts: JobDay[][]): JobDay[] {
  if (parts.length === 1) return parts[0]!;
  const byDay = new Map<string, JobDay[]>();
  for (const row of parts.flat()) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row]);
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, rows]) => {
      const merged = mergeOps(rows.map((row) => ({ ...NO_OPS, jobs: { ...row, retries: 0 } }))).jobs;
      return { day, ...merged };
    });
}

/** Rows of several integrations with the same dimensions summed. */
function mergeCost(parts: CostRow[][]): CostRow[] {
  if (parts.length === 1) return parts[0]!;
  const merged = new Map<string, CostRow>();
  for (const row of parts.flat()) {
    const key = [row.day, row.sku, row.workspaceId, row.product].join('|');
    const existing = merged.get(key);
    if (!existing) merged.set(key, { ...row });
    else {
      existing.dbus += row.dbus;
      existing.listUsd =
        existing.listUsd === null && row.listUsd === null ? null : (existing.listUsd ?? 0) + (row.listUsd ?? 0);
    }
  }
  return [...merged.values()].sort((a, b) => (a.day ?? '').localeCompare(b.day ?? ''));
}

/**
 * Several integrations' figures together: counts add up and rates are weighted by them exactly; a percentile
 * cannot be combined from parts, so the highest of the parts is given (an upper bound).
 */
function mergeOps(parts: OpsMetrics[]): OpsMetrics {
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 0) return NO_OPS;
  const total = (pick: (part: OpsMetrics) => number) => parts.reduce((sum, part) => sum + pick(part), 0);
  const weighted = (count: (part: OpsMetrics) => number, rate: (part: OpsMetrics) => number | null) => {
    const n = total(count);
    return n === 0 ? null : parts.reduce((sum, part) => sum + (rate(part) ?? 0) * count(part), 0) / n;
  };
  const highest = (pick: (part: OpsMetrics) => number | null) => {
    const values = parts.map(pick).filter((value): value is number => value !== null);
    return values.length === 0 ? null : Math.max(...values);
  };
  return {
    jobs: {
      runs: total((part) => part.jobs.runs),
      successRate: weighted(
        (part) => part.jobs.runs,
        (part) => part.jobs.successRate,
      ),
      retries: total((part) => part.jobs.retries),
      durationP50Seconds: highest((part) => part.jobs.durationP50Seconds),
      durationP95Seconds: highest((part) => part.jobs.durationP95Seconds),
      durationP99Seconds: highest((part) => part.jobs.durationP99Seconds),
    },
    sqlWarehouse: {
      queries: total((part) => part.sqlWarehouse.queries),
      latencyP50Ms: highest((part) => part.sqlWarehouse.latencyP50Ms),
      latencyP95Ms: highest((part) => part.sqlWarehouse.latencyP95Ms),
    },
    serving: {
      requests: total((part) => part.serving.requests),
      errorRate: weighted(
        (part) => part.serving.requests,
        (part) => part.serving.errorRate,
      ),
    },
  };
}

builder.mutationField('setBudget', (t) =>
  t.prismaField({
    type: 'Customer',
    description: 'Sets the customer’s monthly Databricks budget in list-price USD; null removes it.',
    authScopes: costScopes,
    args: {
      customerId: t.arg.globalID({ for: Customer }),
      monthlyUsd: t.arg.float({ required: false, validate: z.number().min(0).max(1e11).nullable() }),
    },
    resolve: async (query, _root, { customerId, monthlyUsd }, ctx) => {
      const { id } = await findOwned(ctx, 'customer', customerId.id, { select: { id: true } });
      if (monthlyUsd === null || monthlyUsd === undefined)
        await ctx.prisma.customerBudget.deleteMany({ where: { customerId: id } });
      else
        await ctx.prisma.customerBudget.upsert({
          where: { customerId: id },
          create: { customerId: id, monthlyUsd },
          update: { monthlyUsd },
        });
      return ctx.prisma.customer.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

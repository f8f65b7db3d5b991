import { encodeGlobalID } from '@pothos/plugin-relay';
import { requiresScope } from '../auth/scopes.js';
import { requireViewer } from '../auth/tenancy.js';
import { EDITOR_ROLES } from '../auth/viewer.js';
import type { PrismaClient } from '../db/prisma.js';
import type { Prisma } from '../generated/prisma/client.js';
import { INGEST_ROLES } from '../usage/access.js';
import { ingestUsage } from '../usage/ingest.js';
import { kpiUpsertArgs } from '../usage/kpi-upsert.js';
import { metricMetadataSchema, metricNameSchema, usageMetricsSchema } from '../usage/report.js';
import { builder } from './builder.js';
import { Cop } from './cop.js';
import { Customer } from './customer.js';
import { KpiSourceEnum } from './enums.js';
import { ownedCopId, ownedNode } from './ownership.js';

export const KpiMetric = builder.prismaNode('KpiMetric', {
  ...ownedNode('kpiMetric'),
  fields: (t) => ({
    metricName: t.exposeString('metricName'),
    metricValue: t.exposeFloat('metricValue'),
    metricDate: t.expose('metricDate', { type: 'Date' }),
    metadata: t.expose('metadata', { type: 'JSON', nullable: true }),
    source: t.expose('source', {
      type: KpiSourceEnum,
      description: 'Provenance: MANUAL values are never overwritten by a computation.',
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    cop: t.relation('cop'),
  }),
});

interface KpiRange {
  metricName?: string | null;
  metricNames?: readonly string[] | null;
  from?: Date | null;
  to?: Date | null;
}

function kpiWhere({ metricName, metricNames, from, to }: KpiRange): Prisma.KpiMetricWhereInput {
  return {
    ...(metricName ? { metricName } : {}),
    ...(metricNames ? { metricName: { in: [...metricNames] } } : {}),
    metricDate: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) },
  };
}

builder.prismaObjectField('Cop', 'kpis', (t) =>
  t.relatedConnection('kpis', {
    cursor: 'id',
    totalCount: true,
    description: 'KPI values, oldest day first: `last: 5` gives the newest five.',
    args: {
      metricName: t.arg.string({ required: false }),
      from: t.arg({ type: 'Date', required: false, description: 'First day included.' }),
      to: t.arg({ type: 'Date', required: false, description: 'Last day included.' }),
    },
    query: (args) => ({
      where: kpiWhere(args),
      orderBy: [{ metricDate: 'asc' }, { metricName: 'asc' }, { id: 'asc' }],
    }),
  }),
);

const KpiPoint = builder.simpleObject('KpiPoint', {
  fields: (t) => ({ date: t.field({ type: 'Date' }), value: t.float() }),
});

const KpiSeries = builder.simpleObject('KpiSeries', {
  fields: (t) => ({ metricName: t.string(), points: t.field({ type: [KpiPoint] }) }),
});

type KpiSeriesShape = typeof KpiSeries.$inferType;
type KpiPointShape = typeof KpiPoint.$inferType;

builder.prismaObjectField('Cop', 'kpiSeries', (t) =>
  t.loadableList({
    type: KpiSeries,
    description:
      'One series per metric, points by day. Without metricNames, every metric the CoP has; ' +
      'a requested metric without values gives an empty series.',
    // Loads the series of every CoP at the same place in the query with one SQL statement.
    byPath: true,
    args: {
      metricNames: t.arg.stringList({ required: false }),
      from: t.arg({ type: 'Date', required: false, description: 'First day included.' }),
      to: t.arg({ type: 'Date', required: false, description: 'Last day included.' }),
    },
    load: (copIds: string[], ctx, args) => loadKpiSeries(ctx.prisma, copIds, args),
    resolve: (cop) => cop.id,
  }),
);

async function loadKpiSeries(prisma: PrismaClient, copIds: string[], range: KpiRange): Promise<KpiSeriesShape[][]> {
  const rows = await prisma.kpiMetric.findMany({
    where: { copId: { in: copIds }, ...kpiWhere(range) },
    select: { copId: true, metricName: true, metricDate: true, metricValue: true },
    orderBy: [{ metricName: 'asc' }, { metricDate: 'asc' }],
  });
  return copIds.map((copId) => {
    const series = new Map<string, KpiPointShape[]>((range.metricNames ?? []).map((name) => [name, []]));
    for (const row of rows) {
      if (row.copId !== copId) continue;
      const points = series.get(row.metricName) ?? [];
      points.push({ date: row.metricDate, value: row.metricValue });
      series.set(row.metricName, points);
    }
    return [...series].map(([metricName, points]) => ({ metricName, points }));
  });
}

const UpsertKpiInput = builder.inputType('UpsertKpiInput', {
  fields: (t) => ({
    copId: t.globalID({ for: Cop }),
    metricName: t.string({ validate: metricNameSchema }),
    metricValue: t.float(),
    metricDate: t.field({ type: 'Date' }),
    metadata: t.field({ type: 'JSON', required: false, validate: metricMetadataSchema.nullish() }),
  }),
});

const UsageMetricInput = builder.inputType('UsageMetricInput', {
  fields: (t) => ({
    name: t.string({ description: 'UPPER_SNAKE metric name, e.g. DBU.' }),
    value: t.float(),
    metadata: t.field({ type: 'JSON', required: false, validate: metricMetadataSchema.nullish() }),
  }),
});

const IngestUsageInput = builder.inputType('IngestUsageInput', {
  description: 'A daily usage report, as the Databricks usage job posts it to the REST endpoint.',
  fields: (t) => ({
    customerId: t.globalID({ for: Customer }),
    copId: t.globalID({ for: Cop, required: false, description: 'Attribute to this CoP only.' }),
    workspaceId: t.string({
      required: false,
      description: 'Without copId: attribute to the CoPs mapped to this workspace; without both: to all active CoPs.',
    }),
    metricDate: t.field({ type: 'Date' }),
    metrics: t.field({ type: [UsageMetricInput], validate: usageMetricsSchema }),
  }),
});

const UsageIngestion = builder.simpleObject('UsageIngestion', {
  fields: (t) => ({
    status: t.string(),
    processed: t.int({ description: 'KPI rows written.' }),
    copIds: t.idList(),
  }),
});

builder.mutationFields((t) => ({
  upsertKpi: t.prismaField({
    type: 'KpiMetric',
    description:
      'Sets the value of a metric for a CoP and day (source MANUAL); a second call for the same day overwrites it. ' +
      'A manual MAP or NPS stays until it is set again: the daily computation does not overwrite it.',
    authScopes: { role: EDITOR_ROLES },
    args: { input: t.arg({ type: UpsertKpiInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const copId = await ownedCopId(ctx, input.copId.id);
      // Selecting only the id lets Prisma upsert in one INSERT … ON CONFLICT statement; with the caller's nested
      // selection it would read then insert, and concurrent callers would collide on the unique key.
      const { id } = await ctx.prisma.kpiMetric.upsert({
        ...kpiUpsertArgs({ ...input, copId, source: 'MANUAL' }),
        select: { id: true },
      });
      return ctx.prisma.kpiMetric.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  ingestUsage: t.field({
    type: UsageIngestion,
    description: 'The usage ingestion endpoint as a mutation: same attribution, same idempotent upsert.',
    authScopes: { role: INGEST_ROLES },
    extensions: requiresScope('usage:write'),
    args: { input: t.arg({ type: IngestUsageInput }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await ingestUsage(ctx.prisma, requireViewer(ctx.viewer), {
        customerId: input.customerId.id,
        copId: input.copId?.id,
        workspaceId: input.workspaceId?.trim() || undefined,
        metricDate: input.metricDate,
        metrics: input.metrics,
      });
      return {
        status: 'success',
        processed: result.processed,
        copIds: result.copIds.map((id) => encodeGlobalID('Cop', id)),
      };
    },
  }),
}));

import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
type Tenant = Awaited<ReturnType<typeof createTenant>>;
let tenant: Tenant;
let analystToken: string;

const upsertKpi = `mutation($input: UpsertKpiInput!) {
  upsertKpi(input: $input) { id metricName metricValue metricDate metadata cop { id } }
}`;

/** One value per day from 2026-03-01, given out of order so that ordering is the query's doing. */
async function seedDailyValues(copId: string, metricName: string, values: number[]) {
  const rows = values.map((metricValue, day) => ({
    copId,
    metricName,
    metricValue,
    metricDate: new Date(Date.UTC(2026, 2, 1 + day)),
  }));
  await api.prisma.kpiMetric.createMany({ data: rows.reverse() });
}

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Kpi');
  analystToken = await api.tokenFor(tenant.users.ANALYST.id);
  await seedDailyValues(tenant.cop.id, 'ACTIVE_USERS', [10, 11, 12, 13, 14, 15, 16]);
  await seedDailyValues(tenant.cop.id, 'DBU', [100, 200, 300]);
});
afterAll(() => api.close());

describe('upsertKpi', () => {
  it('creates a value, then overwrites it for the same CoP, name and day', async () => {
    const input = { copId: tenant.ids.cop, metricName: 'MAP', metricValue: 120, metricDate: '2026-05-01' };
    const created = await api.graphql(upsertKpi, { input: { ...input, metadata: { note: 'estimate' } } }, analystToken);
    expect(created.data?.upsertKpi).toMatchObject({
      metricName: 'MAP',
      metricValue: 120,
      metricDate: '2026-05-01',
      metadata: { note: 'estimate' },
      cop: { id: tenant.ids.cop },
    });

    const updated = await api.graphql(upsertKpi, { input: { ...input, metricValue: 135.5 } }, analystToken);
    expect(updated.data?.upsertKpi).toMatchObject({
      id: created.data?.upsertKpi.id,
      metricValue: 135.5,
      metadata: null,
    });
    expect(await api.prisma.kpiMetric.count({ where: { copId: tenant.cop.id, metricName: 'MAP' } })).toBe(1);
  });

  it.each([
    ['a name that is not UPPER_SNAKE', { metricName: 'active users' }],
    ['metadata that is not an object', { metadata: [1, 2] }],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_label, change) => {
    const before = await api.prisma.kpiMetric.count({ where: { copId: tenant.cop.id } });
    const input = { copId: tenant.ids.cop, metricName: 'NPS', metricValue: 30, metricDate: '2026-05-02', ...change };
    const result = await api.graphql(upsertKpi, { input }, analystToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await api.prisma.kpiMetric.count({ where: { copId: tenant.cop.id } })).toBe(before);
  });

  it('does not let a member set a KPI', async () => {
    const input = { copId: tenant.ids.cop, metricName: 'NPS', metricValue: 30, metricDate: '2026-05-02' };
    const result = await api.graphql(upsertKpi, { input }, await api.tokenFor(tenant.users.MEMBER.id));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('Cop.kpis', () => {
  const kpis = `query($id: ID!, $last: Int, $first: Int, $after: String, $name: String, $from: Date, $to: Date) {
    cop(id: $id) {
      kpis(last: $last, first: $first, after: $after, metricName: $name, from: $from, to: $to) {
        totalCount
        pageInfo { endCursor hasNextPage }
        nodes { metricName metricValue metricDate }
      }
    }
  }`;

  it('gives the newest five days with last: 5, oldest first', async () => {
    const result = await api.graphql(kpis, { id: tenant.ids.cop, last: 5, name: 'ACTIVE_USERS' }, analystToken);
    const connection = result.data?.cop.kpis;
    expect(connection.totalCount).toBe(7);
    expect(connection.nodes.map((node: { metricDate: string }) => node.metricDate)).toEqual([
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
    ]);
  });

  it('pages forward in date order and filters by date range', async () => {
    const page = await api.graphql(kpis, { id: tenant.ids.cop, first: 2, name: 'ACTIVE_USERS' }, analystToken);
    const next = await api.graphql(
      kpis,
      { id: tenant.ids.cop, first: 2, name: 'ACTIVE_USERS', after: page.data?.cop.kpis.pageInfo.endCursor },
      analystToken,
    );
    expect(next.data?.cop.kpis.nodes.map((node: { metricValue: number }) => node.metricValue)).toEqual([12, 13]);

    const ranged = await api.graphql(kpis, { id: tenant.ids.cop, from: '2026-03-02', to: '2026-03-03' }, analystToken);
    expect(ranged.data?.cop.kpis.nodes).toEqual([
      { metricName: 'ACTIVE_USERS', metricValue: 11, metricDate: '2026-03-02' },
      { metricName: 'DBU', metricValue: 200, metricDate: '2026-03-02' },
      { metricName: 'ACTIVE_USERS', metricValue: 12, metricDate: '2026-03-03' },
      { metricName: 'DBU', metricValue: 300, metricDate: '2026-03-03' },
    ]);
  });
});

describe('Cop.kpiSeries', () => {
  const series = `query($id: ID!, $names: [String!], $from: Date) {
    cop(id: $id) { kpiSeries(metricNames: $names, from: $from) { metricName points { date value } } }
  }`;

  it('returns one series per requested metric in the requested order, empty when there are no values', async () => {
    const result = await api.graphql(
      series,
      { id: tenant.ids.cop, names: ['DBU', 'JOBS_RUN', 'ACTIVE_USERS'], from: '2026-03-06' },
      analystToken,
    );
    expect(result.data?.cop.kpiSeries).toEqual([
      { metricName: 'DBU', points: [] },
      { metricName: 'JOBS_RUN', points: [] },
      {
        metricName: 'ACTIVE_USERS',
        points: [
          { date: '2026-03-06', value: 15 },
          { date: '2026-03-07', value: 16 },
        ],
      },
    ]);
  });

  it('returns every metric of the CoP when no names are given', async () => {
    const result = await api.graphql(series, { id: tenant.ids.cop }, analystToken);
    const names = result.data?.cop.kpiSeries.map((entry: { metricName: string }) => entry.metricName);
    expect(names).toEqual(expect.arrayContaining(['ACTIVE_USERS', 'DBU']));
    const dbu = result.data?.cop.kpiSeries.find((entry: { metricName: string }) => entry.metricName === 'DBU');
    expect(dbu.points.map((point: { value: number }) => point.value)).toEqual([100, 200, 300]);
  });

  it('loads the series of many CoPs with as many SQL statements as for one', async () => {
    const query = `{ cops { nodes { name kpiSeries(metricNames: ["DBU"]) { metricName points { value } } } } }`;
    const measure = async (copCount: number) => {
      const own = await createTenant(api.prisma, 'Series');
      const extra = await Promise.all(
        Array.from({ length: copCount - 1 }, (_, index) =>
          api.prisma.cop.create({
            data: { customerId: own.customer.id, name: `Extra CoP ${index}`, startDate: new Date('2026-01-01') },
          }),
        ),
      );
      for (const cop of [own.cop, ...extra]) await seedDailyValues(cop.id, 'DBU', [1, 2]);
      const token = await api.tokenFor(own.users.ANALYST.id);
      api.counter.statements = 0;
      const result = await api.graphql(query, {}, token);
      expect(result.data?.cops.nodes).toHaveLength(copCount);
      expect(result.data?.cops.nodes[0].kpiSeries[0].points).toHaveLength(2);
      return api.counter.statements;
    };
    expect(await measure(4)).toBe(await measure(1));
  });
});

describe('KPI tenancy', () => {
  it('hides KPIs from another tenant and refuses to write to its CoP', async () => {
    const other = await createTenant(api.prisma, 'KpiOther');
    const otherToken = await api.tokenFor(other.users.CUSTOMER_ADMIN.id);
    const metric = await api.prisma.kpiMetric.findFirstOrThrow({ where: { copId: tenant.cop.id } });

    const node = await api.graphql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: encodeGlobalID('KpiMetric', metric.id) },
      otherToken,
    );
    expect(node.data?.node).toBeNull();
    const cop = await api.graphql(
      `query($id: ID!) { cop(id: $id) { kpis { totalCount } } }`,
      { id: tenant.ids.cop },
      otherToken,
    );
    expect(cop.data?.cop).toBeNull();

    const write = await api.graphql(
      upsertKpi,
      { input: { copId: tenant.ids.cop, metricName: 'DBU', metricValue: 1, metricDate: '2026-03-01' } },
      otherToken,
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const untouched = await api.prisma.kpiMetric.findFirstOrThrow({
      where: { copId: tenant.cop.id, metricName: 'DBU', metricDate: new Date('2026-03-01') },
    });
    expect(untouched.metricValue).toBe(100);
  });

  it('lets the own tenant load a KPI by node id', async () => {
    const metric = await api.prisma.kpiMetric.findFirstOrThrow({ where: { copId: tenant.cop.id } });
    const node = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on KpiMetric { metricName cop { id } } } }`,
      { id: encodeGlobalID('KpiMetric', metric.id) },
      analystToken,
    );
    expect(node.data?.node).toEqual({ metricName: metric.metricName, cop: { id: tenant.ids.cop } });
  });
});

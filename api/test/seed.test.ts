import { encodeGlobalID } from '@pothos/plugin-relay';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAccounts, type SeedResult, seed } from '../../prisma/seed/index.js';
import { SecretBox } from '../src/auth/secret-box.js';
import { PLATFORM_METRICS } from '../src/databricks/usage-query.js';
import { runScheduledUsageSync } from '../src/usage-sync/scheduler.js';
import { addDays, isoDay, yesterday } from '../src/usage-sync/sync.js';
import { createPlatformAdmin } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
const secretsKey = api.deps.config.SECRETS_KEY;
const SEEDED_CUSTOMERS = ['Northwind Pet Insurance', 'Contoso Health'];
const TABLES = [
  'Customer',
  'User',
  'Cop',
  'Membership',
  'CopEvent',
  'ContentAsset',
  'Survey',
  'SurveyQuestion',
  'SurveyResponse',
  'SurveyAnswer',
  'KpiMetric',
  'UseCase',
  'Champion',
  'Discussion',
  'DiscussionReply',
  'Integration',
  'WorkspaceMapping',
  'ServiceToken',
];

/** Row count and latest update of every table the seed writes. */
async function snapshot() {
  const rows = await api.prisma.$queryRawUnsafe<{ table: string; rows: number; updated: Date | null }[]>(
    TABLES.map((t) => `SELECT '${t}' AS table, count(*)::int AS rows, max("updatedAt") AS updated FROM "${t}"`).join(
      ' UNION ALL ',
    ),
  );
  return Object.fromEntries(rows.map((row) => [row.table, row]));
}

let firstRun: SeedResult;
let afterFirstRun: Awaited<ReturnType<typeof snapshot>>;
beforeAll(async () => {
  firstRun = await seed(api.prisma, { secretsKey, today: new Date('2026-03-02T10:00:00Z') });
  afterFirstRun = await snapshot();
}, 120_000);
afterAll(() => api.close());

describe('demo seed', () => {
  it('changes nothing when it runs a second time', async () => {
    const activity = await api.prisma.memberActivity.count();
    expect(activity).toBeGreaterThan(0);
    const secondRun = await seed(api.prisma, { secretsKey, today: new Date('2026-03-02T10:00:00Z') });
    expect(await snapshot()).toEqual(afterFirstRun);
    expect(await api.prisma.memberActivity.count()).toBe(activity);
    expect(secondRun.serviceTokens).toEqual([]);
  });

  it('prints a usage-job service token once per customer, when it creates it', () => {
    expect(firstRun.serviceTokens.map((t) => t.customer).sort()).toEqual([...SEEDED_CUSTOMERS].sort());
    expect(firstRun.serviceTokens.every((t) => t.token.startsWith('copos_'))).toBe(true);
  });

  it('lets every documented demo account sign in with its role', async () => {
    for (const account of demoAccounts()) {
      const signIn = await api.graphql(
        `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`,
        {
          e: account.email,
          p: DEMO_PASSWORD,
        },
      );
      const viewer = await api.graphql(`{ viewer { role email } }`, {}, signIn.data?.signIn.token);
      expect(viewer.data?.viewer, account.email).toEqual({ role: account.role, email: account.email });
    }
  });

  it('builds six CoPs in every phase, with members, a lead per CoP, and lead@ leading one', async () => {
    const cops = await api.prisma.cop.findMany({
      where: { customer: { name: { in: SEEDED_CUSTOMERS } } },
      include: { memberships: { include: { user: true } } },
    });
    expect(cops).toHaveLength(6);
    expect(new Set(cops.map((cop) => cop.phase))).toEqual(new Set(['FOUNDATION', 'GROWTH', 'SCALE', 'OPTIMIZATION']));
    for (const cop of cops) {
      expect(cop.memberships.filter((m) => m.role === 'LEAD')).toHaveLength(1);
      expect(cop.memberships.filter((m) => m.role === 'CHAMPION').length).toBeGreaterThanOrEqual(2);
      expect(cop.memberships.length).toBeGreaterThanOrEqual(10);
    }
    const leads = cops.flatMap((cop) => cop.memberships.filter((m) => m.role === 'LEAD').map((m) => m.user.email));
    expect(leads).toEqual(expect.arrayContaining(['lead@northwind.example', 'lead@contoso.example']));
    expect(
      await api.prisma.user.count({ where: { customer: { name: { in: SEEDED_CUSTOMERS } } } }),
    ).toBeGreaterThanOrEqual(55);
  });

  it('computes 90 days of MAP per CoP from the seeded activity, and invents no platform usage', async () => {
    const kpis = await api.prisma.kpiMetric.groupBy({
      by: ['metricName', 'source'],
      where: { cop: { customer: { name: { in: SEEDED_CUSTOMERS } } } },
      _count: true,
    });
    const counts = Object.fromEntries(kpis.map((k) => [`${k.metricName}:${k.source}`, k._count]));
    expect(counts['MAP:COMPUTED']).toBe(6 * 90);
    expect(counts['NPS:COMPUTED']).toBeGreaterThan(0);
    // Platform usage comes from the system tables (the api's first usage tick), never from the seed.
    expect(Object.keys(counts).sort()).toEqual(['MAP:COMPUTED', 'NPS:COMPUTED']);
    const cops = await api.prisma.cop.findMany({
      where: { customer: { name: { in: SEEDED_CUSTOMERS } } },
      select: { id: true, _count: { select: { memberships: true } } },
    });
    for (const cop of cops) {
      const latest = await api.prisma.kpiMetric.findFirstOrThrow({
        where: { copId: cop.id, metricName: 'MAP' },
        orderBy: { metricDate: 'desc' },
      });
      expect(latest.metricDate.toISOString().slice(0, 10)).toBe('2026-03-02');
      expect(latest.metricValue).toBeGreaterThan(0);
      expect(latest.metricValue).toBeLessThanOrEqual(cop._count.memberships);
    }
  });

  it('shows on the dashboard the NPS the CoP’s own surveys give', async () => {
    const seedDay = new Date('2026-03-02T00:00:00Z');
    const windowStart = new Date(seedDay.getTime() - 89 * 86_400_000);
    const cops = await api.prisma.cop.findMany({
      where: { customer: { name: { in: SEEDED_CUSTOMERS } } },
      select: { id: true },
    });
    let compared = 0;
    for (const cop of cops) {
      const scores = await api.prisma.surveyAnswer.findMany({
        where: {
          question: { type: 'NPS', survey: { copId: cop.id } },
          numberValue: { not: null },
          response: { submittedAt: { gte: windowStart, lt: new Date(seedDay.getTime() + 86_400_000) } },
        },
        select: { numberValue: true },
      });
      const kpi = await api.prisma.kpiMetric.findUnique({
        where: { copId_metricName_metricDate: { copId: cop.id, metricName: 'NPS', metricDate: seedDay } },
      });
      if (scores.length === 0) {
        expect(kpi).toBeNull();
        continue;
      }
      const share = (test: (score: number) => boolean) => scores.filter((a) => test(a.numberValue!)).length;
      const expected = ((share((n) => n >= 9) - share((n) => n <= 6)) / scores.length) * 100;
      expect(kpi?.metricValue).toBeCloseTo(expected, 1);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('links a DBSQL dashboard and gathers NPS and varied free-text answers', async () => {
    const dashboards = await api.prisma.contentAsset.findMany({
      where: { assetType: 'DBSQL_DASHBOARD', cop: { customer: { name: { in: SEEDED_CUSTOMERS } } } },
    });
    expect(dashboards).toHaveLength(6);
    expect(dashboards[0].url).toMatch(/^https:\/\/[a-z0-9-]+\.cloud\.databricks\.com\/sql\/dashboards\//);
    const texts = await api.prisma.surveyAnswer.findMany({
      where: { question: { type: 'FREE_TEXT', survey: { cop: { customer: { name: { in: SEEDED_CUSTOMERS } } } } } },
      select: { textValue: true },
    });
    expect(new Set(texts.map((t) => t.textValue)).size).toBeGreaterThanOrEqual(12);
    const nps = await api.prisma.surveyAnswer.findMany({
      where: { question: { type: 'NPS' } },
      select: { numberValue: true },
    });
    expect(nps.some((a) => a.numberValue! >= 9) && nps.some((a) => a.numberValue! <= 6)).toBe(true);
  });

  it('connects each customer to the emulator with a sealed token and maps its CoPs to its workspaces', async () => {
    const integrations = await api.prisma.integration.findMany({
      where: { customer: { name: { in: SEEDED_CUSTOMERS } } },
      include: { workspaceMappings: true, customer: true },
    });
    expect(integrations).toHaveLength(2);
    for (const integration of integrations) {
      expect(integration.config).toMatchObject({
        host: 'https://127.0.0.1:8443',
        authType: 'PAT',
        warehouseId: 'ab12cd34ef56ab78',
      });
      const sealed = (integration.secrets as { token: string }).token;
      expect(sealed).not.toContain('dapi');
      expect(new SecretBox(secretsKey).open(sealed)).toBe('dapi-emulator-token');
    }
    const workspaces = (name: string) =>
      [
        ...new Set(integrations.find((i) => i.customer.name === name)!.workspaceMappings.map((m) => m.workspaceId)),
      ].sort();
    expect(workspaces(SEEDED_CUSTOMERS[0])).toEqual(['1001001001001001', '1001001001001002']);
    expect(workspaces(SEEDED_CUSTOMERS[1])).toEqual(['2002002002002001']);
  });
});

describe('the api’s first usage tick on the seeded data', () => {
  it('syncs the seeded range from the system tables, so the KPIs agree with the live platform usage', async () => {
    // The seeded integrations, pointed at this run's emulator (npm start points them at its own).
    const box = new SecretBox(secretsKey);
    const integrations = await api.prisma.integration.findMany({
      where: { type: 'DATABRICKS', customer: { name: { in: SEEDED_CUSTOMERS } } },
    });
    for (const integration of integrations) {
      await api.prisma.integration.update({
        where: { id: integration.id },
        data: {
          config: { ...(integration.config as object), host: process.env.EMULATOR_URL },
          secrets: { ...(integration.secrets as object), token: box.seal(process.env.EMULATOR_TOKEN!) },
        },
      });
    }
    const customerIds = [...new Set(integrations.map((integration) => integration.customerId))];
    const outcome = await runScheduledUsageSync(
      { prisma: api.prisma, registry: api.deps.databricksGateway.registry, log: pino({ level: 'silent' }) },
      { now: new Date(`${isoDay(new Date())}T04:00:00Z`), customerIds },
    );
    expect(outcome).toMatchObject({ status: 'ran', failed: [] });
    expect(outcome.status === 'ran' && outcome.synced.map((run) => run.to)).toEqual(customerIds.map(() => yesterday()));

    const admin = await api.tokenFor((await createPlatformAdmin(api.prisma)).id);
    const cop = await api.prisma.cop.findFirstOrThrow({ where: { name: 'Data Engineering CoP' } });
    const from = addDays(yesterday(), -6);
    const result = await api.graphql(
      `query($id: ID!, $from: Date!, $to: Date!, $names: [String!]!) { cop(id: $id) {
         platformUsage(from: $from, to: $to) { series { metric points { date value } } }
         kpiSeries(metricNames: $names, from: $from, to: $to) { metricName points { date value } } } }`,
      { id: encodeGlobalID('Cop', cop.id), from, to: yesterday(), names: [...PLATFORM_METRICS] },
      admin,
    );
    expect(result.errors).toBeUndefined();
    type Series = { points: { date: string; value: number }[] };
    const live = result.data?.cop.platformUsage.series as (Series & { metric: string })[];
    const stored = result.data?.cop.kpiSeries as (Series & { metricName: string })[];
    for (const metric of PLATFORM_METRICS) {
      const kpis = stored.find((series) => series.metricName === metric)!.points;
      expect(kpis, metric).toHaveLength(7);
      const days = new Map(live.find((series) => series.metric === metric)!.points.map((p) => [p.date, p.value]));
      for (const point of kpis)
        expect(point.value, `${metric} ${point.date}`).toBeCloseTo(days.get(point.date) ?? 0, 6);
    }
    expect(stored.find((series) => series.metricName === 'DBU')!.points.some((point) => point.value > 0)).toBe(true);
  });
});

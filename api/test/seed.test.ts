import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAccounts, type SeedResult, seed } from '../../prisma/seed/index.js';
import { SecretBox } from '../src/auth/secret-box.js';
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
    const secondRun = await seed(api.prisma, { secretsKey, today: new Date('2026-03-02T10:00:00Z') });
    expect(await snapshot()).toEqual(afterFirstRun);
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

  it('writes 90 days of every KPI per CoP, with lower usage at weekends', async () => {
    const kpis = await api.prisma.kpiMetric.groupBy({
      by: ['metricName'],
      where: { cop: { customer: { name: { in: SEEDED_CUSTOMERS } } } },
      _count: true,
    });
    expect(Object.fromEntries(kpis.map((k) => [k.metricName, k._count]))).toEqual(
      Object.fromEntries(
        ['MAP', 'NPS', 'DBU', 'ACTIVE_USERS', 'JOBS_RUN', 'QUERIES_EXECUTED', 'MODEL_REQUESTS'].map((m) => [m, 6 * 90]),
      ),
    );
    const users = await api.prisma.kpiMetric.findMany({
      where: {
        metricName: 'ACTIVE_USERS',
        cop: { name: 'Data Engineering CoP', customer: { name: SEEDED_CUSTOMERS[0] } },
      },
    });
    const mean = (days: number[]) => {
      const values = users.filter((k) => days.includes(k.metricDate.getUTCDay())).map((k) => k.metricValue);
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    expect(mean([0, 6])).toBeLessThan(mean([1, 2, 3, 4, 5]) / 2);
    expect(
      users
        .map((k) => k.metricDate.toISOString().slice(0, 10))
        .sort()
        .at(-1),
    ).toBe('2026-03-02');
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

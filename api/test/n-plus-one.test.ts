import { afterAll, describe, expect, it } from 'vitest';
import { createBigTenant, PER_COP } from './support/big-tenant.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
afterAll(() => api.close());

/** The CoP dashboard's widest read: every local relation of every CoP, nested two levels deep. */
const DASHBOARD = `{
  cops(first: 50) {
    totalCount
    nodes {
      id name
      members(first: 50) { totalCount nodes { role user { name email } } }
      kpis(last: 5) { nodes { metricName metricValue metricDate } }
      surveys { totalCount nodes { title responseCount nps responseRate questions { prompt }
        responses { nodes { submittedAt answers { numberValue textValue } } } } }
      events { totalCount nodes { title startsAt } }
      contentAssets { totalCount nodes { title url } }
      kpiSeries { metricName points { value } }
      useCases { nodes { title } }
      champions { nodes { reason user { name } } }
      discussions { nodes { title replies { nodes { body } } } }
      workspaces { name }
      runs { nodes { state } }
    }
  }
}`;

/** Runs the dashboard as the tenant's admin; returns the SQL statements it cost and what it answered. */
async function measure(copCount: number) {
  const tenant = await createBigTenant(api.prisma, copCount);
  const token = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
  api.counter.statements = 0;
  const result = await api.graphql(DASHBOARD, {}, token);
  const statements = api.counter.statements;
  expect(result.errors).toBeUndefined();
  return { statements, cops: result.data?.cops };
}

describe('SQL statements per request', () => {
  it('are the same for 2 CoPs and for 20 CoPs on the nested dashboard query', async () => {
    const small = await measure(2);
    const large = await measure(20);

    // The data really is there, at every level, so the counts compare equal work per row.
    for (const [run, copCount] of [
      [small, 2],
      [large, 20],
    ] as const) {
      expect(run.cops.totalCount).toBe(copCount);
      const nodes = run.cops.nodes;
      expect(nodes).toHaveLength(copCount);
      const sum = (pick: (cop: any) => number) => nodes.reduce((total: number, cop: any) => total + pick(cop), 0);
      // createTenant puts one extra member in the tenant's first CoP.
      expect(sum((cop) => cop.members.nodes.length)).toBe(copCount * PER_COP.members + 1);
      expect(nodes.every((cop: any) => cop.members.nodes.every((m: any) => m.user.email))).toBe(true);
      expect(sum((cop) => cop.kpis.nodes.length)).toBe(copCount * 5);
      expect(sum((cop) => cop.events.nodes.length)).toBe(copCount * PER_COP.events);
      expect(sum((cop) => cop.contentAssets.nodes.length)).toBe(copCount * PER_COP.assets);
      const responses = nodes.flatMap((cop: any) => cop.surveys.nodes.flatMap((s: any) => s.responses.nodes));
      expect(responses).toHaveLength(copCount * PER_COP.surveys * PER_COP.responses);
      expect(responses.every((r: any) => r.answers.length === PER_COP.questions)).toBe(true);
    }
    // `kpis(last: 5)` keeps the newest five days.
    const kpiDays = small.cops.nodes[0].kpis.nodes.map((k: any) => k.metricDate);
    expect(kpiDays).toEqual(['2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06']);

    expect(large.statements, `2 CoPs cost ${small.statements} statements`).toBe(small.statements);
  });
});

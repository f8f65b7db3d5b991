import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabricksSqlClient } from '../src/databricks/sql-client.js';
import { connectEmulator } from './support/databricks.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const WORKSPACE = '1444828305810485';
const api = createTestApi();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let token: string;
let sql: DatabricksSqlClient;

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Active users');
  token = await api.tokenFor(tenant.users.ANALYST.id);
  const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: WORKSPACE, copId: tenant.cop.id }],
  });
  sql = api.deps.databricksGateway.registry.forIntegration(integration).sql!;
});
afterAll(() => api.close());

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** The warehouse's own answer, asked directly: the people in the audit log of the range, each once. */
async function distinctUsers(from: string, to: string): Promise<number> {
  const { rows } = await sql.query<{ users: number }>({
    sql: `SELECT COUNT(DISTINCT user_identity.email) AS users FROM system.access.audit
           WHERE workspace_id = :ws AND event_date BETWEEN CAST(:from_date AS DATE) AND CAST(:to_date AS DATE)`,
    params: { ws: WORKSPACE, from_date: from, to_date: to },
  });
  return Number(rows[0]?.users);
}

interface Usage {
  from: string;
  to: string;
  activeUsers: number;
  series: { metric: string; total: number; points: { value: number }[] }[];
}

async function usage(range: { from?: string; to?: string } = {}): Promise<Usage> {
  const result = await api.graphql(
    `query($id: ID!, $from: Date, $to: Date) { cop(id: $id) { platformUsage(from: $from, to: $to) {
       from to activeUsers series { metric total points { value } } } } }`,
    { id: tenant.ids.cop, ...range },
    token,
  );
  expect(result.errors).toBeUndefined();
  return result.data?.cop.platformUsage;
}

describe('active users over a range', () => {
  it('counts each person once over the default 30 days, as the warehouse does, not the sum of the days', async () => {
    const current = await usage();
    expect([current.from, current.to]).toEqual([isoDaysAgo(30), isoDaysAgo(1)]);
    const daily = current.series.find((series) => series.metric === 'ACTIVE_USERS')!;
    const sumOfDays = daily.points.reduce((sum, point) => sum + point.value, 0);
    const expected = await distinctUsers(current.from, current.to);
    expect(expected).toBeGreaterThan(0);
    expect(current.activeUsers).toBe(expected);
    expect(daily.total).toBe(expected);
    // The same people come back day after day: adding days up counts them again.
    expect(sumOfDays).toBeGreaterThan(expected);
    expect(expected).toBeGreaterThanOrEqual(Math.max(...daily.points.map((point) => point.value)));
  });

  it('follows the range asked for: one day is that day’s count, a week its own distinct count', async () => {
    const day = isoDaysAgo(3);
    const one = await usage({ from: day, to: day });
    expect(one.activeUsers).toBe(one.series.find((series) => series.metric === 'ACTIVE_USERS')!.points[0]!.value);
    const week = await usage({ from: isoDaysAgo(9), to: day });
    expect(week.activeUsers).toBe(await distinctUsers(isoDaysAgo(9), day));
    expect(week.activeUsers).toBeGreaterThanOrEqual(one.activeUsers);
  });
});

import { DBSQLClient } from '@databricks/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastMonth } from '../src/ops/forecast.js';
import { connectEmulator, EMULATOR_WAREHOUSE_ID } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const WORKSPACE = '1444828305810485';
const api = createTestApi();
const emulator = testEmulator();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
let adminToken: string;
let integration: Awaited<ReturnType<typeof connectEmulator>>;
const driver = new DBSQLClient();

beforeAll(async () => {
  tenant = await createTenant(api.prisma);
  other = await createTenant(api.prisma, 'Other');
  adminToken = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
  integration = await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: WORKSPACE, copId: tenant.cop.id }],
  });
});
afterAll(async () => {
  await driver.close();
  await api.close();
});

/** A statement straight to the emulator's warehouse through the official driver: the figures to agree with. */
async function direct<T>(sql: string, namedParameters: Record<string, string>): Promise<T[]> {
  const url = new URL(emulator.url);
  const connection = await driver.connect({
    host: url.hostname,
    port: Number(url.port),
    path: `/sql/1.0/warehouses/${EMULATOR_WAREHOUSE_ID}`,
    token: emulator.token,
  });
  const session = await connection.openSession();
  try {
    const operation = await session.executeStatement(sql, { namedParameters });
    const rows = (await operation.fetchAll()) as T[];
    await operation.close();
    return rows;
  } finally {
    await session.close();
  }
}

/** SQL statements the gateway has sent to the tenant's warehouse so far. */
const statementsSent = () => api.deps.databricksGateway.registry.forIntegration(integration).sql!.statements;

const customerQuery = (fields: string, token = adminToken, id = tenant.ids.customer) =>
  api.graphql(`query($id: ID!) { customer(id: $id) { ${fields} } }`, { id }, token);

const RANGE = 'from: "2026-11-01", to: "2026-11-30"';

describe('Customer.cost', () => {
  it('prices usage at the list price valid when it ended, in one SQL statement, as hand-written SQL does', async () => {
    const before = statementsSent();
    await emulator.resetStats();
    const result = await customerQuery(
      `cost(${RANGE}, groupBy: [SKU]) { totalDbus totalListUsd groups { sku dbus listUsd } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(statementsSent() - before).toBe(1);
    const [expected] = await direct<{ dbus: number; usd: number }>(
      `SELECT CAST(SUM(u.usage_quantity) AS DOUBLE) AS dbus, SUM(CAST(u.usage_quantity AS DOUBLE) * CAST(p.pricing.default AS DOUBLE)) AS usd
         FROM system.billing.usage u JOIN system.billing.list_prices p
           ON p.sku_name = u.sku_name AND u.usage_end_time >= p.price_start_time
          AND (p.price_end_time IS NULL OR u.usage_end_time < p.price_end_time)
        WHERE u.workspace_id = :ws AND u.usage_date BETWEEN DATE '2026-11-01' AND DATE '2026-11-30'`,
      { ws: WORKSPACE },
    );
    const cost = result.data?.customer.cost;
    expect(cost.totalDbus).toBeGreaterThan(0);
    expect(cost.totalDbus).toBeCloseTo(expected!.dbus, 6);
    expect(cost.totalListUsd).toBeCloseTo(expected!.usd, 6);
    expect(cost.groups.map((group: { sku: string }) => group.sku)).toContain(
      'PREMIUM_SERVERLESS_SQL_COMPUTE_US_EAST_1',
    );
  });

  it('uses the old price before a price change and the new one after it', async () => {
    const days = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
    const result = await customerQuery(
      `cost(from: "${days(40)}", to: "${days(2)}", groupBy: [DAY, SKU]) { groups { day sku dbus listUsd } }`,
    );
    const sqlDays = result.data?.customer.cost.groups.filter(
      (group: { sku: string; dbus: number }) =>
        group.sku === 'PREMIUM_SERVERLESS_SQL_COMPUTE_US_EAST_1' && group.dbus > 0,
    );
    const priceOn = (day: string) => {
      const group = sqlDays.find((candidate: { day: string }) => candidate.day === day);
      return group.listUsd / group.dbus;
    };
    expect(priceOn(days(35))).toBeCloseTo(0.75, 6);
    expect(priceOn(days(5))).toBeCloseTo(0.7, 6);
  });

  it('is FORBIDDEN below customer admin, and another tenant sees nothing of it', async () => {
    const analyst = await customerQuery('cost { totalDbus }', await api.tokenFor(tenant.users.ANALYST.id));
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stranger = await customerQuery('cost { totalDbus }', await api.tokenFor(other.users.CUSTOMER_ADMIN.id));
    expect(stranger.data?.customer).toBeNull();
  });

  it('refuses a range the wrong way round or longer than a year', async () => {
    const backwards = await customerQuery('cost(from: "2026-11-30", to: "2026-11-01") { totalDbus }');
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const long = await customerQuery('cost(from: "2024-01-01", to: "2026-11-01") { totalDbus }');
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('budget', () => {
  it('sets, reads and removes a monthly budget; spending and forecast come from the same cost data', async () => {
    const set = await api.graphql(
      'mutation($id: ID!) { setBudget(customerId: $id, monthlyUsd: 1234.5) { budget { monthlyUsd spentUsd forecastUsd } } }',
      { id: tenant.ids.customer },
      adminToken,
    );
    expect(set.errors).toBeUndefined();
    const budget = set.data?.setBudget.budget;
    expect(budget.monthlyUsd).toBe(1234.5);
    expect(budget.spentUsd).toBeGreaterThan(0);
    expect(budget.forecastUsd).toBeGreaterThanOrEqual(budget.spentUsd);
    const removed = await api.graphql(
      'mutation($id: ID!) { setBudget(customerId: $id, monthlyUsd: null) { budget { monthlyUsd } } }',
      { id: tenant.ids.customer },
      adminToken,
    );
    expect(removed.data?.setBudget.budget.monthlyUsd).toBeNull();
  });

  it('refuses a negative budget and a data engineer', async () => {
    const negative = await api.graphql(
      'mutation($id: ID!) { setBudget(customerId: $id, monthlyUsd: -1) { id } }',
      { id: tenant.ids.customer },
      adminToken,
    );
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const engineer = await api.graphql(
      'mutation($id: ID!) { setBudget(customerId: $id, monthlyUsd: 10) { id } }',
      { id: tenant.ids.customer },
      await api.tokenFor(tenant.users.DATA_ENGINEER.id),
    );
    expect(engineer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('forecasts linearly: spent so far plus the last 7 full days’ mean for each day left', () => {
    const daily = [
      { day: '2026-11-30', usd: 1000 }, // last month: only in the pace window
      ...Array.from({ length: 10 }, (_, index) => ({ day: `2026-12-${String(index + 1).padStart(2, '0')}`, usd: 10 })),
    ];
    const status = forecastMonth(daily, new Date('2026-12-10T12:00:00Z'), 500);
    expect(status.spentUsd).toBe(100);
    // Window 2026-12-03 … 2026-12-09: 7 × 10 / 7 = 10 a day, 21 days left.
    expect(status.forecastUsd).toBe(100 + 10 * 21);
  });
});

describe('Customer.opsMetrics', () => {
  it('answers jobs, warehouse and serving figures in one SQL statement, as the system tables say', async () => {
    const before = statementsSent();
    const result = await customerQuery(
      `opsMetrics(${RANGE}) { jobs { runs successRate retries durationP50Seconds durationP95Seconds durationP99Seconds }
         sqlWarehouse { queries latencyP50Ms latencyP95Ms } serving { requests errorRate } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(statementsSent() - before).toBe(1);
    const [counts] = await direct<{ runs: number; failed: number; retries: number; queries: number; requests: number }>(
      `SELECT (SELECT COUNT(*) FROM system.lakeflow.job_run_timeline WHERE workspace_id = :ws
                 AND CAST(period_start_time AS DATE) BETWEEN DATE '2026-11-01' AND DATE '2026-11-30') AS runs,
              (SELECT COUNT(*) FROM system.lakeflow.job_run_timeline WHERE workspace_id = :ws AND result_state <> 'SUCCEEDED'
                 AND CAST(period_start_time AS DATE) BETWEEN DATE '2026-11-01' AND DATE '2026-11-30') AS failed,
              (SELECT COUNT(*) FROM system.lakeflow.job_run_timeline WHERE workspace_id = :ws AND trigger_type = 'RETRY'
                 AND CAST(period_start_time AS DATE) BETWEEN DATE '2026-11-01' AND DATE '2026-11-30') AS retries,
              (SELECT COUNT(*) FROM system.query.history WHERE workspace_id = :ws
                 AND CAST(start_time AS DATE) BETWEEN DATE '2026-11-01' AND DATE '2026-11-30') AS queries,
              (SELECT COUNT(*) FROM system.serving.endpoint_usage WHERE workspace_id = :ws
                 AND CAST(request_time AS DATE) BETWEEN DATE '2026-11-01' AND DATE '2026-11-30') AS requests`,
      { ws: WORKSPACE },
    );
    const { jobs, sqlWarehouse, serving } = result.data!.customer.opsMetrics;
    expect(jobs.runs).toBe(Number(counts!.runs));
    expect(jobs.runs).toBeGreaterThan(0);
    expect(jobs.successRate).toBeCloseTo(1 - Number(counts!.failed) / Number(counts!.runs), 9);
    expect(jobs.retries).toBe(Number(counts!.retries));
    expect(jobs.retries).toBeGreaterThan(0);
    expect(jobs.durationP50Seconds).toBeLessThanOrEqual(jobs.durationP95Seconds);
    expect(jobs.durationP95Seconds).toBeLessThanOrEqual(jobs.durationP99Seconds);
    expect(sqlWarehouse.queries).toBe(Number(counts!.queries));
    expect(sqlWarehouse.latencyP50Ms).toBeLessThanOrEqual(sqlWarehouse.latencyP95Ms);
    expect(serving.requests).toBe(Number(counts!.requests));
    expect(serving.errorRate).toBeGreaterThan(0);
    expect(serving.errorRate).toBeLessThan(0.1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listJobs } from '../src/databricks/api/jobs.js';
import { forecastMonth } from '../src/ops/forecast.js';
import { tenantCatalogName } from '../src/sync/tenant-catalog.js';
import { connectEmulator } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';
import { directWarehouse } from './support/warehouse-sql.js';

const WORKSPACE = '1444828305810485';
const api = createTestApi();
const emulator = testEmulator();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
let adminToken: string;
let integration: Awaited<ReturnType<typeof connectEmulator>>;
const warehouse = directWarehouse(emulator.url, emulator.token);

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
  await warehouse.close();
  await api.close();
});

/** A statement straight to the emulator's warehouse through the official driver: the figures to agree with. */
const direct = <T>(sql: string, namedParameters: Record<string, string>) => warehouse.query<T>(sql, namedParameters);

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

describe('Customer.opsMetrics: serving latency, freshness, the gateway’s counters', () => {
  it('gives serving latency p95 from the inference table, as hand-written SQL over the driver does', async () => {
    const result = await customerQuery(`opsMetrics(${RANGE}) { serving { requests latencyP95Ms } }`);
    expect(result.errors).toBeUndefined();
    const [expected] = await direct<{ p95: number }>(
      `SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY p.execution_duration_ms) AS p95
         FROM system.serving.endpoint_usage u
         JOIN system.serving.inference_payload p ON p.databricks_request_id = u.databricks_request_id
        WHERE u.workspace_id = :ws AND CAST(u.request_time AS DATE) BETWEEN DATE '2026-11-01' AND DATE '2026-11-30'`,
      { ws: WORKSPACE },
    );
    const { latencyP95Ms } = result.data!.customer.opsMetrics.serving;
    expect(latencyP95Ms).toBeGreaterThan(0);
    expect(latencyP95Ms).toBeCloseTo(Number(expected!.p95), 6);
  });

  it('gives job runs per day with their success rate and p95, in one statement, as hand-written SQL does', async () => {
    const before = statementsSent();
    const result = await customerQuery(
      `opsMetrics(${RANGE}) { jobsByDay { day runs successRate durationP95Seconds } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(statementsSent() - before).toBe(1);
    const days = result.data!.customer.opsMetrics.jobsByDay;
    expect(days.length).toBe(30);
    const [expected] = await direct<{ runs: number; ok: number; p95: number }>(
      `SELECT COUNT(*) AS runs, SUM(CASE WHEN result_state = 'SUCCEEDED' THEN 1 ELSE 0 END) AS ok,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY (unix_millis(period_end_time) - unix_millis(period_start_time)) / 1000.0) AS p95
         FROM system.lakeflow.job_run_timeline WHERE workspace_id = :ws AND CAST(period_start_time AS DATE) = DATE '2026-11-17'`,
      { ws: WORKSPACE },
    );
    const day = days.find((row: { day: string }) => row.day === '2026-11-17');
    expect(day.runs).toBe(Number(expected!.runs));
    expect(day.successRate).toBeCloseTo(Number(expected!.ok) / Number(expected!.runs), 9);
    expect(day.durationP95Seconds).toBeCloseTo(Number(expected!.p95), 6);
  });

  it('lists the tenant catalog’s tables with their last write, in one statement, as information_schema says', async () => {
    const catalog = tenantCatalogName(tenant.customer);
    await direct(`CREATE CATALOG IF NOT EXISTS ${catalog}`, {});
    await direct(`CREATE SCHEMA IF NOT EXISTS ${catalog}.gold`, {});
    await direct(`CREATE TABLE IF NOT EXISTS ${catalog}.gold.claims_daily (day DATE, claims INT)`, {});
    await direct(`INSERT INTO ${catalog}.gold.claims_daily VALUES (DATE '2026-11-30', 42)`, {});
    const before = statementsSent();
    const result = await customerQuery(`opsMetrics { dataFreshness { table lastUpdatedAt ageSeconds } }`);
    expect(result.errors).toBeUndefined();
    expect(statementsSent() - before).toBe(1);
    const [expected] = await direct<{ last_altered: Date }>(
      `SELECT last_altered FROM system.information_schema.tables
        WHERE table_catalog = :catalog AND table_schema = 'gold' AND table_name = 'claims_daily'`,
      { catalog },
    );
    const row = result.data!.customer.opsMetrics.dataFreshness.find(
      (entry: { table: string }) => entry.table === `${catalog}.gold.claims_daily`,
    );
    expect(new Date(row.lastUpdatedAt).getTime()).toBe(new Date(expected!.last_altered).getTime());
    expect(row.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(row.ageSeconds).toBeLessThan(600);
  });

  it('counts the gateway’s own 5xx answers and retries against the tenant’s workspace', async () => {
    const counters = async () =>
      (await customerQuery('opsMetrics { gateway { since remote4xx remote5xx retries circuitBreakerTrips } }')).data!
        .customer.opsMetrics.gateway;
    const before = await counters();
    // One failure (the rule ends itself): the connector retries it.
    await emulator.injectFaults([{ kind: 'error', status: 503, pathPrefix: '/api/2.2/jobs/list', count: 1 }]);
    await listJobs(api.deps.databricksGateway.registry.forIntegration(integration).rest);
    const after = await counters();
    expect(after.remote5xx - before.remote5xx).toBeGreaterThanOrEqual(1);
    expect(after.retries - before.retries).toBeGreaterThanOrEqual(1);
    expect(after.since).toBe(before.since);
  });
});

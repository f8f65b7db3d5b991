import { encodeGlobalID } from '@pothos/plugin-relay';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AlertEvaluator } from '../src/alerts/evaluator.js';
import type { RunningServer } from '../src/http/server.js';
import { connectEmulator } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createPlatformAdmin, createTenant } from './support/fixtures.js';
import { openSubscription, serve } from './support/live-clients.js';
import { createTestApi } from './support/test-api.js';
import { directWarehouse, sqlTimestamp } from './support/warehouse-sql.js';
import { startWebhookReceiver } from './support/webhook-receiver.js';

// A workspace of its own: the rows this file writes into the emulator's system tables reach no other test.
const WORKSPACE = '7700000000000077';
const api = createTestApi({}, { notifications: { post: { initialDelayMs: 5, maxDelayMs: 20 }, roundDelayMs: 60_000 } });
const emulator = testEmulator();
const warehouse = directWarehouse(emulator.url, emulator.token);
let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
let admin: string;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

const minutesAgo = (minutes: number) => sqlTimestamp(new Date(Date.now() - minutes * 60_000));

/** Failed runs of the test workspace that ended `minutesAgo` minutes ago. */
async function failRuns(count: number, endedMinutesAgo = 10) {
  for (let i = 0; i < count; i++) {
    await warehouse.query(
      `INSERT INTO system.lakeflow.job_run_timeline
         (account_id, workspace_id, job_id, run_id, period_start_time, period_end_time, trigger_type, run_type, result_state, termination_code)
       VALUES ('acc', :ws, '4242', :run_id, CAST(:start AS TIMESTAMP), CAST(:end AS TIMESTAMP), 'CRON', 'JOB_RUN', 'FAILED', 'RUN_EXECUTION_ERROR')`,
      {
        ws: WORKSPACE,
        run_id: `${Date.now()}${i}`,
        start: minutesAgo(endedMinutesAgo + 5),
        end: minutesAgo(endedMinutesAgo),
      },
    );
  }
}

/** `count` serving requests in the last minutes, each taking `ms`. */
async function serve_requests(count: number, ms: number) {
  for (let i = 0; i < count; i++) {
    const id = `req-${Date.now()}-${i}`;
    const at = minutesAgo(1 + (i % 3));
    await warehouse.query(
      `INSERT INTO system.serving.endpoint_usage (account_id, workspace_id, client_request_id, databricks_request_id, requester, status_code, request_time)
       VALUES ('acc', :ws, :id, :id, 'ana@example.test', 200, CAST(:at AS TIMESTAMP))`,
      { ws: WORKSPACE, id, at },
    );
    await warehouse.query(
      `INSERT INTO system.serving.inference_payload (databricks_request_id, request_time, status_code, execution_duration_ms)
       VALUES (:id, CAST(:at AS TIMESTAMP), 200, :ms)`,
      { id, at, ms },
    );
  }
}

const graphql = (query: string, variables: Record<string, unknown> = {}, token = admin) =>
  api.graphql(query, variables, token);
const setRule = (fields: string, token = admin, customerId = tenant.ids.customer) =>
  graphql(
    `mutation($id: ID!) { setAlertRule(customerId: $id, ${fields}) { kind threshold windowSeconds enabled customized } }`,
    { id: customerId },
    token,
  );
const alertsOf = (customerId = tenant.customer.id) =>
  api.prisma.alert.findMany({ where: { customerId }, orderBy: { firedAt: 'asc' } });
const firing = async (kind: string) =>
  (await alertsOf()).filter((alert) => alert.kind === kind && alert.state === 'FIRING');

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  tenant = await createTenant(api.prisma);
  other = await createTenant(api.prisma, 'Other');
  admin = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
  await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: WORKSPACE, copId: tenant.cop.id }],
  });
  const slack = await graphql(`mutation($input: CreateIntegrationInput!) { createIntegration(input: $input) { id } }`, {
    input: {
      customerId: tenant.ids.customer,
      type: 'SLACK',
      displayName: 'Ops channel',
      secrets: { webhookUrl: receiver.url('/alerts') },
    },
  });
  expect(slack.errors).toBeUndefined();
});

afterEach(async () => {
  for (const table of ['system.lakeflow.job_run_timeline', 'system.serving.endpoint_usage', 'system.billing.usage']) {
    await warehouse.query(`DELETE FROM ${table} WHERE workspace_id = :ws`, { ws: WORKSPACE });
  }
  await warehouse.query("DELETE FROM system.serving.inference_payload WHERE databricks_request_id LIKE 'req-%'");
  // Back to the defaults and no firing alert: every test starts clear.
  await api.prisma.alertRule.deleteMany({});
  await api.prisma.customerBudget.deleteMany({});
  await api.deps.alerts.evaluateAll();
  await api.deps.notifications.deliverDue();
});

afterAll(async () => {
  await warehouse.close();
  await api.close();
  await receiver.close();
});

describe('alert rules', () => {
  it('start as the plan’s defaults and change per customer', async () => {
    const rules = await graphql(
      'query($id: ID!) { customer(id: $id) { alertRules { kind threshold windowSeconds enabled customized } } }',
      { id: tenant.ids.customer },
    );
    expect(rules.data?.customer.alertRules).toEqual([
      { kind: 'JOB_FAILURES', threshold: 2, windowSeconds: 3600, enabled: true, customized: false },
      { kind: 'DAILY_DBU_OVER_BUDGET', threshold: 1.2, windowSeconds: 86_400, enabled: true, customized: false },
      { kind: 'SERVING_P95', threshold: 500, windowSeconds: 300, enabled: true, customized: false },
    ]);
    const changed = await setRule('kind: SERVING_P95, threshold: 800');
    expect(changed.data?.setAlertRule).toEqual({
      kind: 'SERVING_P95',
      threshold: 800,
      windowSeconds: 300,
      enabled: true,
      customized: true,
    });
    const bad = await setRule('kind: JOB_FAILURES, threshold: 1.5');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const shortWindow = await setRule('kind: JOB_FAILURES, windowSeconds: 5');
    expect(shortWindow.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('evaluation', () => {
  it('fires JOB_FAILURES at 2 failed runs in an hour, with the runs as evidence, and resolves when clear', async () => {
    await failRuns(1);
    await failRuns(1, 90); // outside the hour
    await api.deps.alerts.evaluateAll();
    expect(await firing('JOB_FAILURES')).toHaveLength(0);
    await failRuns(1, 3);
    await api.deps.alerts.evaluateAll();
    const [alert] = await firing('JOB_FAILURES');
    expect(alert?.evidence).toMatchObject({ measured: 2, threshold: 2, windowSeconds: 3600 });
    const runs = (alert!.evidence as { failedRuns: { jobId: string; resultState: string }[] }).failedRuns;
    expect(runs).toHaveLength(2);
    expect(runs.every((run) => run.jobId === '4242' && run.resultState === 'FAILED')).toBe(true);
    // Raising the threshold clears it: resolved, the evidence kept and what cleared it added.
    expect((await setRule('kind: JOB_FAILURES, threshold: 3')).errors).toBeUndefined();
    await api.deps.alerts.evaluateAll();
    const resolved = await api.prisma.alert.findUniqueOrThrow({ where: { id: alert!.id } });
    expect(resolved.state).toBe('RESOLVED');
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.evidence).toMatchObject({ measured: 2, resolvedWith: { measured: 2, threshold: 3 } });
    const listed = await graphql(
      'query($id: ID!) { customer(id: $id) { alerts(state: RESOLVED) { id kind state summary firedAt resolvedAt } } }',
      { id: tenant.ids.customer },
    );
    expect(listed.data?.customer.alerts[0]).toMatchObject({
      id: encodeGlobalID('Alert', alert!.id),
      kind: 'JOB_FAILURES',
      state: 'RESOLVED',
      summary: '2 failed job runs in 1 h (threshold 2)',
    });
  });

  it('fires DAILY_DBU_OVER_BUDGET when today costs more than the daily budget × 1.2', async () => {
    await warehouse.query(
      `INSERT INTO system.billing.usage (account_id, workspace_id, record_id, sku_name, cloud, usage_start_time, usage_end_time, usage_date, usage_unit, usage_quantity)
       VALUES ('acc', :ws, 'rec-1', 'PREMIUM_SERVERLESS_SQL_COMPUTE_US_EAST_1', 'AWS', CAST(:start AS TIMESTAMP), CAST(:end AS TIMESTAMP), CAST(:day AS DATE), 'DBU', 100)`,
      { ws: WORKSPACE, start: minutesAgo(1), end: minutesAgo(0), day: new Date().toISOString().slice(0, 10) },
    );
    // No budget, no alert.
    await api.deps.alerts.evaluateAll();
    expect(await firing('DAILY_DBU_OVER_BUDGET')).toHaveLength(0);
    // $70 today (100 DBU × $0.70) against $310 a month ≈ $10 a day × 1.2.
    await graphql('mutation($id: ID!) { setBudget(customerId: $id, monthlyUsd: 310) { id } }', {
      id: tenant.ids.customer,
    });
    await api.deps.alerts.evaluateAll();
    const [alert] = await firing('DAILY_DBU_OVER_BUDGET');
    expect(alert?.evidence).toMatchObject({ dbus: 100, monthlyBudgetUsd: 310, threshold: 1.2 });
    expect((alert!.evidence as { usd: number }).usd).toBeCloseTo(70, 6);
    await graphql('mutation($id: ID!) { setBudget(customerId: $id, monthlyUsd: 100000) { id } }', {
      id: tenant.ids.customer,
    });
    await api.deps.alerts.evaluateAll();
    expect((await api.prisma.alert.findUniqueOrThrow({ where: { id: alert!.id } })).state).toBe('RESOLVED');
  });

  it('fires SERVING_P95 when the p95 of the last 5 minutes is above 500 ms, and resolves when disabled', async () => {
    await serve_requests(10, 120);
    await api.deps.alerts.evaluateAll();
    expect(await firing('SERVING_P95')).toHaveLength(0);
    await serve_requests(10, 2_000);
    await api.deps.alerts.evaluateAll();
    const [alert] = await firing('SERVING_P95');
    expect(alert?.evidence).toMatchObject({ requests: 20, threshold: 500, windowSeconds: 300 });
    expect((alert!.evidence as { measured: number }).measured).toBeGreaterThan(500);
    await setRule('kind: SERVING_P95, enabled: false');
    await api.deps.alerts.evaluateAll();
    const resolved = await api.prisma.alert.findUniqueOrThrow({ where: { id: alert!.id } });
    expect(resolved.state).toBe('RESOLVED');
    expect(resolved.evidence).toMatchObject({ resolvedWith: { ruleDisabled: true } });
  });
});

describe('delivery', () => {
  it('posts exactly one Slack message per firing, even with two evaluators racing', async () => {
    const second = new AlertEvaluator(
      {
        prisma: api.prisma,
        log: pino({ level: 'silent' }),
        registry: api.deps.databricksGateway.registry,
        pubsub: api.deps.runs.pubsub,
      },
      { instanceId: 'second-instance:alerts', intervalMs: 50, leaseTtlMs: 2_000 },
    );
    // Under the lease, one of two ticks at the same moment evaluates.
    const ticks = await Promise.all([api.deps.alerts.tick(), second.tick()]);
    expect(ticks.filter((tick) => tick.held)).toHaveLength(1);
    await second.stop();
    await api.deps.alerts.stop();

    await failRuns(2);
    const before = receiver.postsTo('/alerts').length;
    // Even without the lease (evaluating directly, as an instance that lost it mid-pass would), one firing.
    const [a, b] = await Promise.all([api.deps.alerts.evaluateAll(), second.evaluateAll()]);
    expect([...a, ...b].filter((alert) => alert.kind === 'JOB_FAILURES')).toHaveLength(1);
    const [alert] = await firing('JOB_FAILURES');
    const notices = await api.prisma.notification.findMany({
      where: { dedupeKey: { startsWith: `alert:${alert!.id}` } },
    });
    expect(notices.map((notice) => notice.dedupeKey)).toEqual([`alert:${alert!.id}:FIRING`]);
    await api.deps.notifications.deliverDue();
    await api.deps.notifications.deliverDue();
    const posts = receiver.postsTo('/alerts').slice(before);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.text).toBe('Alert: Job failures: 2 failed job runs in 1 h (threshold 2)');
  });

  it('retries the webhook after a 5xx and delivers the resolution once', async () => {
    await failRuns(2);
    await api.deps.alerts.evaluateAll();
    await api.deps.notifications.deliverDue();
    const [alert] = await firing('JOB_FAILURES');
    await setRule('kind: JOB_FAILURES, threshold: 10');
    await api.deps.alerts.evaluateAll();
    const before = receiver.postsTo('/alerts').length;
    receiver.failNext(500);
    expect(await api.deps.notifications.deliverDue()).toBe(1);
    const posts = receiver.postsTo('/alerts').slice(before);
    // The refused post and its retry: the same message, delivered once.
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body).toEqual(posts[0]!.body);
    expect(posts[1]!.body.text).toMatch(/^Resolved: Job failures/);
    const [notice] = await api.prisma.notification.findMany({ where: { dedupeKey: `alert:${alert!.id}:RESOLVED` } });
    expect(notice).toMatchObject({ status: 'DELIVERED' });
  });
});

describe('Subscription.alerts', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve(api);
  });
  afterAll(() => server.close());

  it('streams a firing to the customer admin as it happens', async () => {
    const subscription = openSubscription(
      server.url,
      admin,
      'subscription($id: ID!) { alerts(customerId: $id) { id kind state summary evidence firedAt } }',
      { id: tenant.ids.customer },
    );
    try {
      // The subscription is live before anything fires.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await failRuns(2);
      await api.deps.alerts.evaluateAll();
      const items = await subscription.until((item) => item.alerts.state === 'FIRING');
      expect(items[0].alerts).toMatchObject({ kind: 'JOB_FAILURES', state: 'FIRING', evidence: { measured: 2 } });
    } finally {
      await subscription.close();
    }
  });

  it('refuses an analyst and another tenant’s admin', async () => {
    for (const token of [
      await api.tokenFor(tenant.users.ANALYST.id),
      await api.tokenFor(other.users.CUSTOMER_ADMIN.id),
    ]) {
      const subscription = openSubscription(
        server.url,
        token,
        'subscription($id: ID!) { alerts(customerId: $id) { id } }',
        { id: tenant.ids.customer },
      );
      try {
        await expect(subscription.until(() => false, 3_000)).rejects.toThrow(/FORBIDDEN|NOT_FOUND/);
      } finally {
        await subscription.close();
      }
    }
  });
});

describe('roles and tenancy', () => {
  it('lets platform admins see every tenant, customer admins their own, others nothing', async () => {
    await failRuns(2);
    await api.deps.alerts.evaluateAll();
    const [alert] = await firing('JOB_FAILURES');
    const query = 'query($id: ID!) { customer(id: $id) { alerts(state: FIRING) { id } alertRules { kind } } }';
    const platform = await api.tokenFor((await createPlatformAdmin(api.prisma)).id);
    const asPlatform = await graphql(query, { id: tenant.ids.customer }, platform);
    expect(asPlatform.data?.customer.alerts).toEqual([{ id: encodeGlobalID('Alert', alert!.id) }]);
    expect((await graphql(query, { id: tenant.ids.customer })).data?.customer.alerts).toHaveLength(1);
    for (const role of ['DATA_ENGINEER', 'ANALYST', 'MEMBER'] as const) {
      const token = await api.tokenFor(tenant.users[role].id);
      const answer = await graphql(query, { id: tenant.ids.customer }, token);
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect((await setRule('kind: JOB_FAILURES, threshold: 5', token)).errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );
    }
    const stranger = await api.tokenFor(other.users.CUSTOMER_ADMIN.id);
    expect((await graphql(query, { id: tenant.ids.customer }, stranger)).data?.customer).toBeNull();
    const node = await graphql(
      'query($id: ID!) { node(id: $id) { id } }',
      { id: encodeGlobalID('Alert', alert!.id) },
      stranger,
    );
    expect(node.data?.node).toBeNull();
    expect((await setRule('kind: JOB_FAILURES, threshold: 5', stranger)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
  });
});

import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateServiceToken } from '../src/auth/service-tokens.js';
import { PLATFORM_METRICS } from '../src/databricks/usage-query.js';
import { msUntilNextRun, runScheduledUsageSync, startUsageSyncSchedule } from '../src/usage-sync/scheduler.js';
import { yesterday } from '../src/usage-sync/sync.js';
import { connectEmulator } from './support/databricks.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const WORKSPACE = '1444828305810485';
/** A mapped workspace the emulator has no usage for: it must add nothing. */
const IDLE_WORKSPACE = '7000000000000001';
const api = createTestApi();
type Tenant = Awaited<ReturnType<typeof createTenant>>;
let tenant: Tenant;
let admin: string;
let integrationId: string;
let secondCop: { id: string };
let unmappedCop: { id: string };

const sync = `mutation($customerId: ID!, $date: Date) { syncPlatformUsage(customerId: $customerId, date: $date) { date processed copIds warnings } }`;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const kpiRows = (copIds: string[], date: string) =>
  api.prisma.kpiMetric.findMany({
    where: { copId: { in: copIds }, metricDate: new Date(`${date}T00:00:00Z`) },
    orderBy: [{ copId: 'asc' }, { metricName: 'asc' }],
    select: { copId: true, metricName: true, metricValue: true },
  });

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Usage sync');
  admin = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
  secondCop = await api.prisma.cop.create({
    data: { customerId: tenant.customer.id, name: `Analytics CoP ${randomUUID()}`, startDate: new Date('2026-01-01') },
  });
  unmappedCop = await api.prisma.cop.create({
    data: { customerId: tenant.customer.id, name: `Quiet CoP ${randomUUID()}`, startDate: new Date('2026-01-01') },
  });
  const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [
      { workspaceId: WORKSPACE, copId: tenant.cop.id },
      { workspaceId: IDLE_WORKSPACE, copId: tenant.cop.id },
      { workspaceId: WORKSPACE, copId: secondCop.id },
    ],
  });
  integrationId = integration.id;
});
afterAll(() => api.close());

describe('syncPlatformUsage', () => {
  it('writes, for each mapped CoP, KPI rows equal to the live Cop.platformUsage of that day, in one statement', async () => {
    const date = daysAgo(2);
    const sqlClient = api.deps.databricksGateway.registry.forIntegration(
      await api.prisma.integration.findUniqueOrThrow({ where: { id: integrationId } }),
    ).sql!;
    const statementsBefore = sqlClient.statements;
    const result = await api.graphql(sync, { customerId: tenant.ids.customer, date }, admin);
    expect(result.errors).toBeUndefined();
    expect(sqlClient.statements - statementsBefore).toBe(1);
    const report = result.data?.syncPlatformUsage;
    expect(report).toMatchObject({ date, processed: 10, warnings: [] });
    expect([...report.copIds].sort()).toEqual([tenant.ids.cop, encodeGlobalID('Cop', secondCop.id)].sort());

    for (const copId of [tenant.cop.id, secondCop.id]) {
      const live = await api.graphql(
        `query($id: ID!, $day: Date!) { cop(id: $id) { platformUsage(from: $day, to: $day) { series { metric points { value } } } } }`,
        { id: encodeGlobalID('Cop', copId), day: date },
        admin,
      );
      const liveValues = Object.fromEntries(
        live.data?.cop.platformUsage.series.map((s: { metric: string; points: { value: number }[] }) => [
          s.metric,
          s.points[0]?.value ?? 0,
        ]),
      );
      const stored = Object.fromEntries((await kpiRows([copId], date)).map((row) => [row.metricName, row.metricValue]));
      expect(Object.keys(stored).sort()).toEqual([...PLATFORM_METRICS].sort());
      // Sums of doubles may differ in the last bit between two runs of the same statement (parallel aggregation).
      for (const metric of PLATFORM_METRICS) expect(stored[metric]).toBeCloseTo(liveValues[metric], 6);
      expect(stored.DBU).toBeGreaterThan(0);
    }
    expect(await kpiRows([unmappedCop.id], date)).toEqual([]);
  });

  it('overwrites the same rows when a day is synced again', async () => {
    const date = daysAgo(2);
    const rowsOfDay = () =>
      api.prisma.kpiMetric.findMany({
        where: { copId: { in: [tenant.cop.id, secondCop.id] }, metricDate: new Date(`${date}T00:00:00Z`) },
        orderBy: { id: 'asc' },
      });
    const before = await rowsOfDay();
    await api.graphql(sync, { customerId: tenant.ids.customer, date }, admin);
    const after = await rowsOfDay();
    expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id));
    for (const [i, row] of after.entries()) expect(row.metricValue).toBeCloseTo(before[i]!.metricValue, 6);
    expect(after.some((row, i) => row.updatedAt > before[i]!.updatedAt)).toBe(true);
  });

  it('syncs yesterday when no date is given, also for the customer’s usage-job service token', async () => {
    const { token, tokenHash, prefix } = generateServiceToken();
    await api.prisma.serviceToken.create({
      data: { customerId: tenant.customer.id, name: 'usage job', tokenHash, prefix, scopes: ['usage:write'] },
    });
    const result = await api.graphql(sync, { customerId: tenant.ids.customer }, token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.syncPlatformUsage).toMatchObject({ date: yesterday(), processed: 10 });
    expect(await kpiRows([tenant.cop.id], yesterday())).toHaveLength(5);
  });

  it('rejects a day that is not over with BAD_USER_INPUT and writes nothing', async () => {
    const today = daysAgo(0);
    const result = await api.graphql(sync, { customerId: tenant.ids.customer, date: today }, admin);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['date'] });
    expect(await kpiRows([tenant.cop.id, secondCop.id], today)).toEqual([]);
  });

  it('refuses other roles and other tenants, writing nothing', async () => {
    const date = daysAgo(3);
    const analyst = await api.graphql(
      sync,
      { customerId: tenant.ids.customer, date },
      await api.tokenFor(tenant.users.ANALYST.id),
    );
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await createTenant(api.prisma, 'Other usage');
    const intruder = await api.graphql(
      sync,
      { customerId: tenant.ids.customer, date },
      await api.tokenFor(other.users.CUSTOMER_ADMIN.id),
    );
    expect(intruder.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await kpiRows([tenant.cop.id, secondCop.id], date)).toEqual([]);
  });
});

describe('daily usage sync schedule', () => {
  const logged: { msg: string; customer?: string }[] = [];
  const deps = () => ({
    prisma: api.prisma,
    registry: api.deps.databricksGateway.registry,
    log: pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) }),
  });

  it('runs at the configured hour, today when it is still ahead, else tomorrow', () => {
    expect(msUntilNextRun(new Date('2026-11-23T02:59:00Z'), 3)).toBe(60_000);
    expect(msUntilNextRun(new Date('2026-11-23T03:00:00Z'), 3)).toBe(24 * 3_600_000);
    expect(msUntilNextRun(new Date('2026-11-23T23:30:00Z'), 0)).toBe(30 * 60_000);
  });

  it('does not start when turned off, and refuses an hour outside 0–23', () => {
    expect(() => startUsageSyncSchedule(deps(), { enabled: false }).stop()).not.toThrow();
    expect(() => startUsageSyncSchedule(deps(), { hourUtc: 24 })).toThrow(RangeError);
  });

  it('syncs each customer once per day, logs and audits what it did', async () => {
    const date = daysAgo(4);
    const scope = { date, customerIds: [tenant.customer.id] };
    const first = await runScheduledUsageSync(deps(), scope);
    expect(first).toEqual({ status: 'ran', date, synced: [tenant.customer.id], failed: [], alreadySynced: 0 });
    expect(await kpiRows([tenant.cop.id, secondCop.id], date)).toHaveLength(10);
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: 'Synced platform usage', customer: tenant.customer.name, processed: 10 }),
    );
    const audit = await api.prisma.auditLog.findFirst({
      where: { customerId: tenant.customer.id, action: 'syncPlatformUsage', entityId: date },
    });
    expect(audit?.details).toMatchObject({ trigger: 'schedule', processed: 10 });
    const second = await runScheduledUsageSync(deps(), scope);
    expect(second).toEqual({ status: 'ran', date, synced: [], failed: [], alreadySynced: 1 });
  });

  it('leaves the run to the instance that holds the advisory lock', async () => {
    let release = () => {};
    let acquired = () => {};
    const lockTaken = new Promise<void>((resolve) => {
      acquired = resolve;
    });
    const otherInstance = api.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS held FROM pg_advisory_xact_lock(hashtext('cop-os:usage-sync'))`;
      acquired();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    await lockTaken;
    const date = daysAgo(5);
    const outcome = await runScheduledUsageSync(deps(), { date, customerIds: [tenant.customer.id] });
    release();
    await otherInstance;
    expect(outcome).toEqual({ status: 'locked' });
    expect(await kpiRows([tenant.cop.id], date)).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateServiceToken } from '../src/auth/service-tokens.js';
import * as jobs from '../src/databricks/api/jobs.js';
import { PLATFORM_METRICS } from '../src/databricks/usage-query.js';
import { msUntilNextHour, runScheduledUsageSync } from '../src/usage-sync/scheduler.js';
import { addDays, isoDay, MAX_SYNC_DAYS, yesterday } from '../src/usage-sync/sync.js';
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

const sync = `mutation($customerId: ID!, $date: Date) { syncPlatformUsage(customerId: $customerId, date: $date) { from to processed copIds warnings } }`;
const syncRange = `mutation($customerId: ID!, $from: Date, $to: Date) { syncPlatformUsage(customerId: $customerId, from: $from, to: $to) { from to processed copIds } }`;
const setCollection = `mutation($id: ID!, $input: UsageCollectionInput!) { updateUsageCollection(integrationId: $id, input: $input) { usageCollection { enabled jobId schedule } } }`;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const kpiRows = (copIds: string[], date: string) =>
  api.prisma.kpiMetric.findMany({
    where: {
      copId: { in: copIds },
      metricDate: new Date(`${date}T00:00:00Z`),
      metricName: { in: [...PLATFORM_METRICS] },
    },
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
    expect(report).toMatchObject({ from: date, to: date, processed: 10, warnings: [] });
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
    expect(result.data?.syncPlatformUsage).toMatchObject({ from: yesterday(), to: yesterday(), processed: 10 });
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

describe('syncPlatformUsage over a range, and per-integration settings', () => {
  it('syncs a range of days in one statement per integration, every day of every mapped CoP', async () => {
    const sqlClient = api.deps.databricksGateway.registry.forIntegration(
      await api.prisma.integration.findUniqueOrThrow({ where: { id: integrationId } }),
    ).sql!;
    const before = sqlClient.statements;
    const result = await api.graphql(
      syncRange,
      { customerId: tenant.ids.customer, from: daysAgo(9), to: daysAgo(7) },
      admin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.syncPlatformUsage).toMatchObject({ from: daysAgo(9), to: daysAgo(7), processed: 30 });
    expect(sqlClient.statements - before).toBe(1);
    for (const day of [daysAgo(9), daysAgo(8), daysAgo(7)])
      expect(await kpiRows([tenant.cop.id, secondCop.id], day)).toHaveLength(10);
    const sources = await api.prisma.kpiMetric.groupBy({
      by: ['source'],
      where: { copId: tenant.cop.id },
      _count: true,
    });
    expect(sources.map((row) => row.source)).toEqual(['PLATFORM_SYNC']);
  });

  it('refuses a range longer than 90 days or upside down with BAD_USER_INPUT', async () => {
    const long = await api.graphql(
      syncRange,
      { customerId: tenant.ids.customer, from: daysAgo(100), to: daysAgo(1) },
      admin,
    );
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['from'] });
    const reversed = await api.graphql(
      syncRange,
      { customerId: tenant.ids.customer, from: daysAgo(2), to: daysAgo(3) },
      admin,
    );
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['from'] });
  });

  it('stores validated settings per integration; an integration with collection off is not read', async () => {
    const id = encodeGlobalID('Integration', integrationId);
    const bad = await api.graphql(
      setCollection,
      { id, input: { enabled: true, jobId: 'job-7', schedule: 'DAILY' } },
      admin,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const off = await api.graphql(setCollection, { id, input: { enabled: false, schedule: 'HOURLY' } }, admin);
    expect(off.data?.updateUsageCollection.usageCollection).toEqual({
      enabled: false,
      jobId: null,
      schedule: 'HOURLY',
    });
    const date = daysAgo(10);
    const result = await api.graphql(sync, { customerId: tenant.ids.customer, date }, admin);
    expect(result.data?.syncPlatformUsage).toMatchObject({ processed: 0, copIds: [] });
    expect(await kpiRows([tenant.cop.id], date)).toEqual([]);
    const analyst = await api.graphql(
      setCollection,
      { id, input: { enabled: true, schedule: 'DAILY' } },
      await api.tokenFor(tenant.users.ANALYST.id),
    );
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await api.graphql(setCollection, { id, input: { enabled: true, schedule: 'DAILY' } }, admin);
  });
});

describe('usage schedule', () => {
  const logged: { msg: string; customerId?: string }[] = [];
  const deps = () => ({
    prisma: api.prisma,
    registry: api.deps.databricksGateway.registry,
    log: pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) }),
  });
  const setSettings = (usageCollection: object) =>
    api.prisma.integration.update({ where: { id: integrationId }, data: { usageCollection } });
  /** A tick at 04:00 UTC today: yesterday is due. */
  const morning = () => new Date(`${isoDay(new Date())}T04:00:00Z`);

  it('ticks at every full hour', () => {
    expect(msUntilNextHour(new Date('2026-11-23T02:59:00Z'))).toBe(60_000);
    expect(msUntilNextHour(new Date('2026-11-23T03:00:00Z'))).toBe(3_600_000);
  });

  it('catches up every due day of the last 90 not synced yet in one read, then has nothing left to do', async () => {
    const scope = { now: morning(), customerIds: [tenant.customer.id] };
    const first = await runScheduledUsageSync(deps(), scope);
    const today = isoDay(new Date());
    expect(first).toMatchObject({
      status: 'ran',
      synced: [{ customerId: tenant.customer.id, from: addDays(today, -MAX_SYNC_DAYS), to: yesterday() }],
      failed: [],
    });
    expect(await kpiRows([tenant.cop.id, secondCop.id], addDays(today, -MAX_SYNC_DAYS))).toHaveLength(10);
    expect(await kpiRows([tenant.cop.id, secondCop.id], yesterday())).toHaveLength(10);
    expect(await kpiRows([tenant.cop.id], today)).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ metricName: 'DBU' })]),
    );
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: 'Synced platform usage', customerId: tenant.customer.id }),
    );
    const marks = await api.prisma.auditLog.count({
      where: { customerId: tenant.customer.id, action: 'syncPlatformUsage', entityType: 'UsageSyncDay' },
    });
    expect(marks).toBe(MAX_SYNC_DAYS);
    const second = await runScheduledUsageSync(deps(), scope);
    expect(second).toMatchObject({ status: 'ran', synced: [], failed: [] });
  });

  it('does not count yesterday as due before 03:00 UTC', async () => {
    await api.prisma.auditLog.deleteMany({
      where: { customerId: tenant.customer.id, entityType: 'UsageSyncDay', entityId: yesterday() },
    });
    const early = await runScheduledUsageSync(deps(), {
      now: new Date(`${isoDay(new Date())}T01:00:00Z`),
      customerIds: [tenant.customer.id],
    });
    expect(early).toMatchObject({ status: 'ran', synced: [] });
    const later = await runScheduledUsageSync(deps(), { now: morning(), customerIds: [tenant.customer.id] });
    expect(later).toMatchObject({ synced: [{ from: yesterday(), to: yesterday() }] });
  });

  it('refreshes today every hour for an HOURLY integration, and skips one whose collection is off', async () => {
    await setSettings({ enabled: true, jobId: null, schedule: 'HOURLY' });
    const today = isoDay(new Date());
    const hourly = await runScheduledUsageSync(deps(), { now: morning(), customerIds: [tenant.customer.id] });
    expect(hourly).toMatchObject({ synced: [{ customerId: tenant.customer.id, from: today, to: today }] });
    expect(await kpiRows([tenant.cop.id, secondCop.id], today)).toHaveLength(10);
    // Today is not over: it is never marked synced, so the next hour refreshes it again.
    expect(await api.prisma.auditLog.count({ where: { customerId: tenant.customer.id, entityId: today } })).toBe(0);
    await setSettings({ enabled: false, jobId: null, schedule: 'HOURLY' });
    const off = await runScheduledUsageSync(deps(), { now: morning(), customerIds: [tenant.customer.id] });
    expect(off).toMatchObject({ synced: [], jobsStarted: [] });
  });

  it('starts the integration’s own usage-collection job once per day instead of reading the system tables', async () => {
    const restOf = async () =>
      api.deps.databricksGateway.registry.forIntegration(
        await api.prisma.integration.findUniqueOrThrow({ where: { id: integrationId } }),
      ).rest;
    const job = (await jobs.listJobs(await restOf())).jobs.find(
      (candidate) => candidate.settings.name === 'CoP OS daily usage collection',
    );
    expect(job).toBeDefined();
    // Editing the integration replaces its connection: read through the current one afterwards.
    await setSettings({ enabled: true, jobId: String(job!.job_id), schedule: 'DAILY' });
    const rest = await restOf();
    await api.prisma.auditLog.deleteMany({
      where: { customerId: tenant.customer.id, entityType: 'UsageSyncDay', entityId: yesterday() },
    });
    const first = await runScheduledUsageSync(deps(), { now: morning(), customerIds: [tenant.customer.id] });
    expect(first).toMatchObject({ synced: [], jobsStarted: [{ integrationId }] });
    const run = await jobs.getRun(rest, first.status === 'ran' ? first.jobsStarted[0]!.runId : 0);
    expect(run.job_id).toBe(job!.job_id);
    const second = await runScheduledUsageSync(deps(), {
      now: new Date(morning().getTime() + 3_600_000),
      customerIds: [tenant.customer.id],
    });
    // The idempotency token names the day: Databricks answers the same run.
    expect(second).toMatchObject({ jobsStarted: [{ integrationId, runId: run.run_id }] });
    await setSettings({ enabled: true, jobId: null, schedule: 'DAILY' });
  });

  it('leaves the tick to the instance that holds the advisory lock', async () => {
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
    await api.prisma.auditLog.deleteMany({
      where: { customerId: tenant.customer.id, entityType: 'UsageSyncDay', entityId: daysAgo(5) },
    });
    await api.prisma.kpiMetric.deleteMany({
      where: { copId: tenant.cop.id, metricDate: new Date(`${daysAgo(5)}T00:00:00Z`) },
    });
    const outcome = await runScheduledUsageSync(deps(), { now: morning(), customerIds: [tenant.customer.id] });
    release();
    await otherInstance;
    expect(outcome).toEqual({ status: 'locked' });
    expect(await kpiRows([tenant.cop.id], daysAgo(5))).toEqual([]);
  });
});

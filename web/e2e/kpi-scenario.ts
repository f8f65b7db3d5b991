// KPIs against the system tables: the api's first usage tick syncs the seeded range (so the KPI charts and the live
// usage agree), and the dashboard counts active users over its range once per person.
import type { Page } from 'playwright-core';
import { check, log, PASSWORD } from './checks.js';

const PLATFORM_METRICS = ['DBU', 'ACTIVE_USERS', 'JOBS_RUN', 'QUERIES_EXECUTED', 'MODEL_REQUESTS'];
const FIRST_SYNC_TIMEOUT_MS = 60_000;

export async function graphql<T>(url: string, query: string, variables: object = {}, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export const signInAs = async (url: string, email: string) =>
  (
    await graphql<{ signIn: { token: string } }>(
      url,
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
      { e: email, p: PASSWORD },
    )
  ).signIn.token;

interface Point {
  date: string;
  value: number;
}
interface CopUsage {
  cop: {
    name: string;
    platformUsage: { activeUsers: number; series: { metric: string; points: Point[] }[] };
    kpiSeries: { metricName: string; points: Point[] }[];
  };
}

const usageQuery = `query($id: ID!, $names: [String!]!, $from: Date!, $to: Date!) { cop(id: $id) { name
  platformUsage { activeUsers series { metric points { date value } } }
  kpiSeries(metricNames: $names, from: $from, to: $to) { metricName points { date value } } } }`;

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Waits for the api's first usage tick (background, after "ready") and checks the KPIs it wrote. */
export async function firstUsageSyncScenario(url: string, copId: string): Promise<void> {
  const token = await signInAs(url, 'admin@copos.dev');
  // The last day the daily schedule syncs: yesterday from 03:00 UTC, the day before until then.
  const lastDay = isoDaysAgo(new Date().getUTCHours() >= 3 ? 1 : 2);
  const variables = { id: copId, names: PLATFORM_METRICS, from: isoDaysAgo(30), to: lastDay };
  const deadline = Date.now() + FIRST_SYNC_TIMEOUT_MS;
  let usage: CopUsage;
  for (;;) {
    usage = await graphql<CopUsage>(url, usageQuery, variables, token);
    const dbu = usage.cop.kpiSeries.find((series) => series.metricName === 'DBU')?.points ?? [];
    if (dbu.at(-1)?.date === lastDay) break;
    if (Date.now() > deadline) throw new Error('Check failed: the first usage tick never synced the seeded range');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  log(`the api's first usage tick synced the seeded range up to ${lastDay}`);
  const mismatches = PLATFORM_METRICS.flatMap((metric) => {
    const live = new Map(
      usage.cop.platformUsage.series.find((series) => series.metric === metric)?.points.map((p) => [p.date, p.value]),
    );
    const stored = usage.cop.kpiSeries.find((series) => series.metricName === metric)?.points ?? [];
    return stored
      .filter((point) => live.has(point.date) && Math.abs(point.value - (live.get(point.date) ?? 0)) > 1e-6)
      .map((point) => `${metric} ${point.date}: KPI ${point.value}, system tables ${live.get(point.date)}`);
  });
  check(
    mismatches.length === 0,
    `${usage.cop.name}: every platform KPI of the last 30 days equals the system tables${mismatches.length ? ` (${mismatches.join('; ')})` : ''}`,
  );
}

/** On a CoP dashboard: the active-users total is the distinct count of the range, not the sum of its days. */
export async function activeUsersTotalScenario(page: Page, url: string): Promise<void> {
  const copId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
  const token = await signInAs(url, 'admin@copos.dev');
  const { cop } = await graphql<CopUsage>(
    url,
    usageQuery,
    { id: copId, names: [], from: isoDaysAgo(1), to: isoDaysAgo(1) },
    token,
  );
  const daily = cop.platformUsage.series.find((series) => series.metric === 'ACTIVE_USERS')?.points ?? [];
  const sumOfDays = daily.reduce((sum, point) => sum + point.value, 0);
  const shown = await page.getByTestId('usage-total-ACTIVE_USERS').textContent();
  const [, digits] = /^([\d,]+) distinct over 30 days$/.exec(shown?.trim() ?? '') ?? [];
  const number = Number(digits?.replaceAll(',', ''));
  check(
    number === cop.platformUsage.activeUsers && number < sumOfDays,
    `the dashboard counts ${shown} (the distinct users of the range, not the ${sumOfDays} of the days added up)`,
  );
}

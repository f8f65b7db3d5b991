import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netPromoterScore } from '../src/surveys/nps.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
type Tenant = Awaited<ReturnType<typeof createTenant>>;
let tenant: Tenant;
let admin: string;
let editor: string;
let members: { id: string }[];
let outsider: { id: string };
let surveyId: string;
let npsQuestionId: string;

const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
const at = (day: string) => new Date(`${day}T12:00:00Z`);

const recompute = `mutation($copId: ID!, $from: Date, $to: Date) {
  recomputeKpis(copId: $copId, from: $from, to: $to) { from to mapRows npsRows } }`;

async function kpi(metricName: string, day: string) {
  return api.prisma.kpiMetric.findUnique({
    where: {
      copId_metricName_metricDate: { copId: tenant.cop.id, metricName, metricDate: new Date(`${day}T00:00:00Z`) },
    },
    select: { metricValue: true, source: true, metadata: true },
  });
}

async function person(label: string, member: boolean) {
  const user = await api.prisma.user.create({
    data: {
      email: `${randomUUID().slice(0, 8)}@kpi.test`,
      name: label,
      passwordHash: 'unused',
      customerId: tenant.customer.id,
    },
  });
  if (member) await api.prisma.membership.create({ data: { copId: tenant.cop.id, userId: user.id } });
  return user;
}

async function respond(userId: string, score: number, day: string) {
  await api.prisma.surveyResponse.create({
    data: {
      surveyId,
      respondentId: userId,
      submittedAt: at(day),
      answers: { create: [{ questionId: npsQuestionId, numberValue: score }] },
    },
  });
}

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'KPI computation');
  admin = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
  editor = await api.tokenFor(tenant.users.ANALYST.id);
  members = [];
  for (let i = 0; i < 5; i++) members.push(await person(`Member ${i}`, true));
  outsider = await person('Not a member', false);
  const survey = await api.prisma.survey.create({
    data: {
      copId: tenant.cop.id,
      title: 'Pulse',
      questions: { create: [{ position: 1, prompt: 'Recommend us?', type: 'NPS' }] },
    },
    include: { questions: true },
  });
  surveyId = survey.id;
  npsQuestionId = survey.questions[0]!.id;
});
afterAll(() => api.close());

describe('recorded activity', () => {
  it('records attendees of an event once each, only members, and lifts the attendance to at least their number', async () => {
    const event = await api.prisma.copEvent.create({
      data: {
        copId: tenant.cop.id,
        title: 'Workshop',
        kind: 'WORKSHOP',
        startsAt: at(daysAgo(10)),
        endsAt: at(daysAgo(10)),
        attendance: 1,
      },
    });
    const record = (userIds: string[], token = editor) =>
      api.graphql(
        `mutation($id: ID!, $userIds: [ID!]!) { recordEventAttendance(id: $id, userIds: $userIds) { attendance } }`,
        { id: encodeGlobalID('CopEvent', event.id), userIds: userIds.map((id) => encodeGlobalID('User', id)) },
        token,
      );
    const refused = await record([members[0]!.id, outsider.id]);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['userIds'] });
    expect(await api.prisma.memberActivity.count({ where: { entityId: event.id } })).toBe(0);
    const first = await record([members[0]!.id, members[1]!.id]);
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordEventAttendance.attendance).toBe(2);
    const again = await record([members[1]!.id]);
    expect(again.data?.recordEventAttendance.attendance).toBe(2);
    const other = await createTenant(api.prisma, 'Other KPI');
    const intruder = await record([members[2]!.id], await api.tokenFor(other.users.CUSTOMER_ADMIN.id));
    expect(intruder.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('records a member’s content view as activity of today, once per day', async () => {
    const asset = await api.prisma.contentAsset.create({
      data: { copId: tenant.cop.id, title: 'Guide', url: 'https://example.test/g', assetType: 'DOC' },
    });
    const view = async () =>
      api.graphql(
        `mutation($id: ID!) { recordContentView(id: $id) { views } }`,
        { id: encodeGlobalID('ContentAsset', asset.id) },
        await api.tokenFor(members[2]!.id),
      );
    await view();
    const second = await view();
    expect(second.data?.recordContentView.views).toBe(2);
    const rows = await api.prisma.memberActivity.findMany({ where: { entityId: asset.id } });
    expect(rows.map((row) => [row.userId, row.kind, row.day.toISOString().slice(0, 10)])).toEqual([
      [members[2]!.id, 'CONTENT_VIEW', today()],
    ]);
  });
});

describe('recomputeKpis', () => {
  beforeAll(async () => {
    // Member 3 posted 40 days ago (outside today's 30-day window), member 4 answered the survey 5 days ago, and
    // the outsider is active but no member.
    await api.prisma.discussion.create({
      data: {
        copId: tenant.cop.id,
        authorId: members[3]!.id,
        title: 'Old thread',
        body: '…',
        createdAt: at(daysAgo(40)),
      },
    });
    await api.prisma.discussion.create({
      data: { copId: tenant.cop.id, authorId: outsider.id, title: 'Drive-by', body: '…', createdAt: at(daysAgo(1)) },
    });
    await respond(members[4]!.id, 10, daysAgo(5));
    await respond(members[0]!.id, 9, daysAgo(20));
    await respond(members[1]!.id, 3, daysAgo(100));
    await respond(tenant.users.MEMBER.id, 7, daysAgo(2));
  });

  it('computes MAP as distinct members active in the 30 days up to each day, in one statement per KPI', async () => {
    api.counter.statements = 0;
    const result = await api.graphql(recompute, { copId: tenant.ids.cop, from: daysAgo(45), to: today() }, admin);
    expect(result.errors).toBeUndefined();
    // Viewer, tenant check, MAP, NPS and the audit row: the same for 5 members as for 5,000.
    expect(api.counter.statements).toBeLessThanOrEqual(5);
    expect(result.data?.recomputeKpis).toMatchObject({ from: daysAgo(45), to: today(), mapRows: 46 });
    // Today: members 0 and 1 (event, 10 days ago), 2 (view, today), 4 and MEMBER (survey): member 3 is too old.
    expect(await kpi('MAP', today())).toMatchObject({
      metricValue: 5,
      source: 'COMPUTED',
      metadata: { windowDays: 30 },
    });
    // 12 days ago: member 3's post (40 days ago) is in the window, and member 0's answer (20 days ago).
    expect((await kpi('MAP', daysAgo(12)))?.metricValue).toBe(2);
    expect((await kpi('MAP', daysAgo(45)))?.metricValue).toBe(0);
  });

  it('computes NPS from the answers of the 90 days up to each day, and no NPS for days without answers', async () => {
    // Today's window holds 10, 9 and 7 (the 3 is 100 days old): two promoters of three → +66.7.
    const expected = netPromoterScore({ promoters: 2, detractors: 0, total: 3 })!;
    expect((await kpi('NPS', today()))?.metricValue).toBeCloseTo(expected, 1);
    expect(await kpi('NPS', today())).toMatchObject({ source: 'COMPUTED', metadata: { windowDays: 90, answers: 3 } });
    // 15 days ago: the 9 (20 days ago) and the 3 (100 days ago, 85 days before then): one promoter, one detractor.
    expect((await kpi('NPS', daysAgo(15)))?.metricValue).toBe(0);
  });

  it('keeps a MANUAL value and replaces the computed ones when the records change', async () => {
    const manual = await api.graphql(
      `mutation($copId: ID!, $day: Date!) { upsertKpi(input: { copId: $copId, metricName: "MAP", metricDate: $day, metricValue: 42 }) { metricValue source } }`,
      { copId: tenant.ids.cop, day: daysAgo(1) },
      editor,
    );
    expect(manual.data?.upsertKpi).toEqual({ metricValue: 42, source: 'MANUAL' });
    await api.prisma.surveyResponse.deleteMany({ where: { surveyId } });
    const again = await api.graphql(recompute, { copId: tenant.ids.cop, from: daysAgo(45), to: today() }, admin);
    expect(again.errors).toBeUndefined();
    expect(await kpi('MAP', daysAgo(1))).toMatchObject({ metricValue: 42, source: 'MANUAL' });
    // Without the survey answers: members 0, 1 and 2 remain active today; no NPS is left to compute.
    expect((await kpi('MAP', today()))?.metricValue).toBe(3);
    expect(await kpi('NPS', today())).toBeNull();
    const series = await api.graphql(
      `query($id: ID!) { cop(id: $id) { kpis(metricName: "MAP", last: 2) { nodes { metricValue source } } } }`,
      { id: tenant.ids.cop },
      editor,
    );
    expect(series.data?.cop.kpis.nodes).toEqual([
      { metricValue: 42, source: 'MANUAL' },
      { metricValue: 3, source: 'COMPUTED' },
    ]);
  });

  it('is for admins of the CoP’s own customer: FORBIDDEN for editors, NOT_FOUND for another tenant', async () => {
    const asEditor = await api.graphql(recompute, { copId: tenant.ids.cop }, editor);
    expect(asEditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await createTenant(api.prisma, 'Other recompute');
    const intruder = await api.graphql(
      recompute,
      { copId: tenant.ids.cop },
      await api.tokenFor(other.users.CUSTOMER_ADMIN.id),
    );
    expect(intruder.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const tooLong = await api.graphql(recompute, { copId: tenant.ids.cop, from: daysAgo(400), to: today() }, admin);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['from'] });
  });
});

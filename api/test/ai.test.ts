import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectEmulator } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const WORKSPACE = '1444828305810485';
const DAY_MS = 86_400_000;
const api = createTestApi();
const emulator = testEmulator();
type Tenant = Awaited<ReturnType<typeof createTenant>>;

/** Model invocations the emulator received since its stats were last reset. */
const invocations = () => emulator.callsTo('POST /serving-endpoints/:name/invocations');

const ADVICE_FIELDS = `model generatedAt expiresAt isExpired summary
  nextSessions { title rationale format } contentToPrioritize { title reason }
  championsToRecognize { name reason } roadmap { phase milestone timeframe }`;
const generateAdvice = `mutation($copId: ID!, $refresh: Boolean) { generateCopAdvice(copId: $copId, refresh: $refresh) { ${ADVICE_FIELDS} } }`;
const copAdvice = `query($id: ID!) { cop(id: $id) { advice { summary generatedAt isExpired model } } }`;
const SUMMARY_FIELDS = `model generatedAt expiresAt isExpired workingWell opportunities topActions responseCount nps
  themes { theme count sentiment }`;
const summarize = `mutation($surveyId: ID!, $refresh: Boolean) { summarizeSurvey(surveyId: $surveyId, refresh: $refresh) { ${SUMMARY_FIELDS} } }`;

const utcToday = () => new Date(new Date().toISOString().slice(0, 10));
const daysAgo = (days: number) => new Date(utcToday().getTime() - days * DAY_MS);

async function newUser(tenant: Tenant, name: string) {
  return api.prisma.user.create({
    data: {
      email: `${randomUUID().slice(0, 8)}@example.test`,
      name,
      passwordHash: 'unused',
      customerId: tenant.customer.id,
    },
  });
}

/**
 * A CoP whose signals trigger known advisor rules: NPS 10 (feedback session), DBUs halving between the first and
 * the last week (hands-on workshop), 3 of 10 members active (office hours), a stalled use case, a very active
 * member who is not yet a champion.
 */
async function seedStrugglingCop(tenant: Tenant) {
  const copId = tenant.cop.id;
  const members = await Promise.all(
    Array.from({ length: 9 }, (_, i) => newUser(tenant, `Member ${i} ${randomUUID().slice(0, 4)}`)),
  );
  await api.prisma.membership.createMany({ data: members.map((user) => ({ copId, userId: user.id })) });
  const [candidate, occasional] = members as [(typeof members)[0], (typeof members)[0]];
  const champion = await api.prisma.user.findUniqueOrThrow({ where: { id: tenant.users.ANALYST.id } });
  await api.prisma.champion.create({ data: { copId, userId: champion.id, reason: 'Runs the office hours' } });
  const discussion = await api.prisma.discussion.create({
    data: { copId, authorId: candidate.id, title: 'Autoloader tips', body: '…' },
  });
  await api.prisma.discussion.create({ data: { copId, authorId: candidate.id, title: 'DLT or jobs?', body: '…' } });
  await api.prisma.discussion.create({
    data: { copId, authorId: champion.id, title: 'Office hours notes', body: '…' },
  });
  await api.prisma.discussionReply.create({
    data: { discussionId: discussion.id, authorId: candidate.id, body: 'Also this' },
  });
  await api.prisma.discussionReply.create({
    data: { discussionId: discussion.id, authorId: occasional.id, body: 'Thanks' },
  });
  await api.prisma.contentAsset.createMany({
    data: [
      {
        copId,
        title: 'Delta Lake 101',
        url: 'https://example.test/delta',
        assetType: 'DOC',
        views: 300,
        createdById: candidate.id,
      },
      { copId, title: 'Unity Catalog guide', url: 'https://example.test/uc', assetType: 'DOC', views: 120 },
    ],
  });
  const kickoff = await api.prisma.copEvent.create({
    data: { copId, title: 'Kickoff', kind: 'MEETUP', startsAt: daysAgo(20), endsAt: daysAgo(20), attendance: 25 },
  });
  // A recognized champion who only attends: no contributions, so never proposed, however much they attend.
  const listener = await newUser(tenant, `Listener ${randomUUID().slice(0, 4)}`);
  await api.prisma.champion.create({ data: { copId, userId: listener.id, reason: 'Always there' } });
  await api.prisma.memberActivity.createMany({
    data: [candidate, listener].map((user) => ({
      copId,
      userId: user.id,
      kind: 'EVENT_ATTENDANCE' as const,
      entityId: kickoff.id,
      day: daysAgo(20),
    })),
  });
  await api.prisma.useCase.create({
    data: { copId, title: 'Claims triage model', problem: 'Manual triage', status: 'ON_HOLD' },
  });
  const dbu = Array.from({ length: 30 }, (_, i) => {
    const ago = 30 - i;
    return { copId, metricName: 'DBU', metricDate: daysAgo(ago), metricValue: ago >= 24 ? 100 : ago <= 7 ? 50 : 75 };
  });
  await api.prisma.kpiMetric.createMany({
    data: [
      ...dbu,
      { copId, metricName: 'NPS', metricDate: daysAgo(60), metricValue: 80 },
      { copId, metricName: 'NPS', metricDate: daysAgo(2), metricValue: 10 },
      { copId, metricName: 'MAP', metricDate: daysAgo(60), metricValue: 9 },
      { copId, metricName: 'MAP', metricDate: daysAgo(2), metricValue: 3 },
    ],
  });
  return { candidate, champion };
}

/** A tenant whose CoP has a workspace mapping on the emulator (its own integration, so faults stay local). */
async function connectedTenant(label: string, config = {}) {
  const tenant = await createTenant(api.prisma, label);
  const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: WORKSPACE, copId: tenant.cop.id }],
    config,
  });
  return { tenant, integration, editor: await api.tokenFor(tenant.users.DATA_ENGINEER.id) };
}

const storedSummaries = (entityId: string) => api.prisma.aiSummary.count({ where: { entityId } });

afterEach(() => emulator.clearFaults());
afterAll(() => api.close());

describe('AI advisor', () => {
  let tenant: Tenant;
  let editor: string;
  let people: Awaited<ReturnType<typeof seedStrugglingCop>>;

  beforeAll(async () => {
    ({ tenant, editor } = await connectedTenant('Advisor'));
    people = await seedStrugglingCop(tenant);
  });

  it('recommends a feedback session first for a CoP with NPS 10, from the CoP’s own signals', async () => {
    await emulator.resetStats();
    const result = await api.graphql(generateAdvice, { copId: tenant.ids.cop }, editor);
    expect(result.errors).toBeUndefined();
    const advice = result.data?.generateCopAdvice;
    expect(advice.nextSessions.map((session: { format: string }) => session.format)).toEqual([
      'feedback session',
      'hands-on workshop',
      'office hours',
    ]);
    expect(advice.nextSessions[0].rationale).toContain('NPS is 10');
    expect(advice.summary).toContain('Adoption-phase CoP in Insurance (10 members, NPS 10, DBU trend -50%)');
    expect(advice.contentToPrioritize[0].title).toBe('Delta Lake 101');
    expect(advice.championsToRecognize.map((c: { name: string }) => c.name)).toEqual([
      people.candidate.name,
      people.champion.name,
    ]);
    expect(advice.championsToRecognize[0].reason).toBe(
      '4 contributions to the community, 1 event attended, 1 content item authored.',
    );
    expect(advice.roadmap).toEqual([
      expect.objectContaining({ phase: 'Adoption', timeframe: 'Month 1 (next 30 days)' }),
      expect.objectContaining({ phase: 'Adoption', timeframe: 'Month 2 (days 31–60)' }),
      expect.objectContaining({ phase: 'Adoption', timeframe: 'Month 3 (days 61–90)' }),
    ]);
    expect(advice).toMatchObject({ model: 'cop_advisor', isExpired: false });
    expect(new Date(advice.expiresAt).getTime() - new Date(advice.generatedAt).getTime()).toBe(7 * DAY_MS);
    expect(await invocations()).toBe(1);
    const row = await api.prisma.aiSummary.findUniqueOrThrow({
      where: {
        entityType_entityId_summaryType: { entityType: 'Cop', entityId: tenant.cop.id, summaryType: 'COP_ADVICE' },
      },
    });
    expect(row.customerId).toBe(tenant.customer.id);
  });

  it('answers a second request from the cache without calling the model', async () => {
    const first = await api.graphql(copAdvice, { id: tenant.ids.cop }, editor);
    await emulator.resetStats();
    const again = await api.graphql(generateAdvice, { copId: tenant.ids.cop }, editor);
    expect(again.errors).toBeUndefined();
    expect(await invocations()).toBe(0);
    expect(again.data?.generateCopAdvice.generatedAt).toBe(first.data?.cop.advice.generatedAt);
  });

  it('keeps the advice through small changes and asks again when the CoP changes materially', async () => {
    const first = await api.graphql(copAdvice, { id: tenant.ids.cop }, editor);
    await emulator.resetStats();
    // A few more views and a reply move no signal that matters.
    await api.prisma.contentAsset.updateMany({ where: { copId: tenant.cop.id }, data: { views: { increment: 3 } } });
    const small = await api.graphql(generateAdvice, { copId: tenant.ids.cop }, editor);
    expect(small.data?.generateCopAdvice.generatedAt).toBe(first.data?.cop.advice.generatedAt);
    expect(await invocations()).toBe(0);
    // The stalled use case moving on is material: the clinic it called for is no longer the right advice.
    await api.prisma.useCase.updateMany({ where: { copId: tenant.cop.id }, data: { status: 'IN_PROGRESS' } });
    const changed = await api.graphql(generateAdvice, { copId: tenant.ids.cop }, editor);
    expect(changed.errors).toBeUndefined();
    expect(await invocations()).toBe(1);
    expect(new Date(changed.data?.generateCopAdvice.generatedAt).getTime()).toBeGreaterThan(
      new Date(first.data?.cop.advice.generatedAt).getTime(),
    );
    await api.prisma.useCase.updateMany({ where: { copId: tenant.cop.id }, data: { status: 'ON_HOLD' } });
  });

  it('asks the model again on refresh and replaces the cached advice', async () => {
    const before = await api.graphql(copAdvice, { id: tenant.ids.cop }, editor);
    await emulator.resetStats();
    const refreshed = await api.graphql(generateAdvice, { copId: tenant.ids.cop, refresh: true }, editor);
    expect(refreshed.errors).toBeUndefined();
    expect(await invocations()).toBe(1);
    const after = await api.graphql(copAdvice, { id: tenant.ids.cop }, editor);
    expect(new Date(after.data?.cop.advice.generatedAt).getTime()).toBeGreaterThan(
      new Date(before.data?.cop.advice.generatedAt).getTime(),
    );
    expect(await storedSummaries(tenant.cop.id)).toBe(1);
  });

  it('asks the model again once the cached advice has expired, and Cop.advice says it expired', async () => {
    await api.prisma.aiSummary.updateMany({
      where: { entityId: tenant.cop.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await api.graphql(copAdvice, { id: tenant.ids.cop }, editor);
    expect(expired.data?.cop.advice.isExpired).toBe(true);
    await emulator.resetStats();
    const result = await api.graphql(generateAdvice, { copId: tenant.ids.cop }, editor);
    expect(result.data?.generateCopAdvice.isExpired).toBe(false);
    expect(await invocations()).toBe(1);
  });

  it('lets the CoP’s lead ask but refuses a plain member with FORBIDDEN', async () => {
    const member = await api.tokenFor(tenant.users.MEMBER.id);
    const refused = await api.graphql(generateAdvice, { copId: tenant.ids.cop }, member);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await api.prisma.membership.updateMany({
      where: { copId: tenant.cop.id, userId: tenant.users.MEMBER.id },
      data: { role: 'LEAD' },
    });
    const asLead = await api.graphql(generateAdvice, { copId: tenant.ids.cop }, member);
    expect(asLead.errors).toBeUndefined();
    expect(asLead.data?.generateCopAdvice.summary).toContain('NPS 10');
  });

  it('rejects an id that is not a CoP’s and neither asks the model nor stores anything', async () => {
    const before = await api.prisma.aiSummary.findFirstOrThrow({ where: { entityId: tenant.cop.id } });
    await emulator.resetStats();
    const result = await api.graphql(
      generateAdvice,
      { copId: encodeGlobalID('Survey', tenant.cop.id), refresh: true },
      editor,
    );
    // The relay plugin refuses the id before the resolver runs (its error carries no code, as for every mutation).
    expect(result.errors?.[0]?.message).toMatch(/is not of type: Cop/);
    expect(await invocations()).toBe(0);
    expect(await api.prisma.aiSummary.findFirstOrThrow({ where: { entityId: tenant.cop.id } })).toEqual(before);
  });

  it('reads a busy CoP’s context with as many SQL statements as an empty one’s', async () => {
    const statementsFor = async (copId: string, token: string) => {
      // Both viewers known beforehand (authentication then costs no statement), so the counts compare the reads.
      await api.graphql('{ viewer { kind } }', {}, token);
      api.counter.statements = 0;
      const result = await api.graphql(generateAdvice, { copId, refresh: true }, token);
      expect(result.errors).toBeUndefined();
      return api.counter.statements;
    };
    const quiet = await connectedTenant('Advisor quiet');
    const busy = await statementsFor(tenant.ids.cop, editor);
    expect(busy).toBe(await statementsFor(quiet.tenant.ids.cop, quiet.editor));
    console.log('STATEMENTS', busy);
    expect(busy).toBeLessThanOrEqual(16);
  });

  it('returns null advice for a CoP nobody asked about yet', async () => {
    const fresh = await api.prisma.cop.create({
      data: { customerId: tenant.customer.id, name: `Quiet ${randomUUID()}`, startDate: new Date() },
    });
    const result = await api.graphql(copAdvice, { id: encodeGlobalID('Cop', fresh.id) }, editor);
    expect(result.errors).toBeUndefined();
    expect(result.data?.cop.advice).toBeNull();
  });
});

describe('AI advisor when the model fails', () => {
  it('reports DATABRICKS_UNAVAILABLE on 503 and keeps serving the previous advice from Cop.advice', async () => {
    const { tenant, editor } = await connectedTenant('Advisor down');
    const first = await api.graphql(generateAdvice, { copId: tenant.ids.cop }, editor);
    expect(first.errors).toBeUndefined();
    await emulator.injectFaults([{ kind: 'error', status: 503, pathPrefix: '/serving-endpoints/' }]);
    const failed = await api.graphql(generateAdvice, { copId: tenant.ids.cop, refresh: true }, editor);
    expect(failed.data).toBeNull();
    expect(failed.errors?.[0]?.extensions?.code).toBe('DATABRICKS_UNAVAILABLE');
    const cached = await api.graphql(copAdvice, { id: tenant.ids.cop }, editor);
    expect(cached.data?.cop.advice).toMatchObject({
      summary: first.data?.generateCopAdvice.summary,
      generatedAt: first.data?.generateCopAdvice.generatedAt,
    });
  });

  it('refuses an answer that is not the expected JSON with AI_BAD_RESPONSE and stores nothing', async () => {
    // Endpoints created through the API answer with an echo of the prompt: a model answering garbage.
    const name = `echo_${randomUUID().slice(0, 8)}`;
    await request(`${emulator.url}/api/2.0/serving-endpoints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name,
        config: { served_entities: [{ entity_name: 'main.models.echo', entity_version: '1' }] },
      }),
    }).then((response) => response.body.json());
    const { tenant, editor } = await connectedTenant('Advisor garbage', { servingEndpoints: { advisor: name } });
    const result = await api.graphql(generateAdvice, { copId: tenant.ids.cop }, editor);
    expect(result.errors?.[0]?.extensions?.code).toBe('AI_BAD_RESPONSE');
    expect(result.errors?.[0]?.message).toContain(name);
    expect(await storedSummaries(tenant.cop.id)).toBe(0);
  });

  it('uses the customer’s Databricks integration for a CoP without a workspace mapping', async () => {
    const tenant = await createTenant(api.prisma, 'Unmapped');
    await connectEmulator(api.prisma, api.deps.secretBox, { customerId: tenant.customer.id, mappings: [] });
    const result = await api.graphql(
      generateAdvice,
      { copId: tenant.ids.cop },
      await api.tokenFor(tenant.users.ANALYST.id),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.generateCopAdvice.model).toBe('cop_advisor');
  });

  it('says NOT_FOUND when the customer has no Databricks integration', async () => {
    const tenant = await createTenant(api.prisma, 'Offline');
    const result = await api.graphql(
      generateAdvice,
      { copId: tenant.ids.cop },
      await api.tokenFor(tenant.users.ANALYST.id),
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NO_DATABRICKS_INTEGRATION' });
  });
});

describe('survey summarizer', () => {
  let tenant: Tenant;
  let editor: string;
  let surveyId: string;
  let freeText: string;
  let nps: string;

  const ANSWERS = [
    { score: 10, text: 'The hands-on workshops are great and very practical.' },
    { score: 9, text: 'Sessions are too long and the time zone is hard for APAC.' },
    { score: 4, text: 'Would love more demos of real use cases.' },
    { score: 8, text: 'The workshop notebooks were useful.' },
  ];

  async function respond(score: number, text?: string) {
    const user = await newUser(tenant, `Respondent ${randomUUID().slice(0, 4)}`);
    await api.prisma.surveyResponse.create({
      data: {
        surveyId,
        respondentId: user.id,
        answers: {
          create: [
            { questionId: nps, numberValue: score },
            ...(text ? [{ questionId: freeText, textValue: text }] : []),
          ],
        },
      },
    });
  }

  beforeAll(async () => {
    ({ tenant, editor } = await connectedTenant('Summarizer'));
    const survey = await api.prisma.survey.create({
      data: {
        copId: tenant.cop.id,
        title: 'Quarterly pulse',
        questions: {
          create: [
            { position: 1, prompt: 'How likely are you to recommend the CoP?', type: 'NPS' },
            { position: 2, prompt: 'What should we change?', type: 'FREE_TEXT' },
          ],
        },
      },
      include: { questions: true },
    });
    surveyId = survey.id;
    nps = survey.questions.find((q) => q.type === 'NPS')!.id;
    freeText = survey.questions.find((q) => q.type === 'FREE_TEXT')!.id;
  });

  it('gives a survey without free-text answers an empty summary, not an error, and asks no model', async () => {
    await respond(7);
    await emulator.resetStats();
    const result = await api.graphql(summarize, { surveyId: encodeGlobalID('Survey', surveyId) }, editor);
    expect(result.errors).toBeUndefined();
    expect(result.data?.summarizeSurvey).toMatchObject({
      workingWell: [],
      opportunities: [],
      topActions: [],
      themes: [],
      responseCount: 1,
      nps: 0,
      model: 'none',
    });
    expect(await invocations()).toBe(0);
    // Kept like any answer: the next free-text response makes it stale (the response count changes).
    expect(await storedSummaries(surveyId)).toBe(1);
  });

  it('summarizes the free-text answers into what works, opportunities, actions and themes', async () => {
    for (const answer of ANSWERS) await respond(answer.score, answer.text);
    const result = await api.graphql(summarize, { surveyId: encodeGlobalID('Survey', surveyId) }, editor);
    expect(result.errors).toBeUndefined();
    const summary = result.data?.summarizeSurvey;
    expect(summary.workingWell[0]).toMatch(/^Hands-on labs and workshops: "/);
    expect(summary.topActions).toContain(
      'Move sessions to a slot that suits every time zone and keep them under 45 minutes.',
    );
    expect(summary.themes).toContainEqual({ theme: 'Hands-on labs and workshops', count: 2, sentiment: 'positive' });
    // NPS answers 7, 10, 9, 4, 8: two promoters, one detractor of five → 20.
    expect(summary).toMatchObject({ responseCount: 5, nps: 20, model: 'survey_summarizer', isExpired: false });
  });

  it('serves Survey.summary and a second call from the cache, and asks again when a response arrives', async () => {
    const id = encodeGlobalID('Survey', surveyId);
    await emulator.resetStats();
    const cached = await api.graphql(summarize, { surveyId: id }, editor);
    const read = await api.graphql(
      `query($id: ID!) { survey(id: $id) { summary { responseCount generatedAt } } }`,
      { id },
      editor,
    );
    expect(await invocations()).toBe(0);
    expect(read.data?.survey.summary).toEqual({
      responseCount: 5,
      generatedAt: cached.data?.summarizeSurvey.generatedAt,
    });
    await respond(10, 'More office hours with an expert please.');
    const updated = await api.graphql(summarize, { surveyId: id }, editor);
    expect(await invocations()).toBe(1);
    expect(updated.data?.summarizeSurvey.responseCount).toBe(6);
    await api.graphql(summarize, { surveyId: id, refresh: true }, editor);
    expect(await invocations()).toBe(2);
  });

  it('shows the summary, which quotes members, to editors and the CoP’s leads only', async () => {
    const read = (token: string) =>
      api.graphql(
        `query($id: ID!) { survey(id: $id) { title summary { topActions } } }`,
        { id: encodeGlobalID('Survey', surveyId) },
        token,
      );
    const member = await api.tokenFor(tenant.users.MEMBER.id);
    const asMember = await read(member);
    expect(asMember.data?.survey).toEqual({ title: 'Quarterly pulse', summary: null });
    await api.prisma.membership.updateMany({
      where: { copId: tenant.cop.id, userId: tenant.users.MEMBER.id },
      data: { role: 'LEAD' },
    });
    const asLead = await read(member);
    expect(asLead.data?.survey.summary.topActions.length).toBeGreaterThan(0);
  });

  it('hides summaries and advice from another tenant and refuses to generate them', async () => {
    const other = await createTenant(api.prisma, 'Intruder');
    const intruder = await api.tokenFor(other.users.CUSTOMER_ADMIN.id);
    const surveyGlobalId = encodeGlobalID('Survey', surveyId);
    await emulator.resetStats();
    const generate = await api.graphql(generateAdvice, { copId: tenant.ids.cop }, intruder);
    expect(generate.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const summary = await api.graphql(summarize, { surveyId: surveyGlobalId }, intruder);
    expect(summary.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await invocations()).toBe(0);
    const read = await api.graphql(
      `query($cop: ID!, $survey: ID!) {
         cop(id: $cop) { advice { summary } }
         copNode: node(id: $cop) { ... on Cop { advice { summary } } }
         surveyNode: node(id: $survey) { ... on Survey { summary { topActions } } }
       }`,
      { cop: tenant.ids.cop, survey: surveyGlobalId },
      intruder,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ cop: null, copNode: null, surveyNode: null });
  });
});

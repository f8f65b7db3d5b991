import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
type Tenant = Awaited<ReturnType<typeof createTenant>>;
let tenant: Tenant;
let editorToken: string;

const createSurvey = `mutation($input: CreateSurveyInput!) {
  createSurvey(input: $input) { id title isOpen cop { id } questions { id prompt type choices required position } }
}`;
const submit = `mutation($input: SubmitSurveyResponseInput!) {
  submitSurveyResponse(input: $input) { id respondent { id } answers { numberValue textValue question { position } } }
}`;

const QUESTIONS = [
  { prompt: 'How likely are you to recommend this CoP?', type: 'NPS', required: true },
  { prompt: 'How useful was the last session?', type: 'RATING' },
  { prompt: 'Which format do you prefer?', type: 'CHOICE', choices: ['Workshop', 'Office hours'] },
  { prompt: 'What should we do next?', type: 'FREE_TEXT' },
];

interface CreatedSurvey {
  id: string;
  questions: Array<{ id: string; type: string }>;
}

async function newSurvey(copId = tenant.ids.cop, token = editorToken): Promise<CreatedSurvey> {
  const result = await api.graphql(
    createSurvey,
    { input: { copId, title: `Pulse ${randomUUID().slice(0, 6)}`, questions: QUESTIONS } },
    token,
  );
  if (!result.data?.createSurvey) throw new Error(JSON.stringify(result.errors));
  return result.data.createSurvey;
}

const questionOf = (survey: CreatedSurvey, type: string) => survey.questions.find((q) => q.type === type)?.id;

/** People of the tenant who are members of its CoP, each with a token. */
async function addMembers(count: number) {
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const user = await api.prisma.user.create({
        data: {
          email: `respondent-${index}-${randomUUID().slice(0, 8)}@example.test`,
          name: `Respondent ${index}`,
          passwordHash: 'unused',
          customerId: tenant.customer.id,
        },
      });
      await api.prisma.membership.create({ data: { copId: tenant.cop.id, userId: user.id } });
      return { user, token: await api.tokenFor(user.id) };
    }),
  );
}

const responseRows = (surveyId: string) =>
  Promise.all([
    api.prisma.surveyResponse.count({ where: { surveyId: decodeId(surveyId) } }),
    api.prisma.surveyAnswer.count({ where: { response: { surveyId: decodeId(surveyId) } } }),
  ]);

const decodeId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1] ?? '';

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Survey');
  editorToken = await api.tokenFor(tenant.users.ANALYST.id);
});
afterAll(() => api.close());

describe('createSurvey', () => {
  it('creates the questions in order with positions from 1 and lists the survey on its CoP', async () => {
    const result = await api.graphql(
      createSurvey,
      { input: { copId: tenant.ids.cop, title: 'Quarterly pulse', questions: QUESTIONS } },
      editorToken,
    );
    const survey = result.data?.createSurvey;
    expect(survey).toMatchObject({ title: 'Quarterly pulse', isOpen: true, cop: { id: tenant.ids.cop } });
    expect(survey.questions.map((q: { type: string; position: number }) => [q.type, q.position])).toEqual([
      ['NPS', 1],
      ['RATING', 2],
      ['CHOICE', 3],
      ['FREE_TEXT', 4],
    ]);
    expect(survey.questions[0].required).toBe(true);
    expect(survey.questions[2].choices).toEqual(['Workshop', 'Office hours']);

    const listed = await api.graphql(
      `query($id: ID!) { cop(id: $id) { surveys(isOpen: true) { totalCount nodes { id } } } }`,
      { id: tenant.ids.cop },
      editorToken,
    );
    expect(listed.data?.cop.surveys.nodes.map((node: { id: string }) => node.id)).toContain(survey.id);
  });

  it.each([
    ['a CHOICE question with one choice', [{ prompt: 'Pick one', type: 'CHOICE', choices: ['Only'] }]],
    ['choices on a RATING question', [{ prompt: 'Rate us', type: 'RATING', choices: ['a', 'b'] }]],
    ['no questions', []],
  ])('rejects %s with BAD_USER_INPUT and creates nothing', async (_label, questions) => {
    const before = await api.prisma.survey.count({ where: { copId: tenant.cop.id } });
    const result = await api.graphql(
      createSurvey,
      { input: { copId: tenant.ids.cop, title: 'Broken survey', questions } },
      editorToken,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await api.prisma.survey.count({ where: { copId: tenant.cop.id } })).toBe(before);
  });

  it('does not let a member create a survey', async () => {
    const result = await api.graphql(
      createSurvey,
      { input: { copId: tenant.ids.cop, title: 'Member survey', questions: QUESTIONS } },
      await api.tokenFor(tenant.users.MEMBER.id),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('updateSurvey and deleteSurvey', () => {
  const update = `mutation($id: ID!, $input: UpdateSurveyInput!) { updateSurvey(id: $id, input: $input) { title isOpen } }`;

  it('closes and renames a survey', async () => {
    const survey = await newSurvey();
    const result = await api.graphql(
      update,
      { id: survey.id, input: { isOpen: false, title: 'Closed pulse' } },
      editorToken,
    );
    expect(result.data?.updateSurvey).toEqual({ title: 'Closed pulse', isOpen: false });
  });

  it('rejects a one-letter title with BAD_USER_INPUT and keeps the old one', async () => {
    const survey = await newSurvey();
    const result = await api.graphql(update, { id: survey.id, input: { title: 'X' } }, editorToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const row = await api.prisma.survey.findUniqueOrThrow({ where: { id: decodeId(survey.id) } });
    expect(row.title).not.toBe('X');
  });

  it('deletes a survey with its questions, then answers NOT_FOUND for it', async () => {
    const survey = await newSurvey();
    const remove = `mutation($id: ID!) { deleteSurvey(id: $id) }`;
    expect((await api.graphql(remove, { id: survey.id }, editorToken)).data?.deleteSurvey).toBe(survey.id);
    expect(await api.prisma.surveyQuestion.count({ where: { surveyId: decodeId(survey.id) } })).toBe(0);
    const again = await api.graphql(remove, { id: survey.id }, editorToken);
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('submitSurveyResponse', () => {
  it('stores a complete response for a member', async () => {
    const survey = await newSurvey();
    const memberToken = await api.tokenFor(tenant.users.MEMBER.id);
    const answers = [
      { questionId: questionOf(survey, 'FREE_TEXT'), textValue: 'More MLflow sessions' },
      { questionId: questionOf(survey, 'NPS'), numberValue: 9 },
      { questionId: questionOf(survey, 'CHOICE'), textValue: 'Workshop' },
      { questionId: questionOf(survey, 'RATING'), numberValue: 4 },
    ];
    const result = await api.graphql(submit, { input: { surveyId: survey.id, answers } }, memberToken);
    expect(result.data?.submitSurveyResponse.respondent.id).toBe(encodeGlobalID('User', tenant.users.MEMBER.id));
    expect(result.data?.submitSurveyResponse.answers).toEqual([
      { numberValue: 9, textValue: null, question: { position: 1 } },
      { numberValue: 4, textValue: null, question: { position: 2 } },
      { numberValue: null, textValue: 'Workshop', question: { position: 3 } },
      { numberValue: null, textValue: 'More MLflow sessions', question: { position: 4 } },
    ]);
  });

  it('gives each person their own response as myResponse: null before answering, their answers after', async () => {
    const survey = await newSurvey();
    const [first, second] = await addMembers(2);
    const mine = `query($id: ID!) { survey(id: $id) { responseCount myResponse { respondent { id } answers { numberValue question { type } } } } }`;
    expect((await api.graphql(mine, { id: survey.id }, first!.token)).data?.survey.myResponse).toBeNull();
    const input = { surveyId: survey.id, answers: [{ questionId: questionOf(survey, 'NPS'), numberValue: 10 }] };
    expect((await api.graphql(submit, { input }, first!.token)).errors).toBeUndefined();
    const answered = await api.graphql(mine, { id: survey.id }, first!.token);
    expect(answered.data?.survey).toEqual({
      responseCount: 1,
      myResponse: {
        respondent: { id: encodeGlobalID('User', first!.user.id) },
        answers: [{ numberValue: 10, question: { type: 'NPS' } }],
      },
    });
    // Somebody else's answer is not theirs, even for an editor who reads every response.
    expect((await api.graphql(mine, { id: survey.id }, second!.token)).data?.survey.myResponse).toBeNull();
    expect((await api.graphql(mine, { id: survey.id }, editorToken)).data?.survey.myResponse).toBeNull();
  });

  it('refuses a second response from the same person with CONFLICT', async () => {
    const survey = await newSurvey();
    const input = { surveyId: survey.id, answers: [{ questionId: questionOf(survey, 'NPS'), numberValue: 7 }] };
    const token = await api.tokenFor(tenant.users.DATA_ENGINEER.id);
    expect((await api.graphql(submit, { input }, token)).errors).toBeUndefined();
    const again = await api.graphql(submit, { input }, token);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await responseRows(survey.id)).toEqual([1, 1]);
  });

  const valid = (survey: CreatedSurvey) => ({ questionId: questionOf(survey, 'NPS'), numberValue: 10 });
  const cases: Array<[string, (survey: CreatedSurvey) => Array<Record<string, unknown>>]> = [
    ['an NPS of 11', (s) => [{ questionId: questionOf(s, 'NPS'), numberValue: 11 }]],
    ['a rating of 0', (s) => [valid(s), { questionId: questionOf(s, 'RATING'), numberValue: 0 }]],
    ['a choice that is not offered', (s) => [valid(s), { questionId: questionOf(s, 'CHOICE'), textValue: 'Podcast' }]],
    [
      'free text over 4000 characters',
      (s) => [valid(s), { questionId: questionOf(s, 'FREE_TEXT'), textValue: 'a'.repeat(4001) }],
    ],
    ['a missing required answer', (s) => [{ questionId: questionOf(s, 'RATING'), numberValue: 3 }]],
    ['the same question twice', (s) => [valid(s), valid(s)]],
    [
      'a question of another survey',
      (s) => [valid(s), { questionId: encodeGlobalID('SurveyQuestion', randomUUID()), numberValue: 3 }],
    ],
    ['text for an NPS question', (s) => [{ questionId: questionOf(s, 'NPS'), textValue: '10' }]],
  ];

  it.each(cases)('rejects %s with BAD_USER_INPUT and writes nothing', async (_label, answersFor) => {
    const survey = await newSurvey();
    const result = await api.graphql(
      submit,
      { input: { surveyId: survey.id, answers: answersFor(survey) } },
      await api.tokenFor(tenant.users.MEMBER.id),
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining([expect.stringMatching(/^input\.answers/)]),
    });
    expect(await responseRows(survey.id)).toEqual([0, 0]);
  });

  it('refuses answers to a closed survey with CONFLICT', async () => {
    const survey = await newSurvey();
    await api.prisma.survey.update({ where: { id: decodeId(survey.id) }, data: { isOpen: false } });
    const result = await api.graphql(
      submit,
      { input: { surveyId: survey.id, answers: [valid(survey)] } },
      await api.tokenFor(tenant.users.MEMBER.id),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await responseRows(survey.id)).toEqual([0, 0]);
  });
});

describe('survey results', () => {
  const results = `query($id: ID!) {
    survey(id: $id) { responseCount nps responseRate responses { totalCount nodes { respondent { id } } } }
  }`;

  it('computes NPS over NPS answers and the response rate over CoP members', async () => {
    const survey = await newSurvey();
    const empty = await api.graphql(results, { id: survey.id }, editorToken);
    expect(empty.data?.survey).toMatchObject({ responseCount: 0, nps: null, responseRate: 0 });

    const respondents = await addMembers(5);
    // Promoters 10 and 9, passive 8 and 7, detractor 3: (2 - 1) / 5 = 20 %.
    for (const [index, score] of [10, 9, 8, 7, 3].entries()) {
      const answers = [{ questionId: questionOf(survey, 'NPS'), numberValue: score }];
      const result = await api.graphql(submit, { input: { surveyId: survey.id, answers } }, respondents[index]?.token);
      expect(result.errors).toBeUndefined();
    }
    const members = await api.prisma.membership.count({ where: { copId: tenant.cop.id } });
    const scored = await api.graphql(results, { id: survey.id }, editorToken);
    expect(scored.data?.survey).toMatchObject({ responseCount: 5, nps: 20, responseRate: 5 / members });
    expect(scored.data?.survey.responses.totalCount).toBe(5);
  });

  it('shows a member only their own response while counting all', async () => {
    const survey = await newSurvey();
    const [first, second] = await addMembers(2);
    for (const person of [first, second]) {
      const answers = [{ questionId: questionOf(survey, 'NPS'), numberValue: 6 }];
      await api.graphql(submit, { input: { surveyId: survey.id, answers } }, person?.token);
    }
    const seen = await api.graphql(results, { id: survey.id }, first?.token);
    expect(seen.data?.survey).toMatchObject({
      responseCount: 2,
      nps: -100,
      responses: { totalCount: 1, nodes: [{ respondent: { id: encodeGlobalID('User', first?.user.id ?? '') } }] },
    });
  });

  it('loads NPS and rates of many surveys with as many SQL statements as for one', async () => {
    const own = await createTenant(api.prisma, 'SurveyCount');
    const token = await api.tokenFor(own.users.ANALYST.id);
    const query = `query($id: ID!) { cop(id: $id) { surveys { nodes { nps responseRate responseCount questions { prompt } } } } }`;
    const measure = async () => {
      api.counter.statements = 0;
      const result = await api.graphql(query, { id: own.ids.cop }, token);
      expect(result.errors).toBeUndefined();
      return api.counter.statements;
    };
    await newSurvey(own.ids.cop, token);
    const one = await measure();
    await newSurvey(own.ids.cop, token);
    await newSurvey(own.ids.cop, token);
    expect(await measure()).toBe(one);
  });
});

describe('survey tenancy', () => {
  it('hides surveys, questions and responses from another tenant and refuses its writes', async () => {
    const survey = await newSurvey();
    const other = await createTenant(api.prisma, 'SurveyOther');
    const otherAdmin = await api.tokenFor(other.users.CUSTOMER_ADMIN.id);
    const otherMember = await api.tokenFor(other.users.MEMBER.id);

    const read = await api.graphql(
      `query($id: ID!, $q: ID!) { survey(id: $id) { id } node(id: $q) { id } }`,
      { id: survey.id, q: questionOf(survey, 'NPS') },
      otherAdmin,
    );
    expect(read.data).toEqual({ survey: null, node: null });

    const update = await api.graphql(
      `mutation($id: ID!) { updateSurvey(id: $id, input: { isOpen: false }) { id } }`,
      { id: survey.id },
      otherAdmin,
    );
    expect(update.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const remove = await api.graphql(`mutation($id: ID!) { deleteSurvey(id: $id) }`, { id: survey.id }, otherAdmin);
    expect(remove.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const answer = await api.graphql(
      submit,
      { input: { surveyId: survey.id, answers: [{ questionId: questionOf(survey, 'NPS'), numberValue: 0 }] } },
      otherMember,
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const create = await api.graphql(
      createSurvey,
      { input: { copId: tenant.ids.cop, title: 'Foreign survey', questions: QUESTIONS } },
      otherAdmin,
    );
    expect(create.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const row = await api.prisma.survey.findUniqueOrThrow({ where: { id: decodeId(survey.id) } });
    expect(row.isOpen).toBe(true);
    expect(await responseRows(survey.id)).toEqual([0, 0]);
  });
});

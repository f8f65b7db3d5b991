import { z } from 'zod';
import { inViewerCops, requireViewer } from '../auth/tenancy.js';
import type { Viewer } from '../auth/viewer.js';
import { EDITOR_ROLES } from '../auth/viewer.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { appError, forbidden } from '../errors.js';
import { notifySurveyOpened } from '../notifications/notices.js';
import { checkAnswers } from '../surveys/answers.js';
import { loadNps } from '../surveys/nps.js';
import { builder } from './builder.js';
import { Cop } from './cop.js';
import { QuestionTypeEnum } from './enums.js';
import { withoutNulls } from './input.js';
import { found, ownedCopId, ownedDeleteMutation, ownedNode, ownedRow, updateOwned } from './ownership.js';

/**
 * Editors read every response; everybody else only their own (answers are personal).
 * Aggregates (responseCount, nps, responseRate) count all responses for everyone.
 */
function visibleResponses(viewer: Viewer | null): { respondentId?: string } {
  const v = requireViewer(viewer);
  return EDITOR_ROLES.includes(v.role) ? {} : { respondentId: v.id };
}

export const Survey = builder.prismaNode('Survey', {
  ...ownedNode('survey'),
  fields: (t) => ({
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    isOpen: t.exposeBoolean('isOpen'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    cop: t.relation('cop'),
    questions: t.relation('questions', { query: { orderBy: { position: 'asc' } } }),
    responses: t.relatedConnection('responses', {
      cursor: 'id',
      totalCount: true,
      description: 'Newest first. Editors see every response, other people only their own.',
      query: (_args, ctx) => ({
        where: visibleResponses(ctx.viewer),
        orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
      }),
    }),
    responseCount: t.relationCount('responses'),
    myResponse: t.prismaField({
      type: 'SurveyResponse',
      nullable: true,
      description: 'The viewer’s own response with their answers; null until they answer (and for service tokens).',
      resolve: (query, survey, _args, ctx) =>
        ctx.viewer?.kind === 'user'
          ? ctx.prisma.surveyResponse.findFirst({
              ...query,
              where: { surveyId: survey.id, respondentId: ctx.viewer.id },
            })
          : null,
    }),
    nps: t.loadable({
      type: 'Float',
      nullable: true,
      description:
        'Net Promoter Score in percent (promoters 9–10 minus detractors 0–6) over NPS answers; null without any.',
      load: (surveyIds: string[], ctx) => loadNps(ctx.prisma, surveyIds),
      resolve: (survey) => survey.id,
    }),
    responseRate: t.float({
      nullable: true,
      description: 'Responses per CoP member (1 = as many responses as members); null when the CoP has no members.',
      select: {
        _count: { select: { responses: true } },
        cop: { select: { _count: { select: { memberships: true } } } },
      },
      resolve: ({ _count, cop }) => (cop._count.memberships ? _count.responses / cop._count.memberships : null),
    }),
  }),
});

export const SurveyQuestion = builder.prismaNode('SurveyQuestion', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, survey: inViewerCops(ctx.viewer) }),
  nullable: true,
  fields: (t) => ({
    prompt: t.exposeString('prompt'),
    type: t.expose('type', { type: QuestionTypeEnum }),
    choices: t.exposeStringList('choices'),
    required: t.exposeBoolean('required'),
    position: t.exposeInt('position', { description: 'Order in the survey, from 1.' }),
    survey: t.relation('survey'),
    answers: t.relatedConnection('answers', {
      cursor: 'id',
      totalCount: true,
      query: (_args, ctx) => ({ where: { response: visibleResponses(ctx.viewer) }, orderBy: { id: 'asc' } }),
    }),
  }),
});

builder.prismaNode('SurveyResponse', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, survey: inViewerCops(ctx.viewer), ...visibleResponses(ctx.viewer) }),
  nullable: true,
  fields: (t) => ({
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    respondent: t.relation('respondent', { nullable: true }),
    survey: t.relation('survey'),
    answers: t.relation('answers', { query: { orderBy: { question: { position: 'asc' } } } }),
  }),
});

builder.prismaNode('SurveyAnswer', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({
    id,
    response: { survey: inViewerCops(ctx.viewer), ...visibleResponses(ctx.viewer) },
  }),
  nullable: true,
  fields: (t) => ({
    question: t.relation('question'),
    numberValue: t.exposeInt('numberValue', { nullable: true }),
    textValue: t.exposeString('textValue', { nullable: true }),
  }),
});

builder.prismaObjectField('Cop', 'surveys', (t) =>
  t.relatedConnection('surveys', {
    cursor: 'id',
    totalCount: true,
    description: 'Newest first.',
    args: { isOpen: t.arg.boolean({ required: false }) },
    query: ({ isOpen }) => ({
      where: typeof isOpen === 'boolean' ? { isOpen } : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    }),
  }),
);

builder.queryField('survey', (t) =>
  t.prismaField({
    type: 'Survey',
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.globalID({ for: Survey }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.prisma.survey.findFirst({ ...query, where: ownedRow(ctx.viewer, 'survey', id.id) }),
  }),
);

const surveyTitle = z.string().trim().min(3, 'A survey title needs at least 3 characters.').max(200);
const surveyDescription = z.string().max(4000, 'A description has at most 4000 characters.');

const SurveyQuestionInput = builder.inputType('SurveyQuestionInput', {
  fields: (t) => ({
    prompt: t.string({ validate: z.string().trim().min(3, 'A question needs at least 3 characters.').max(500) }),
    type: t.field({ type: QuestionTypeEnum }),
    choices: t.stringList({
      required: false,
      description: 'The options of a CHOICE question (at least two); empty for other types.',
      validate: z.array(z.string().trim().min(1, 'Choices cannot be blank.').max(200)).max(20),
    }),
    required: t.boolean({ defaultValue: false }),
  }),
  // Loose: the other fields pass through untouched.
  validate: z
    .looseObject({ type: z.string(), choices: z.array(z.string()).nullish() })
    .refine(({ type, choices }) => type !== 'CHOICE' || new Set(choices).size >= 2, {
      message: 'A CHOICE question needs at least two different choices.',
      path: ['choices'],
    })
    .refine(({ type, choices }) => type === 'CHOICE' || !choices?.length, {
      message: 'Only CHOICE questions take choices.',
      path: ['choices'],
    }),
});

const CreateSurveyInput = builder.inputType('CreateSurveyInput', {
  fields: (t) => ({
    copId: t.globalID({ for: Cop }),
    title: t.string({ validate: surveyTitle }),
    description: t.string({ required: false, validate: surveyDescription }),
    questions: t.field({
      type: [SurveyQuestionInput],
      validate: z
        .array(z.unknown())
        .min(1, 'A survey needs at least one question.')
        .max(50, 'A survey has at most 50 questions.'),
    }),
  }),
});

const UpdateSurveyInput = builder.inputType('UpdateSurveyInput', {
  fields: (t) => ({
    title: t.string({ required: false, validate: surveyTitle }),
    description: t.string({ required: false, validate: surveyDescription }),
    isOpen: t.boolean({ required: false, description: 'Closed surveys accept no more responses.' }),
  }),
});

const SurveyAnswerInput = builder.inputType('SurveyAnswerInput', {
  fields: (t) => ({
    questionId: t.globalID({ for: SurveyQuestion }),
    numberValue: t.int({ required: false, description: 'For NPS (0–10) and RATING (1–5) questions.' }),
    textValue: t.string({ required: false, description: 'For CHOICE (one of the choices) and FREE_TEXT questions.' }),
  }),
});

const SubmitSurveyResponseInput = builder.inputType('SubmitSurveyResponseInput', {
  fields: (t) => ({
    surveyId: t.globalID({ for: Survey }),
    answers: t.field({ type: [SurveyAnswerInput] }),
  }),
});

builder.mutationFields((t) => ({
  createSurvey: t.prismaField({
    type: 'Survey',
    authScopes: { role: EDITOR_ROLES },
    args: { input: t.arg({ type: CreateSurveyInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const copId = await ownedCopId(ctx, input.copId.id);
      const questions = input.questions.map((question, index) => ({
        ...question,
        choices: question.choices ?? [],
        position: index + 1,
      }));
      // The "new survey" notice commits with the survey (outbox), then the worker is woken to post it.
      const { id } = await ctx.prisma.$transaction(async (tx) => {
        const survey = await tx.survey.create({
          data: { copId, title: input.title, description: input.description ?? '', questions: { create: questions } },
          select: {
            id: true,
            title: true,
            description: true,
            cop: { select: { id: true, name: true, customerId: true } },
          },
        });
        await notifySurveyOpened(tx, survey);
        return survey;
      });
      ctx.notifications.wake();
      return ctx.prisma.survey.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateSurvey: t.prismaField({
    type: 'Survey',
    authScopes: { role: EDITOR_ROLES },
    args: { id: t.arg.globalID({ for: Survey }), input: t.arg({ type: UpdateSurveyInput }) },
    resolve: (query, _root, { id, input }, ctx) =>
      updateOwned(ctx, 'survey', id.id, { ...query, data: withoutNulls(input) }),
  }),
  submitSurveyResponse: t.prismaField({
    type: 'SurveyResponse',
    description:
      'Answers an open survey once; every answer is checked against its question, and nothing is kept unless all pass.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: SubmitSurveyResponseInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const viewer = ctx.viewer;
      if (viewer?.kind !== 'user') throw forbidden('Only people answer surveys.');
      const surveyId = input.surveyId.id;
      const answered = () => appError('CONFLICT', 'You have already answered this survey.');
      const response = ctx.prisma.$transaction(async (tx) => {
        const survey = found(
          await tx.survey.findFirst({ where: ownedRow(ctx.viewer, 'survey', surveyId), include: { questions: true } }),
          'Survey',
        );
        if (!survey.isOpen) throw appError('CONFLICT', 'This survey is closed.');
        if (await tx.surveyResponse.count({ where: { surveyId, respondentId: viewer.id } })) throw answered();
        const { answers, issues } = checkAnswers(
          survey.questions,
          input.answers.map((answer) => ({ ...answer, questionId: answer.questionId.id })),
        );
        if (issues.length > 0) {
          throw appError('BAD_USER_INPUT', issues.map((issue) => issue.message).join(' '), {
            fields: issues.map((issue) => `input.${issue.field}`),
          });
        }
        return tx.surveyResponse.create({
          ...query,
          data: { surveyId, respondentId: viewer.id, answers: { create: answers } },
        });
      });
      // Two submissions at once both pass the check above; the unique key refuses the second.
      return response.catch((error: unknown) => Promise.reject(isUniqueViolation(error) ? answered() : error));
    },
  }),
}));

ownedDeleteMutation('deleteSurvey', {
  node: Survey,
  model: 'survey',
  roles: EDITOR_ROLES,
  description: 'Deletes the survey with its questions and responses; returns its id.',
});

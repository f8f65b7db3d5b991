import { ADVICE_KEY, type CopAdvice, copAdvice, copAdviceSchema } from '../ai/cop-advice.js';
import type { AiDeps } from '../ai/serving-target.js';
import type { StoredSummary } from '../ai/summary-cache.js';
import { loadSummaries } from '../ai/summary-cache.js';
import { SURVEY_SUMMARY_KEY, type SurveySummary, surveySummary, surveySummarySchema } from '../ai/survey-summary.js';
import { ownedByViewer, requireViewer } from '../auth/tenancy.js';
import { EDITOR_ROLES } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { forbidden } from '../errors.js';
import { builder } from './builder.js';
import { Cop } from './cop.js';
import { findOwned } from './ownership.js';
import { Survey } from './survey.js';

const AiAnswer = builder.interfaceRef<StoredSummary<unknown>>('AiAnswer').implement({
  description: 'An answer of a Model Serving endpoint, cached (advice for a week, survey summaries for a day).',
  fields: (t) => ({
    model: t.exposeString('model', {
      description: 'The serving endpoint that produced it; `none` when there was nothing to ask a model about.',
    }),
    generatedAt: t.expose('generatedAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    isExpired: t.boolean({
      description: 'Past its expiry: the next generate call asks the model again.',
      resolve: (answer) => answer.expiresAt.getTime() <= Date.now(),
    }),
  }),
});

const SessionRecommendation = builder.simpleObject('SessionRecommendation', {
  fields: (t) => ({
    title: t.string(),
    rationale: t.string(),
    format: t.string({ description: 'e.g. feedback session, hands-on workshop.' }),
  }),
});
const ContentRecommendation = builder.simpleObject('ContentRecommendation', {
  fields: (t) => ({ title: t.string(), reason: t.string() }),
});
const ChampionRecommendation = builder.simpleObject('ChampionRecommendation', {
  fields: (t) => ({ name: t.string(), reason: t.string() }),
});
const RoadmapMilestone = builder.simpleObject('RoadmapMilestone', {
  fields: (t) => ({ phase: t.string(), milestone: t.string(), timeframe: t.string() }),
});
const SurveyTheme = builder.simpleObject('SurveyTheme', {
  fields: (t) => ({
    theme: t.string(),
    count: t.int({ description: 'Answers that mention the theme.' }),
    sentiment: t.string({ description: 'positive, negative, mixed or neutral.' }),
  }),
});

const CopAdviceRef = builder.objectRef<StoredSummary<CopAdvice>>('CopAdvice').implement({
  description: 'What the AI advisor recommends for a CoP, from its members, events, content, KPIs and champions.',
  interfaces: [AiAnswer],
  fields: (t) => ({
    nextSessions: t.field({ type: [SessionRecommendation], resolve: (advice) => advice.content.next_sessions }),
    contentToPrioritize: t.field({
      type: [ContentRecommendation],
      resolve: (advice) => advice.content.content_to_prioritize,
    }),
    championsToRecognize: t.field({
      type: [ChampionRecommendation],
      resolve: (advice) => advice.content.champions_to_recognize,
    }),
    roadmap: t.field({ type: [RoadmapMilestone], resolve: (advice) => advice.content.roadmap }),
    summary: t.string({ resolve: (advice) => advice.content.summary }),
  }),
});

const SurveySummaryRef = builder.objectRef<StoredSummary<SurveySummary>>('SurveySummary').implement({
  description: 'Themes of the free-text answers of a survey, as the AI summarizer read them.',
  interfaces: [AiAnswer],
  fields: (t) => ({
    workingWell: t.stringList({ resolve: (summary) => summary.content.working_well }),
    opportunities: t.stringList({ resolve: (summary) => summary.content.opportunities }),
    topActions: t.stringList({ resolve: (summary) => summary.content.top_actions }),
    themes: t.field({ type: [SurveyTheme], resolve: (summary) => summary.content.themes }),
    responseCount: t.int({
      description: 'Responses when the summary was made.',
      resolve: (summary) => summary.content.response_count,
    }),
    nps: t.float({
      nullable: true,
      description: 'NPS when the summary was made.',
      resolve: (summary) => summary.content.nps,
    }),
  }),
});

builder.prismaObjectField('Cop', 'advice', (t) =>
  t.loadable({
    type: CopAdviceRef,
    nullable: true,
    description:
      'The last advice generated for this CoP, even when expired; null before the first `generateCopAdvice`.',
    load: (copIds: string[], ctx) =>
      loadSummaries(ctx.prisma, ADVICE_KEY, copIds, copAdviceSchema, ownedByViewer(ctx.viewer)),
    resolve: (cop) => cop.id,
  }),
);

builder.prismaObjectField('Survey', 'summary', (t) =>
  t.loadable({
    type: SurveySummaryRef,
    nullable: true,
    description:
      'The last AI summary of the free-text answers, even when expired; null before the first `summarizeSurvey`. ' +
      'It quotes members’ answers: editors and the CoP’s leads see it, other people get null.',
    load: async (surveyIds: string[], ctx) => {
      const readable = await surveysWhoseSummaryViewerMayRead(ctx, surveyIds);
      const summaries = await loadSummaries(
        ctx.prisma,
        SURVEY_SUMMARY_KEY,
        [...readable],
        surveySummarySchema,
        ownedByViewer(ctx.viewer),
      );
      const byId = new Map([...readable].map((id, i) => [id, summaries[i] ?? null]));
      return surveyIds.map((id) => byId.get(id) ?? null);
    },
    resolve: (survey) => survey.id,
  }),
);

async function surveysWhoseSummaryViewerMayRead(ctx: Context, surveyIds: string[]): Promise<Set<string>> {
  const viewer = requireViewer(ctx.viewer);
  if (EDITOR_ROLES.includes(viewer.role)) return new Set(surveyIds);
  const led = await ctx.prisma.survey.findMany({
    where: { id: { in: surveyIds }, cop: { memberships: { some: { userId: viewer.id, role: 'LEAD' } } } },
    select: { id: true },
  });
  return new Set(led.map((survey) => survey.id));
}

const aiDeps = (ctx: Context): AiDeps => ({ prisma: ctx.prisma, registry: ctx.databricksGateway.registry });

/** Editors may ask the AI about any CoP of their tenant; other people only about CoPs they lead. */
async function assertMayAskAi(ctx: Context, copId: string): Promise<void> {
  const viewer = requireViewer(ctx.viewer);
  if (EDITOR_ROLES.includes(viewer.role)) return;
  const leads = await ctx.prisma.membership.count({ where: { copId, userId: viewer.id, role: 'LEAD' } });
  if (leads === 0) throw forbidden('Only editors and the leads of this CoP may ask the AI.');
}

builder.mutationFields((t) => ({
  generateCopAdvice: t.field({
    type: CopAdviceRef,
    description:
      'Asks the AI advisor what the CoP should do next. A cached answer younger than a week is returned without ' +
      'asking the model again while the CoP has not changed materially (phase, NPS ±10, MAP or members ±20 %/10 %, ' +
      'DBU trend, a new event, use cases, people to recognize), unless `refresh`. Editors, or the CoP’s leads.',
    authScopes: { authenticated: true },
    args: {
      copId: t.arg.globalID({ for: Cop }),
      refresh: t.arg.boolean({ required: false, description: 'Ask the model even when a fresh answer is cached.' }),
    },
    resolve: async (_root, { copId, refresh }, ctx) => {
      const cop = await findOwned(ctx, 'cop', copId.id, { select: { id: true, customerId: true } });
      await assertMayAskAi(ctx, cop.id);
      return copAdvice(aiDeps(ctx), { copId: cop.id, customerId: cop.customerId, refresh: refresh ?? false });
    },
  }),
  summarizeSurvey: t.field({
    type: SurveySummaryRef,
    description:
      'Asks the AI summarizer for the themes of the survey’s free-text answers. A cached summary younger than a day ' +
      'is returned when no response arrived since, unless `refresh`. Editors, or the CoP’s leads.',
    authScopes: { authenticated: true },
    args: {
      surveyId: t.arg.globalID({ for: Survey }),
      refresh: t.arg.boolean({ required: false, description: 'Ask the model even when a fresh summary is cached.' }),
    },
    resolve: async (_root, { surveyId, refresh }, ctx) => {
      const survey = await findOwned(ctx, 'survey', surveyId.id, {
        select: { id: true, title: true, copId: true, cop: { select: { customerId: true } } },
      });
      await assertMayAskAi(ctx, survey.copId);
      return surveySummary(aiDeps(ctx), {
        surveyId: survey.id,
        copId: survey.copId,
        customerId: survey.cop.customerId,
        title: survey.title,
        refresh: refresh ?? false,
      });
    },
  }),
}));

import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { loadNps } from '../surveys/nps.js';
import { askModelForJson, modelList, modelText } from './model-answer.js';
import { type AiDeps, servingTarget } from './serving-target.js';
import { cachedGeneration, type StoredSummary } from './summary-cache.js';

/** Most recent answers sent to the model, and their longest length: keeps the prompt within a model's context. */
const MAX_ANSWERS = 300;
const MAX_ANSWER_CHARS = 1000;

const SENTIMENTS = ['positive', 'negative', 'mixed', 'neutral'] as const;

/** The summarizer's answer, as asked for in the system prompt. */
const summaryAnswerSchema = z.object({
  working_well: modelList(modelText, 10),
  opportunities: modelList(modelText, 10),
  top_actions: modelList(modelText, 5),
  themes: modelList(
    z.object({
      theme: modelText,
      count: z.coerce.number().int().min(0),
      sentiment: z
        .string()
        .transform((value) => value.trim().toLowerCase())
        .pipe(z.enum(SENTIMENTS))
        .catch('neutral'),
    }),
    12,
  ),
});

/** What `AiSummary.content` holds for a survey: the answer plus the facts it was computed from. */
export const surveySummarySchema = summaryAnswerSchema.extend({
  response_count: z.number().int(),
  nps: z.number().nullable(),
});

export type SurveySummary = z.infer<typeof surveySummarySchema>;

/** `model` of a summary made without asking one: the survey had no free-text answers. */
export const NOT_ASKED = 'none';
const EMPTY_SUMMARY = { working_well: [], opportunities: [], top_actions: [], themes: [] };

export const SURVEY_SUMMARY_KEY = { entityType: 'Survey', summaryType: 'SURVEY_SUMMARY' } as const;

const SYSTEM_PROMPT = `You summarize the free-text answers of a community survey for the community's lead.
The user message holds the survey as JSON: title, response_count, nps (-100..100, null without NPS answers) and
answers (each with its question). Answer with one JSON object and nothing else, with exactly these keys:
{"working_well":["theme: a short quote"], "opportunities":["theme: a short quote"], "top_actions":["an action"],
 "themes":[{"theme":"","count":0,"sentiment":"positive|negative|mixed|neutral"}]}
count is the number of answers mentioning the theme. At most three top actions, most important first.`;

interface Survey {
  surveyId: string;
  copId: string;
  customerId: string;
  title: string;
}

/**
 * The themes of a survey's free-text answers: the cached summary while it is fresh and no response arrived
 * since, otherwise the answers sent to the integration's summarizer endpoint and the answer cached for a day.
 */
export async function surveySummary(
  deps: AiDeps,
  survey: Survey & { refresh: boolean },
): Promise<StoredSummary<SurveySummary>> {
  const { prisma } = deps;
  const responseCount = await prisma.surveyResponse.count({ where: { surveyId: survey.surveyId } });
  return cachedGeneration({
    prisma,
    key: { ...SURVEY_SUMMARY_KEY, entityId: survey.surveyId },
    customerId: survey.customerId,
    schema: surveySummarySchema,
    refresh: survey.refresh,
    stillValid: (cached) => cached.response_count === responseCount,
    generate: async () => {
      const [answers, [nps]] = await Promise.all([
        freeTextAnswers(prisma, survey.surveyId),
        loadNps(prisma, [survey.surveyId]),
      ]);
      const facts = { response_count: responseCount, nps: nps ?? null };
      // Nothing to summarize is an answer too (no themes), not a failure: the model is not asked.
      if (answers.length === 0) return { content: { ...EMPTY_SUMMARY, ...facts }, model: NOT_ASKED };
      const target = await servingTarget(deps, survey.copId, survey.customerId, 'summarizer');
      const prompt = { title: survey.title, ...facts, answers };
      const answer = await askModelForJson(target.connection.rest, {
        endpoint: target.endpoint,
        system: SYSTEM_PROMPT,
        user: `Survey "${survey.title}" (${responseCount} responses):\n\`\`\`json\n${JSON.stringify(prompt, null, 2)}\n\`\`\``,
        answer: summaryAnswerSchema,
        maxTokens: 1500,
      });
      return { content: { ...answer, ...facts }, model: target.endpoint };
    },
  });
}

async function freeTextAnswers(prisma: PrismaClient, surveyId: string) {
  const rows = await prisma.surveyAnswer.findMany({
    where: { question: { surveyId, type: 'FREE_TEXT' }, textValue: { not: null } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: MAX_ANSWERS,
    select: { textValue: true, question: { select: { prompt: true } } },
  });
  return rows.flatMap((row) => {
    const answer = row.textValue?.trim();
    return answer ? [{ question: row.question.prompt, answer: answer.slice(0, MAX_ANSWER_CHARS) }] : [];
  });
}

import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.js';
import { loadCopSignals } from './cop-context.js';
import { changedMaterially } from './material-change.js';
import { askModelForJson, modelList, modelText } from './model-answer.js';
import { type AiDeps, servingTarget } from './serving-target.js';
import { cachedGeneration, type StoredSummary } from './summary-cache.js';

/** The advisor's answer, as asked for in the system prompt; also the shape stored in `AiSummary.content`. */
export const copAdviceSchema = z.object({
  next_sessions: modelList(z.object({ title: modelText, rationale: modelText, format: modelText }), 5),
  content_to_prioritize: modelList(z.object({ title: modelText, reason: modelText }), 5),
  champions_to_recognize: modelList(z.object({ name: modelText, reason: modelText }), 5),
  roadmap: modelList(z.object({ phase: modelText, milestone: modelText, timeframe: modelText }), 8),
  summary: modelText,
});

export type CopAdvice = z.infer<typeof copAdviceSchema>;

export const ADVICE_KEY = { entityType: 'Cop', summaryType: 'COP_ADVICE' } as const;

const SYSTEM_PROMPT = `You advise the lead of a Databricks Community of Practice (CoP).
The user message holds the CoP's signals as JSON: phase, industry, member_count, days_active, map (monthly active
participants), nps (-100..100), dbu_trend (percent change of DBU consumption over the last 30 days),
survey_response_rate (percent), recent_events, content_engagement, use_cases and champions (status "candidate"
means an active member not yet recognized, ranked by contributions, then events_attended, then content_authored).
Answer with one JSON object and nothing else, with exactly these keys:
{"next_sessions":[{"title":"","rationale":"","format":""}],
 "content_to_prioritize":[{"title":"","reason":""}],
 "champions_to_recognize":[{"name":"","reason":""}],
 "roadmap":[{"phase":"","milestone":"","timeframe":""}],
 "summary":""}
At most three sessions, most urgent first: NPS below 30 calls for a feedback session, a DBU trend of -5% or
worse for a hands-on workshop, a foundation-phase CoP for onboarding. Recognize only people listed in champions, in
their order, never anyone without contributions. The roadmap covers the next quarter: three milestones, one per month
(timeframes "Month 1 (next 30 days)", "Month 2 (days 31–60)", "Month 3 (days 61–90)").`;

/** Advice is kept for a week: a CoP's situation moves slowly, unless its data changes materially (then sooner). */
export const ADVICE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The advisor's recommendations for a CoP: the cached answer while it is younger than a week and the CoP's signals
 * have not changed materially since, otherwise the signals sent to the integration's advisor endpoint and the
 * validated answer cached with them.
 */
export async function copAdvice(
  deps: AiDeps,
  { copId, customerId, refresh }: { copId: string; customerId: string; refresh: boolean },
): Promise<StoredSummary<CopAdvice>> {
  const signals = await loadCopSignals(deps.prisma, copId, new Date());
  if (!signals) throw new Error(`CoP ${copId} vanished while asking for advice`);
  return cachedGeneration({
    prisma: deps.prisma,
    key: { ...ADVICE_KEY, entityId: copId },
    customerId,
    schema: copAdviceSchema,
    refresh,
    ttlMs: ADVICE_TTL_MS,
    inputs: signals as unknown as Prisma.InputJsonObject,
    stillValid: (_cached, storedSignals) => !changedMaterially(storedSignals, signals),
    generate: async () => {
      const target = await servingTarget(deps, copId, customerId, 'advisor');
      const content = await askModelForJson(target.connection.rest, {
        endpoint: target.endpoint,
        system: SYSTEM_PROMPT,
        user: `Signals of the CoP "${signals.cop}":\n\`\`\`json\n${JSON.stringify(signals, null, 2)}\n\`\`\``,
        answer: copAdviceSchema,
        maxTokens: 1500,
      });
      return { content, model: target.endpoint };
    },
  });
}

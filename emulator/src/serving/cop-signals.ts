/**
 * The CoP health signals the advisor reads from a prompt, with the aliases the api may use.
 * See `cop-advisor.ts` for the prompt convention.
 */
import { type ListItem, listOf, numberOf, pick, promptFacts } from './prompt.js';

export type CopPhase = 'Foundation' | 'Adoption' | 'Scale' | 'Optimize';
export const PHASES: CopPhase[] = ['Foundation', 'Adoption', 'Scale', 'Optimize'];

export interface CopSignals {
  phase: CopPhase;
  industry?: string;
  memberCount?: number;
  daysActive?: number;
  monthlyActiveParticipants?: number;
  nps?: number;
  /** Percent change of DBU consumption; words map to ±10. */
  dbuTrendPercent?: number;
  /** Percent (0–100), also accepted as a fraction. */
  surveyResponseRate?: number;
  recentEvents: ListItem[];
  contentEngagement: ListItem[];
  useCases: ListItem[];
  champions: ListItem[];
}

const PHASE_WORDS: Record<CopPhase, RegExp> = {
  Foundation: /foundation|onboard|launch|start|setup|pilot/i,
  Adoption: /adopt|activat|grow/i,
  Scale: /scal|expan/i,
  Optimize: /optimi|matur|sustain|excel/i,
};

function phaseOf(value: unknown, daysActive: number | undefined): CopPhase {
  const named = typeof value === 'string' ? PHASES.find((phase) => PHASE_WORDS[phase].test(value)) : undefined;
  if (named) return named;
  if (daysActive === undefined || daysActive < 60) return 'Foundation';
  if (daysActive < 180) return 'Adoption';
  return daysActive < 365 ? 'Scale' : 'Optimize';
}

function trendOf(value: unknown): number | undefined {
  const number = numberOf(value);
  if (number !== undefined) return number;
  if (typeof value !== 'string') return undefined;
  if (/fall|declin|down|decreas|drop/i.test(value)) return -10;
  if (/ris|grow|up|increas/i.test(value)) return 10;
  return /flat|stable|steady/i.test(value) ? 0 : undefined;
}

function rateOf(value: unknown): number | undefined {
  const number = numberOf(value);
  return number !== undefined && number <= 1 && !String(value).includes('%') ? number * 100 : number;
}

export function readCopSignals(prompt: string): CopSignals {
  const facts = promptFacts(prompt);
  const daysActive = numberOf(pick(facts, ['days_active', 'age_days', 'days_since_launch']));
  const industry = pick(facts, ['industry', 'sector']);
  return {
    phase: phaseOf(pick(facts, ['phase', 'cop_phase', 'stage', 'maturity']), daysActive),
    industry: industry === undefined ? undefined : String(industry),
    memberCount: numberOf(pick(facts, ['member_count', 'members', 'total_members'])),
    daysActive,
    monthlyActiveParticipants: numberOf(
      pick(facts, ['map', 'monthly_active_participants', 'monthly_active_members', 'active_members', 'mau']),
    ),
    nps: numberOf(pick(facts, ['nps', 'nps_score', 'net_promoter_score'])),
    dbuTrendPercent: trendOf(pick(facts, ['dbu_trend', 'dbu_trend_percent', 'dbu_trend_pct', 'dbu_change'])),
    surveyResponseRate: rateOf(pick(facts, ['survey_response_rate', 'response_rate'])),
    recentEvents: listOf(pick(facts, ['recent_events', 'events'])),
    contentEngagement: listOf(pick(facts, ['content_engagement', 'content', 'top_content'])),
    useCases: listOf(pick(facts, ['use_cases', 'usecases'])),
    champions: listOf(pick(facts, ['champions', 'top_contributors', 'contributors'])),
  };
}

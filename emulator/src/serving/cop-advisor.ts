/**
 * The `cop_advisor` endpoint: rule-based, deterministic advice for a Community of Practice.
 *
 * Prompt convention (what the api sends as the user message, optionally after a system message):
 * the CoP's signals as a JSON object (bare or in a ```json fence) and/or `key: value` lines —
 *   phase (foundation|adoption|scale|optimize), industry, member_count, days_active,
 *   map | monthly_active_participants, nps (-100..100), dbu_trend (percent change such as -12 or
 *   "-12%", or falling|rising|flat), survey_response_rate (percent or fraction), recent_events,
 *   content_engagement, use_cases, champions (JSON arrays of strings or objects
 *   {title|name, attendees|views|contributions, status}, or `;`-separated `Label (number|status)` items).
 *
 * Answer (the assistant message content, JSON):
 *   {"next_sessions":[{"title","rationale","format"}], "content_to_prioritize":[{"title","reason"}],
 *    "champions_to_recognize":[{"name","reason"}], "roadmap":[{"phase","milestone","timeframe"}], "summary"}
 *
 * Rules, in priority order (at most three sessions):
 *   NPS < 30 → feedback session; DBU trend ≤ -5% → hands-on workshop; Foundation phase → onboarding;
 *   monthly active < 40% of members → office hours; a blocked/at-risk use case → use-case clinic;
 *   survey response rate < 25% → live pulse survey; Optimize phase → cost & performance deep dive;
 *   then fillers: industry spotlight (when the industry is known), lightning talks.
 */
import type { CopPhase, CopSignals } from './cop-signals.js';
import { readCopSignals } from './cop-signals.js';

export interface SessionAdvice {
  title: string;
  rationale: string;
  format: string;
}

export interface CopAdvice {
  next_sessions: SessionAdvice[];
  content_to_prioritize: { title: string; reason: string }[];
  champions_to_recognize: { name: string; reason: string }[];
  roadmap: { phase: string; milestone: string; timeframe: string }[];
  summary: string;
}

export const LOW_NPS = 30;
export const FALLING_DBU_PERCENT = -5;
const LOW_ACTIVE_SHARE = 0.4;
const LOW_RESPONSE_RATE = 25;
const MAX_SESSIONS = 3;

const activeShare = (s: CopSignals) =>
  s.memberCount && s.monthlyActiveParticipants !== undefined ? s.monthlyActiveParticipants / s.memberCount : undefined;
const isFalling = (s: CopSignals) => s.dbuTrendPercent !== undefined && s.dbuTrendPercent <= FALLING_DBU_PERCENT;
const atRiskUseCase = (s: CopSignals) => s.useCases.find((u) => /block|risk|stall|stuck|delay/i.test(u.note ?? ''));

const SESSION_RULES: ((s: CopSignals) => SessionAdvice | undefined)[] = [
  (s) =>
    s.nps !== undefined && s.nps < LOW_NPS
      ? {
          title: 'Listening session: what would make this CoP more valuable?',
          rationale: `NPS is ${s.nps}, below ${LOW_NPS}: hear members out before planning more content.`,
          format: 'feedback session',
        }
      : undefined,
  (s) =>
    isFalling(s)
      ? {
          title: 'Hands-on workshop: build an end-to-end pipeline on Databricks',
          rationale: `DBU consumption is falling (${s.dbuTrendPercent}%): get members building on the platform again.`,
          format: 'hands-on workshop',
        }
      : undefined,
  (s) =>
    s.phase === 'Foundation'
      ? {
          title: 'Onboarding: getting started with the Databricks Lakehouse',
          rationale: 'The CoP is in its foundation phase: make sure every member has access and a first success.',
          format: 'onboarding',
        }
      : undefined,
  (s) => {
    const share = activeShare(s);
    return share !== undefined && share < LOW_ACTIVE_SHARE
      ? {
          title: 'Office hours: bring your blockers',
          rationale: `Only ${Math.round(share * 100)}% of members were active this month: lower the bar to take part.`,
          format: 'office hours',
        }
      : undefined;
  },
  (s) => {
    const useCase = atRiskUseCase(s);
    return useCase
      ? {
          title: `Use-case clinic: ${useCase.label}`,
          rationale: `The use case "${useCase.label}" is ${useCase.note}: solve it together with the community.`,
          format: 'working session',
        }
      : undefined;
  },
  (s) =>
    s.surveyResponseRate !== undefined && s.surveyResponseRate < LOW_RESPONSE_RATE
      ? {
          title: 'Community pulse: a ten-minute live survey',
          rationale: `Survey response rate is ${Math.round(s.surveyResponseRate)}%: collect feedback during a session.`,
          format: 'interactive poll',
        }
      : undefined,
  (s) =>
    s.phase === 'Optimize'
      ? {
          title: 'Deep dive: cost and performance optimization',
          rationale: 'A mature CoP gets the most from tuning workloads and sharing cost practices.',
          format: 'technical deep dive',
        }
      : undefined,
  (s) =>
    s.industry
      ? {
          title: `Industry spotlight: Databricks in ${s.industry}`,
          rationale: `Peers in ${s.industry} sharing what works keeps the agenda relevant.`,
          format: 'panel',
        }
      : undefined,
  () => ({
    title: 'Community showcase: lightning talks',
    rationale: 'Short member talks spread what works and surface new champions.',
    format: 'lightning talks',
  }),
];

function contentToPrioritize(s: CopSignals): CopAdvice['content_to_prioritize'] {
  const mostViewed = [...s.contentEngagement]
    .filter((item) => item.count !== undefined)
    .sort((a, b) => (b.count ?? 0) - (a.count ?? 0))
    .slice(0, 2)
    .map((item) => ({ title: item.label, reason: `Most engaged content (${item.count} views): promote it again.` }));
  const byRule = [
    isFalling(s) && { title: 'Hands-on lab notebooks', reason: 'Practical labs bring usage back when DBUs fall.' },
    s.phase === 'Foundation' && {
      title: 'Getting-started guide: workspace access, Unity Catalog and a first notebook',
      reason: 'Foundation-phase members need a self-service path to a first success.',
    },
    s.nps !== undefined &&
      s.nps < LOW_NPS && {
        title: '"You said, we did" feedback recap',
        reason: 'Showing how feedback changed the CoP rebuilds trust when NPS is low.',
      },
  ].filter((item): item is { title: string; reason: string } => Boolean(item));
  const latestEvent = s.recentEvents[0];
  const fallback = latestEvent
    ? [{ title: `Recording: ${latestEvent.label}`, reason: 'Recent sessions reach more members as recordings.' }]
    : [];
  return [...mostViewed, ...byRule, ...fallback].slice(0, 3);
}

/**
 * The people to recognize: never someone without contributions; most contributions first, then most events
 * attended, then most content authored.
 */
function championsToRecognize(s: CopSignals): CopAdvice['champions_to_recognize'] {
  return s.champions
    .filter((person) => person.count === undefined || person.count > 0)
    .sort(
      (a, b) =>
        (b.count ?? 0) - (a.count ?? 0) ||
        (b.attended ?? 0) - (a.attended ?? 0) ||
        (b.authored ?? 0) - (a.authored ?? 0),
    )
    .slice(0, 3)
    .map((person) => ({ name: person.label, reason: recognitionReason(person) }));
}

function recognitionReason(person: CopSignals['champions'][number]): string {
  if (person.count === undefined) return person.note ?? 'Named as a champion by the CoP.';
  const times = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const facts = [
    `${times(person.count, 'contribution')} to the community`,
    person.attended && `${times(person.attended, 'event')} attended`,
    person.authored && `${times(person.authored, 'content item')} authored`,
  ].filter(Boolean);
  return `${facts.join(', ')}.`;
}

/** Three milestones per phase, one for each month of the coming quarter. */
const MILESTONES: Record<CopPhase, [string, string, string]> = {
  Foundation: [
    'Every member onboarded with workspace and Unity Catalog access',
    'A monthly session rhythm and a first hands-on workshop',
    'First use case chosen and a champion named in each team',
  ],
  Adoption: [
    'Top use case unblocked with the community’s help',
    'First use case in production',
    'Half of the members active every month',
  ],
  Scale: [
    'A champion in every team',
    'Reusable templates published for the common pipelines',
    'Three production use cases with measured value',
  ],
  Optimize: [
    'Cost per workload tracked on a shared dashboard',
    'The most expensive workloads tuned and their savings shared',
    'The CoP runs itself: champions lead the sessions',
  ],
};
const MONTHS = ['Month 1 (next 30 days)', 'Month 2 (days 31–60)', 'Month 3 (days 61–90)'];

/** The quarter ahead in the CoP's current phase, month by month. */
function roadmap(s: CopSignals): CopAdvice['roadmap'] {
  return MILESTONES[s.phase].map((milestone, i) => ({ phase: s.phase, milestone, timeframe: MONTHS[i]! }));
}

function summary(s: CopSignals, sessions: SessionAdvice[]): string {
  const facts = [
    s.memberCount !== undefined && `${s.memberCount} members`,
    s.nps !== undefined && `NPS ${s.nps}`,
    s.dbuTrendPercent !== undefined && `DBU trend ${s.dbuTrendPercent > 0 ? '+' : ''}${s.dbuTrendPercent}%`,
  ].filter(Boolean);
  const who = `${s.phase}-phase CoP${s.industry ? ` in ${s.industry}` : ''}`;
  return `${who}${facts.length ? ` (${facts.join(', ')})` : ''}. Start with: ${sessions[0].title}`;
}

export function adviseCop(prompt: string): CopAdvice {
  const signals = readCopSignals(prompt);
  const sessions = SESSION_RULES.map((rule) => rule(signals))
    .filter((session): session is SessionAdvice => session !== undefined)
    .slice(0, MAX_SESSIONS);
  return {
    next_sessions: sessions,
    content_to_prioritize: contentToPrioritize(signals),
    champions_to_recognize: championsToRecognize(signals),
    roadmap: roadmap(signals),
    summary: summary(signals, sessions),
  };
}

/**
 * The `survey_summarizer` endpoint: keyword theme extraction with clause-level sentiment.
 *
 * Prompt convention: the free-text answers, either as JSON (`{"answers": [...]}` or a bare array, of
 * strings or of objects with `answer`/`text`) or as bullet / numbered lines (`- …`, `* …`, `1. …`).
 * Without either, every non-empty line after the first is an answer.
 *
 * Answer (JSON): {"working_well":[...], "opportunities":[...], "top_actions":[...],
 *                 "themes":[{"theme","count","sentiment"}]}
 * `count` is the number of answers that mention the theme; `sentiment` is positive, negative, mixed or
 * neutral over the clauses that mention it. A clause asking for more/less of something is negative
 * (an opportunity) even when polite ("would love more demos").
 */
import { extractJson } from './prompt.js';
import { THEMES, type Theme } from './survey-themes.js';

export type ThemeSentiment = 'positive' | 'negative' | 'mixed' | 'neutral';

export interface SurveySummary {
  working_well: string[];
  opportunities: string[];
  top_actions: string[];
  themes: { theme: string; count: number; sentiment: ThemeSentiment }[];
}

const POSITIVE =
  /\b(great|love[ds]?|useful|helpful|excellent|good|valuable|enjoy(?:ed)?|clear|liked?|awesome|amazing|fantastic|engaging|practical|informative|appreciate[ds]?|fun|nice|insightful|relevant)\b/g;
const NEGATIVE =
  /\b(too|slow|confusing|hard|difficult|lack(?:s|ing)?|missing|boring|poor|bad|hate|unclear|rushed|expensive|outdated|irrelevant|frustrat\w*)\b/g;
const REQUEST = /\b(more|less|fewer|wish|need(?:s|ed)?|should|could|would (?:like|love|prefer)|please|want)\b/;
const NEGATION = /\b(not|never|no|isn't|wasn't|aren't|don't|didn't|hardly)\s+(?:\w+\s+)?$/;

type ClauseSentiment = 'positive' | 'negative' | 'neutral';

function clauseSentiment(clause: string): ClauseSentiment {
  if (REQUEST.test(clause)) return 'negative';
  let positive = 0;
  let negative = (clause.match(NEGATIVE) ?? []).length;
  for (const match of clause.matchAll(POSITIVE)) {
    if (NEGATION.test(clause.slice(0, match.index))) negative++;
    else positive++;
  }
  if (positive === negative) return 'neutral';
  return positive > negative ? 'positive' : 'negative';
}

function answerText(entry: unknown): string {
  if (entry && typeof entry === 'object') {
    const object = entry as Record<string, unknown>;
    return String(object.answer ?? object.text ?? object.response ?? '');
  }
  return String(entry ?? '');
}

/** The answers in a prompt, following the convention above. */
export function readAnswers(prompt: string): string[] {
  const json = extractJson(prompt);
  const list = Array.isArray(json) ? json : (json as { answers?: unknown } | undefined)?.answers;
  if (Array.isArray(list)) return list.map(answerText).filter((answer) => answer.trim() !== '');
  const lines = prompt.split('\n').map((line) => line.trim());
  const bullets = lines
    .map((line) => /^(?:[-*•]|\d+[.)])\s+(.+)$/.exec(line)?.[1])
    .filter((answer): answer is string => Boolean(answer));
  return bullets.length > 0 ? bullets : lines.slice(1).filter(Boolean);
}

interface ThemeTally {
  theme: Theme;
  answers: number;
  positive: string[];
  negative: string[];
}

const mentions = (theme: Theme, clause: string) => theme.patterns.some((pattern) => pattern.test(clause));

function tally(answers: string[]): ThemeTally[] {
  const tallies = THEMES.map((theme) => ({ theme, answers: 0, positive: [] as string[], negative: [] as string[] }));
  for (const answer of answers) {
    // Matching reads lower case; the quotes keep the member's own words. Sentences end at punctuation followed
    // by a space or the end, except after "e.g" / "i.e" / "etc" / "vs".
    const clauses = answer
      .split(/(?<!\b(?:e\.g|i\.e|etc|vs))[.;!?](?=\s|$)|\bbut\b|\bhowever\b|\balthough\b/i)
      .map((clause) => clause.trim().replace(/[,:]+$/, ''))
      .filter(Boolean)
      .map((text) => ({ text, lower: text.toLowerCase() }));
    for (const entry of tallies) {
      const mentioning = clauses.filter((clause) => mentions(entry.theme, clause.lower));
      if (mentioning.length === 0) continue;
      entry.answers++;
      for (const clause of mentioning) {
        const sentiment = clauseSentiment(clause.lower);
        if (sentiment !== 'neutral') entry[sentiment].push(clause.text);
      }
    }
  }
  return tallies
    .filter((entry) => entry.answers > 0)
    .sort((a, b) => b.answers - a.answers || a.theme.name.localeCompare(b.theme.name));
}

function sentimentOf(entry: ThemeTally): ThemeSentiment {
  if (entry.positive.length > 0 && entry.negative.length > 0) return 'mixed';
  if (entry.positive.length > 0) return 'positive';
  return entry.negative.length > 0 ? 'negative' : 'neutral';
}

const quote = (clause: string) => `"${clause.length > 120 ? `${clause.slice(0, 117)}...` : clause}"`;

export function summarizeSurvey(prompt: string): SurveySummary {
  const tallies = tally(readAnswers(prompt));
  const working = tallies.filter((entry) => entry.positive.length > 0);
  const opportunities = tallies
    .filter((entry) => entry.negative.length > 0)
    .sort((a, b) => b.negative.length - a.negative.length || b.answers - a.answers);
  return {
    working_well: working.map((entry) => `${entry.theme.name}: ${quote(entry.positive[0])}`),
    opportunities: opportunities.map((entry) => `${entry.theme.name}: ${quote(entry.negative[0])}`),
    top_actions:
      opportunities.length > 0
        ? opportunities.slice(0, 3).map((entry) => entry.theme.action)
        : ['Keep the current format and share these results with the community.'],
    themes: tallies.map((entry) => ({ theme: entry.theme.name, count: entry.answers, sentiment: sentimentOf(entry) })),
  };
}

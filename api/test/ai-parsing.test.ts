import { describe, expect, it } from 'vitest';
import { copAdviceSchema } from '../src/ai/cop-advice.js';
import { dbuTrendPercent } from '../src/ai/cop-context.js';
import { parseModelJson } from '../src/ai/model-answer.js';

const ADVICE = {
  next_sessions: [{ title: 'Listening session', rationale: 'NPS is low', format: 'feedback session' }],
  content_to_prioritize: [],
  champions_to_recognize: [{ name: 'Ada', reason: '12 contributions' }],
  roadmap: [{ phase: 'Adoption', milestone: 'First use case live', timeframe: 'next 30 days' }],
  summary: 'Start with a listening session.',
};

const parse = (content: string) => parseModelJson(content, copAdviceSchema, 'cop_advisor');

describe('reading a model’s JSON answer', () => {
  it('reads a bare JSON answer', () => {
    expect(parse(JSON.stringify(ADVICE))).toEqual(ADVICE);
  });

  it('reads an answer wrapped in a ```json fence with prose around it', () => {
    const content = `Here is my advice:\n\`\`\`json\n${JSON.stringify(ADVICE, null, 2)}\n\`\`\`\nGood luck!`;
    expect(parse(content)).toEqual(ADVICE);
  });

  it('reads an unfenced object inside a sentence', () => {
    expect(parse(`Sure! ${JSON.stringify(ADVICE)} Hope this helps.`).summary).toBe(ADVICE.summary);
  });

  it('treats a list the model left out as empty and cuts lists that are too long', () => {
    const { champions_to_recognize: _left, ...rest } = ADVICE;
    const sessions = Array.from({ length: 9 }, (_, i) => ({ title: `S${i}`, rationale: 'r', format: 'f' }));
    const parsed = parse(JSON.stringify({ ...rest, next_sessions: sessions }));
    expect(parsed.champions_to_recognize).toEqual([]);
    expect(parsed.next_sessions).toHaveLength(5);
  });

  it.each([
    ['prose without JSON', 'I would suggest a workshop.'],
    ['JSON of another shape', JSON.stringify({ advice: 'run a workshop' })],
    ['a session without a title', JSON.stringify({ ...ADVICE, next_sessions: [{ rationale: 'r', format: 'f' }] })],
    ['truncated JSON', JSON.stringify(ADVICE).slice(0, 80)],
  ])('refuses %s as a bad response', (_case, content) => {
    expect(() => parse(content)).toThrow(expect.objectContaining({ name: 'AiError', reason: 'BAD_RESPONSE' }));
  });
});

describe('DBU trend', () => {
  const today = new Date('2026-11-23T00:00:00Z');
  const day = (ago: number) => new Date(today.getTime() - ago * 86_400_000);
  const series = (value: (ago: number) => number) =>
    Array.from({ length: 30 }, (_, i) => ({ day: day(30 - i), value: value(30 - i) }));

  it('is the percent change between the first and the last week of the last 30 days', () => {
    expect(
      dbuTrendPercent(
        series((ago) => (ago >= 24 ? 100 : ago <= 7 ? 50 : 75)),
        today,
      ),
    ).toBe(-50);
    expect(
      dbuTrendPercent(
        series((ago) => (ago >= 24 ? 30 : 40)),
        today,
      ),
    ).toBe(33.3);
  });

  it('is unknown without data in both weeks or without DBUs in the first week', () => {
    expect(
      dbuTrendPercent(
        series(() => 10).filter((point) => point.day >= day(20)),
        today,
      ),
    ).toBeUndefined();
    expect(
      dbuTrendPercent(
        series((ago) => (ago >= 24 ? 0 : 10)),
        today,
      ),
    ).toBeUndefined();
    expect(dbuTrendPercent([], today)).toBeUndefined();
  });
});

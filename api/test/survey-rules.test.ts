import { describe, expect, it } from 'vitest';
import { checkAnswers, MAX_FREE_TEXT } from '../src/surveys/answers.js';
import { netPromoterScore } from '../src/surveys/nps.js';

describe('netPromoterScore', () => {
  it('is the percentage of promoters minus the percentage of detractors', () => {
    expect(netPromoterScore({ promoters: 6, detractors: 2, total: 10 })).toBe(40);
    expect(netPromoterScore({ promoters: 1, detractors: 2, total: 3 })).toBeCloseTo(-33.333, 3);
    expect(netPromoterScore({ promoters: 0, detractors: 4, total: 4 })).toBe(-100);
  });

  it('is null without answers', () => {
    expect(netPromoterScore({ promoters: 0, detractors: 0, total: 0 })).toBeNull();
  });
});

describe('checkAnswers', () => {
  const questions = [
    { id: 'nps', position: 1, type: 'NPS' as const, choices: [], required: true },
    { id: 'rating', position: 2, type: 'RATING' as const, choices: [], required: false },
    { id: 'choice', position: 3, type: 'CHOICE' as const, choices: ['Yes', 'No'], required: false },
    { id: 'text', position: 4, type: 'FREE_TEXT' as const, choices: [], required: true },
  ];
  const text = { questionId: 'text', textValue: 'Great' };

  it('keeps only the value that fits each question type', () => {
    const { answers, issues } = checkAnswers(questions, [
      { questionId: 'nps', numberValue: 0 },
      { questionId: 'rating', numberValue: 5 },
      { questionId: 'choice', textValue: 'No', numberValue: null },
      { questionId: 'text', textValue: 'a'.repeat(MAX_FREE_TEXT) },
    ]);
    expect(issues).toEqual([]);
    expect(answers.map((answer) => [answer.numberValue, answer.textValue?.length ?? answer.textValue])).toEqual([
      [0, null],
      [5, null],
      [null, 2],
      [null, MAX_FREE_TEXT],
    ]);
  });

  it.each([
    ['NPS above 10', { questionId: 'nps', numberValue: 11 }],
    ['NPS below 0', { questionId: 'nps', numberValue: -1 }],
    ['NPS given as text', { questionId: 'nps', textValue: '9' }],
    ['rating of 6', { questionId: 'rating', numberValue: 6 }],
    ['rating of 0', { questionId: 'rating', numberValue: 0 }],
    ['choice not offered', { questionId: 'choice', textValue: 'Maybe' }],
    ['free text one character too long', { questionId: 'text', textValue: 'a'.repeat(MAX_FREE_TEXT + 1) }],
  ])('refuses %s', (_label, answer) => {
    const others = [{ questionId: 'nps', numberValue: 9 }, text].filter((a) => a.questionId !== answer.questionId);
    const { issues } = checkAnswers(questions, [...others, answer]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe(`answers.${others.length}`);
  });

  it('reports every problem of a response at once, with the field of each', () => {
    const { answers, issues } = checkAnswers(questions, [
      { questionId: 'text', textValue: '   ' },
      { questionId: 'nps', numberValue: 0 },
      { questionId: 'nps', numberValue: 3 },
      { questionId: 'elsewhere', numberValue: 3 },
    ]);
    expect(answers).toEqual([{ questionId: 'nps', numberValue: 0, textValue: null }]);
    expect(issues).toEqual([
      { field: 'answers.0', message: 'Question 4: write an answer.' },
      { field: 'answers.2.questionId', message: 'Question 1 is answered twice.' },
      { field: 'answers.3.questionId', message: 'That question is not part of this survey.' },
    ]);
  });

  it('asks for required questions left out and for at least one answer', () => {
    expect(checkAnswers(questions, [text]).issues).toEqual([
      { field: 'answers', message: 'Question 1 needs an answer.' },
    ]);
    const optional = questions.map((question) => ({ ...question, required: false }));
    expect(checkAnswers(optional, []).issues).toEqual([{ field: 'answers', message: 'Answer at least one question.' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { average, countChoices, countValues, npsBreakdown } from './survey-results';

describe('npsBreakdown', () => {
  it('groups 0–6 as detractors, 7–8 as passives, 9–10 as promoters and scores the difference', () => {
    expect(npsBreakdown([0, 6, 7, 8, 9, 10, 10, 10])).toEqual({
      detractors: 2,
      passives: 2,
      promoters: 4,
      total: 8,
      score: 25,
    });
  });

  it('has no score without answers', () => {
    expect(npsBreakdown([]).score).toBeNull();
  });
});

describe('countValues', () => {
  it('counts every value of the scale, including those nobody gave', () => {
    expect(countValues([5, 5, 2], 1, 5)).toEqual([
      { value: 1, count: 0 },
      { value: 2, count: 1 },
      { value: 3, count: 0 },
      { value: 4, count: 0 },
      { value: 5, count: 2 },
    ]);
  });
});

describe('average and countChoices', () => {
  it('averages ratings and counts choices in survey order', () => {
    expect(average([4, 5, 3])).toBe(4);
    expect(average([])).toBeNull();
    expect(countChoices(['Yes', 'No'], ['No', 'No', 'Maybe'])).toEqual([
      { choice: 'Yes', count: 0 },
      { choice: 'No', count: 2 },
    ]);
  });
});

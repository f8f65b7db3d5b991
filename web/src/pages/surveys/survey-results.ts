/** NPS answers grouped as the score counts them: detractors 0–6, passives 7–8, promoters 9–10. */
export interface NpsBreakdown {
  detractors: number;
  passives: number;
  promoters: number;
  total: number;
  /** Promoters minus detractors, in percent of all answers; null without answers. */
  score: number | null;
}

export function npsBreakdown(scores: readonly number[]): NpsBreakdown {
  const detractors = scores.filter((score) => score <= 6).length;
  const promoters = scores.filter((score) => score >= 9).length;
  const total = scores.length;
  return {
    detractors,
    passives: total - detractors - promoters,
    promoters,
    total,
    score: total ? ((promoters - detractors) / total) * 100 : null,
  };
}

/** How many answers gave each value from `low` to `high`, in order. */
export function countValues(values: readonly number[], low: number, high: number): { value: number; count: number }[] {
  return Array.from({ length: high - low + 1 }, (_, offset) => {
    const value = low + offset;
    return { value, count: values.filter((answer) => answer === value).length };
  });
}

/** The mean of the values, or null without any. */
export const average = (values: readonly number[]) =>
  values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;

/** How many answers picked each choice, in the survey's order. */
export const countChoices = (choices: readonly string[], answers: readonly string[]) =>
  choices.map((choice) => ({ choice, count: answers.filter((answer) => answer === choice).length }));

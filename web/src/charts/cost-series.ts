/** One day's cost of one SKU, as `Customer.cost(groupBy: [DAY, SKU])` gives it. */
export interface DailySkuCost {
  day: string;
  sku: string;
  usd: number;
}

export interface StackedCost {
  /** Days as epoch seconds (uPlot's x axis), ascending and without gaps. */
  days: number[];
  /** SKUs, largest total first. */
  skus: string[];
  /**
   * Per SKU the running sum of itself and every SKU after it, so drawing them in order (tallest first) as bars
   * shows a stack whose top is the day's total.
   */
  stacked: number[][];
  totals: number[];
}

const DAY_S = 86_400;
const toEpoch = (day: string) => Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 1000;

/** Daily cost stacked by SKU over every day from the first to the last (missing days count 0). */
export function stackBySku(rows: DailySkuCost[]): StackedCost {
  if (rows.length === 0) return { days: [], skus: [], stacked: [], totals: [] };
  const epochs = rows.map((row) => toEpoch(row.day));
  const first = Math.min(...epochs);
  const last = Math.max(...epochs);
  const days = Array.from({ length: (last - first) / DAY_S + 1 }, (_, index) => first + index * DAY_S);
  const totalsBySku = new Map<string, number>();
  for (const row of rows) totalsBySku.set(row.sku, (totalsBySku.get(row.sku) ?? 0) + row.usd);
  const skus = [...totalsBySku].sort((a, b) => b[1] - a[1]).map(([sku]) => sku);
  const own = skus.map(() => days.map(() => 0));
  for (const row of rows) own[skus.indexOf(row.sku)]![(toEpoch(row.day) - first) / DAY_S]! += row.usd;
  const stacked = skus.map((_, index) => days.map((_, day) => sumFrom(own, index, day)));
  return { days, skus, stacked, totals: stacked[0] ?? days.map(() => 0) };
}

function sumFrom(own: number[][], from: number, day: number): number {
  let sum = 0;
  for (let index = from; index < own.length; index++) sum += own[index]![day]!;
  return sum;
}

/**
 * The forecast line: null over the days with data, then from the last day on the mean daily cost of the last
 * `window` days, for each day to `until` (epoch seconds) — the same pace `Customer.budget.forecastUsd` uses.
 */
export function paceLine(stack: StackedCost, until: number, window = 7): { days: number[]; pace: (number | null)[] } {
  const { days, totals } = stack;
  if (days.length === 0) return { days, pace: [] };
  const recent = totals.slice(-window);
  const mean = recent.reduce((sum, value) => sum + value, 0) / recent.length;
  const last = days.at(-1)!;
  const extra = Array.from(
    { length: Math.max(0, Math.round((until - last) / DAY_S)) },
    (_, i) => last + (i + 1) * DAY_S,
  );
  return {
    days: [...days, ...extra],
    pace: [...days.map((day) => (day === last ? mean : null)), ...extra.map(() => mean)],
  };
}

import { describe, expect, it } from 'vitest';
import { paceLine, stackBySku } from './cost-series';

describe('stackBySku', () => {
  it('stacks SKUs largest first, fills missing days with 0, and tops out at the day total', () => {
    const stack = stackBySku([
      { day: '2026-11-01', sku: 'SQL', usd: 5 },
      { day: '2026-11-01', sku: 'JOBS', usd: 1 },
      { day: '2026-11-03', sku: 'SQL', usd: 2 },
      { day: '2026-11-03', sku: 'JOBS', usd: 4 },
    ]);
    expect(stack.skus).toEqual(['SQL', 'JOBS']);
    expect(stack.days).toHaveLength(3);
    expect(stack.stacked).toEqual([
      [6, 0, 6],
      [1, 0, 4],
    ]);
    expect(stack.totals).toEqual([6, 0, 6]);
  });

  it('is empty without rows', () => {
    expect(stackBySku([])).toEqual({ days: [], skus: [], stacked: [], totals: [] });
  });
});

describe('paceLine', () => {
  it('continues the mean of the last days from the last day with data to the end', () => {
    const stack = stackBySku([
      { day: '2026-11-01', sku: 'SQL', usd: 2 },
      { day: '2026-11-02', sku: 'SQL', usd: 4 },
    ]);
    const { days, pace } = paceLine(stack, stack.days[1]! + 2 * 86_400, 2);
    expect(days).toHaveLength(4);
    expect(pace).toEqual([null, 3, 3, 3]);
  });
});

import { describe, expect, it } from 'vitest';
import { dailySeries } from './daily-series';

describe('dailySeries', () => {
  it('sorts the days and lays them out for uPlot in epoch seconds, gaps kept', () => {
    const series = dailySeries([
      { date: '2025-01-04', value: 20 },
      { date: '2025-01-01', value: 10 },
      { date: '2025-01-02', value: 30 },
    ]);
    expect(series.points.map((point) => point.date)).toEqual(['2025-01-01', '2025-01-02', '2025-01-04']);
    const day = Date.UTC(2025, 0, 1) / 1000;
    expect(series.data).toEqual([
      [day, day + 86_400, day + 3 * 86_400],
      [10, 30, 20],
    ]);
    expect(series).toMatchObject({ min: 10, max: 30 });
  });

  it('has no range without points', () => {
    expect(dailySeries([])).toMatchObject({ points: [], min: 0, max: 0 });
  });
});

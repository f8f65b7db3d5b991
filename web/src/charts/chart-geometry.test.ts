import { describe, expect, it } from 'vitest';
import { plotSeries } from './chart-geometry';

describe('plotSeries', () => {
  it('maps the lowest value to the bottom and the highest to the top of the plot', () => {
    const plotted = plotSeries(
      [
        { date: '2025-01-01', value: 10 },
        { date: '2025-01-02', value: 30 },
        { date: '2025-01-03', value: 20 },
      ],
      { width: 100, height: 50 },
    );
    expect(plotted.points.map((p) => [p.x, p.y])).toEqual([
      [0, 50],
      [50, 0],
      [100, 25],
    ]);
    expect(plotted).toMatchObject({ min: 10, max: 30, line: 'M0,50 L50,0 L100,25' });
    expect(plotted.area).toBe('M0,50 L50,0 L100,25 L100,50 L0,50 Z');
  });

  it('spaces points by calendar date, leaving room for missing days', () => {
    const plotted = plotSeries(
      [
        { date: '2025-01-01', value: 1 },
        { date: '2025-01-02', value: 2 },
        { date: '2025-01-05', value: 3 },
      ],
      { width: 40, height: 10 },
    );
    expect(plotted.points.map((p) => p.x)).toEqual([0, 10, 40]);
  });

  it('sorts points by date and respects the inset', () => {
    const plotted = plotSeries(
      [
        { date: '2025-01-02', value: 5 },
        { date: '2025-01-01', value: 0 },
      ],
      { width: 120, height: 60, inset: { top: 10, right: 10, bottom: 10, left: 10 } },
    );
    expect(plotted.points.map((p) => [p.date, p.x, p.y])).toEqual([
      ['2025-01-01', 10, 50],
      ['2025-01-02', 110, 10],
    ]);
  });

  it('draws a flat series in the middle instead of dividing by zero', () => {
    const plotted = plotSeries(
      [
        { date: '2025-01-01', value: 7 },
        { date: '2025-01-02', value: 7 },
      ],
      { width: 10, height: 10 },
    );
    expect(plotted.points.map((p) => p.y)).toEqual([5, 5]);
  });

  it('returns empty paths for an empty series', () => {
    expect(plotSeries([], { width: 10, height: 10 })).toMatchObject({ points: [], line: '', area: '' });
  });
});

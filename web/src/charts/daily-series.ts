import type uPlot from 'uplot';

/** One value of a series on a calendar day (`YYYY-MM-DD`), as `Cop.kpiSeries` returns it. */
export interface SeriesPoint {
  date: string;
  value: number;
}

/** A daily series sorted by day, its uPlot data (x: epoch seconds) and its range. */
export interface DailySeries {
  points: SeriesPoint[];
  data: uPlot.AlignedData;
  min: number;
  max: number;
}

const epochSeconds = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 1000;

/** Sorts a daily series and lays it out for uPlot (missing days leave gaps of the right width on a time axis). */
export function dailySeries(series: readonly SeriesPoint[]): DailySeries {
  const points = [...series].sort((a, b) => epochSeconds(a.date) - epochSeconds(b.date));
  const values = points.map((point) => point.value);
  return {
    points,
    data: [points.map((point) => epochSeconds(point.date)), values],
    min: values.length ? Math.min(...values) : 0,
    max: values.length ? Math.max(...values) : 0,
  };
}

/** uPlot options for a bare trend line (no axes, legend or grid), optionally filled below. */
export function trendOptions(stroke: string, fill?: string): Omit<uPlot.Options, 'width' | 'height'> {
  return {
    legend: { show: false },
    scales: { x: { time: true } },
    axes: [{ show: false }, { show: false }],
    cursor: { y: false, drag: { x: false, y: false } },
    series: [{}, { stroke, width: 2, fill, points: { show: false } }],
  };
}

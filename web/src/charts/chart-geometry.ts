/** One value of a series on a calendar day (`YYYY-MM-DD`), as `Cop.kpiSeries` returns it. */
export interface SeriesPoint {
  date: string;
  value: number;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room kept free around the plot (for labels and the stroke). */
  inset?: { top: number; right: number; bottom: number; left: number };
}

export interface PlottedPoint extends SeriesPoint {
  x: number;
  y: number;
}

export interface PlottedSeries {
  points: PlottedPoint[];
  /** SVG path of the line through the points. */
  line: string;
  /** SVG path of the area between the line and the bottom of the plot. */
  area: string;
  min: number;
  max: number;
}

const noInset = { top: 0, right: 0, bottom: 0, left: 0 };
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Places a daily series in a box: x by calendar date (so missing days leave gaps of the right width),
 * y between the series' min and max (a flat series is drawn in the middle).
 */
export function plotSeries(series: readonly SeriesPoint[], box: ChartBox): PlottedSeries {
  const inset = box.inset ?? noInset;
  const plotWidth = box.width - inset.left - inset.right;
  const plotHeight = box.height - inset.top - inset.bottom;
  const sorted = [...series].sort((a, b) => dayMs(a.date) - dayMs(b.date));
  if (sorted.length === 0) return { points: [], line: '', area: '', min: 0, max: 0 };

  const values = sorted.map((point) => point.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const firstDay = dayMs(sorted[0].date);
  const daySpan = dayMs(sorted[sorted.length - 1].date) - firstDay;

  const points = sorted.map((point) => ({
    ...point,
    x: round(inset.left + (daySpan === 0 ? plotWidth / 2 : ((dayMs(point.date) - firstDay) / daySpan) * plotWidth)),
    y: round(inset.top + (max === min ? plotHeight / 2 : (1 - (point.value - min) / (max - min)) * plotHeight)),
  }));
  const line = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x},${point.y}`).join(' ');
  const bottom = inset.top + plotHeight;
  const area = `${line} L${points[points.length - 1].x},${bottom} L${points[0].x},${bottom} Z`;
  return { points, line, area, min, max };
}

import { type Component, createMemo, Show } from 'solid-js';
import { themeColour } from './chart-colours';
import { dailySeries, type SeriesPoint, trendOptions } from './daily-series';
import { LazyUPlotChart } from './LazyUPlotChart';
import { formatMetric, metricLabel } from './metrics';

export interface SparklineProps {
  metricName: string;
  /** Shown instead of the metric name (which suits short names like MAP). */
  label?: string;
  points: readonly SeriesPoint[];
}

/** A metric's trend at a glance: short label, latest value and a tiny line (uPlot, loaded lazily). */
export const Sparkline: Component<SparklineProps> = (props) => {
  const series = createMemo(() => dailySeries(props.points));
  const latest = () => series().points.at(-1);
  const trendLabel = () => {
    const points = series().points;
    if (points.length < 2) return 'no trend yet';
    const delta = points[points.length - 1].value - points[0].value;
    return delta === 0 ? 'flat' : `${delta > 0 ? 'up' : 'down'} ${formatMetric(props.metricName, Math.abs(delta))}`;
  };
  const options = createMemo(() => ({
    ...trendOptions(themeColour(props.metricName === 'NPS' ? '--color-success' : '--color-chart', '#2563eb')),
    cursor: { show: false },
  }));

  return (
    <div class="sparkline" data-metric={props.metricName}>
      <span class="sparkline__name" title={metricLabel(props.metricName)}>
        {props.label ?? props.metricName}
      </span>
      <Show when={latest()} fallback={<span class="sparkline__value muted">—</span>}>
        {(last) => <span class="sparkline__value">{formatMetric(props.metricName, last().value)}</span>}
      </Show>
      <div class="sparkline__plot" role="img" aria-label={`${metricLabel(props.metricName)} trend: ${trendLabel()}`}>
        <Show when={series().points.length > 1}>
          <LazyUPlotChart options={options()} data={series().data} height={28} />
        </Show>
      </div>
    </div>
  );
};

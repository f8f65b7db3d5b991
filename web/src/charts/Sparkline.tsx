import { type Component, createMemo, Show } from 'solid-js';
import { plotSeries, type SeriesPoint } from './chart-geometry';
import { formatMetric, metricLabel } from './metrics';

export interface SparklineProps {
  metricName: string;
  /** Shown instead of the metric name (which suits short names like MAP). */
  label?: string;
  points: readonly SeriesPoint[];
}

const box = { width: 96, height: 28, inset: { top: 3, right: 3, bottom: 3, left: 3 } };

/** A metric's trend at a glance: short label, latest value and a tiny line. */
export const Sparkline: Component<SparklineProps> = (props) => {
  const plotted = createMemo(() => plotSeries(props.points, box));
  const latest = () => plotted().points.at(-1);
  const trendLabel = () => {
    const points = plotted().points;
    if (points.length < 2) return 'no trend yet';
    const delta = points[points.length - 1].value - points[0].value;
    return delta === 0 ? 'flat' : `${delta > 0 ? 'up' : 'down'} ${formatMetric(props.metricName, Math.abs(delta))}`;
  };

  return (
    <div class="sparkline" data-metric={props.metricName}>
      <span class="sparkline__name" title={metricLabel(props.metricName)}>
        {props.label ?? props.metricName}
      </span>
      <Show when={latest()} fallback={<span class="sparkline__value muted">—</span>}>
        {(last) => <span class="sparkline__value">{formatMetric(props.metricName, last().value)}</span>}
      </Show>
      <svg
        class="sparkline__plot"
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-label={`${metricLabel(props.metricName)} trend: ${trendLabel()}`}
      >
        <path d={plotted().line} vector-effect="non-scaling-stroke" />
      </svg>
    </div>
  );
};

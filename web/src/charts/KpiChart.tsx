import { type Component, createMemo, createSignal, For, Show } from 'solid-js';
import { plotSeries, type SeriesPoint } from './chart-geometry';
import { formatDay } from './format-date';
import { formatMetric, formatMetricChange, metricLabel } from './metrics';

export interface KpiChartProps {
  metricName: string;
  points: readonly SeriesPoint[];
}

const box = { width: 320, height: 120, inset: { top: 8, right: 6, bottom: 8, left: 6 } };

/**
 * One KPI over time: the latest value, its change over the range, and an area chart. The chart is
 * focusable; arrow keys (or the pointer) pick a day and read its value out.
 */
export const KpiChart: Component<KpiChartProps> = (props) => {
  const plotted = createMemo(() => plotSeries(props.points, box));
  const [selectedIndex, setSelectedIndex] = createSignal<number | null>(null);
  const latest = () => plotted().points.at(-1);
  const selected = () => {
    const index = selectedIndex();
    return index === null ? undefined : plotted().points[index];
  };
  const format = (value: number) => formatMetric(props.metricName, value);
  const change = () => {
    const points = plotted().points;
    return points.length < 2 ? null : points[points.length - 1].value - points[0].value;
  };
  const summary = () => {
    const last = latest();
    if (!last) return `${metricLabel(props.metricName)}: no data`;
    const { min, max, points } = plotted();
    return `${metricLabel(props.metricName)} over ${points.length} days to ${formatDay(last.date)}: latest ${format(last.value)}, lowest ${format(min)}, highest ${format(max)}`;
  };

  const moveSelection = (event: KeyboardEvent) => {
    const count = plotted().points.length;
    if (count === 0) return;
    const current = selectedIndex() ?? count - 1;
    const next = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: count - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setSelectedIndex(Math.max(0, Math.min(count - 1, next)));
  };
  const selectNearest = (event: PointerEvent) => {
    const svg = event.currentTarget as SVGSVGElement;
    const bounds = svg.getBoundingClientRect();
    if (bounds.width === 0) return;
    const x = ((event.clientX - bounds.left) / bounds.width) * box.width;
    const points = plotted().points;
    let nearest = 0;
    for (let index = 1; index < points.length; index++) {
      if (Math.abs(points[index].x - x) < Math.abs(points[nearest].x - x)) nearest = index;
    }
    setSelectedIndex(points.length ? nearest : null);
  };

  return (
    <figure class="kpi-chart" data-metric={props.metricName}>
      <figcaption class="kpi-chart__header">
        <span class="kpi-chart__label">{metricLabel(props.metricName)}</span>
        <Show when={latest()} fallback={<span class="kpi-chart__empty">No data yet</span>}>
          {(last) => (
            <span class="kpi-chart__figures">
              <strong class="kpi-chart__value" data-testid="kpi-latest">
                {format(last().value)}
              </strong>
              <Show when={change()} keyed>
                {(delta) => (
                  <span
                    class="kpi-chart__change"
                    classList={{ 'is-up': delta > 0, 'is-down': delta < 0 }}
                    title="Change over the period shown"
                  >
                    {delta > 0 ? '▲' : '▼'} {formatMetricChange(props.metricName, delta)}
                  </span>
                )}
              </Show>
            </span>
          )}
        </Show>
      </figcaption>
      <Show when={plotted().points.length > 0}>
        <svg
          class="kpi-chart__plot"
          viewBox={`0 0 ${box.width} ${box.height}`}
          role="img"
          aria-label={summary()}
          tabindex="0"
          onKeyDown={moveSelection}
          onPointerMove={selectNearest}
          onPointerLeave={() => setSelectedIndex(null)}
          onBlur={() => setSelectedIndex(null)}
        >
          <path class="kpi-chart__area" d={plotted().area} />
          <path class="kpi-chart__line" d={plotted().line} vector-effect="non-scaling-stroke" />
          <Show when={selected()}>
            {(point) => (
              <g class="kpi-chart__cursor">
                <line x1={point().x} x2={point().x} y1={box.inset.top} y2={box.height - box.inset.bottom} />
                <circle cx={point().x} cy={point().y} r="3.5" />
              </g>
            )}
          </Show>
          <For each={plotted().points.length === 1 ? plotted().points : []}>
            {(point) => <circle class="kpi-chart__dot" cx={point.x} cy={point.y} r="3" />}
          </For>
        </svg>
        <div class="kpi-chart__axis">
          <span>{formatDay(plotted().points[0].date)}</span>
          <span class="kpi-chart__readout" aria-live="polite" data-testid="kpi-readout">
            <Show when={selected()} fallback={`Low ${format(plotted().min)} · High ${format(plotted().max)}`}>
              {(point) => (
                <>
                  {formatDay(point().date)}: {format(point().value)}
                </>
              )}
            </Show>
          </span>
          <span>{formatDay(latest()!.date)}</span>
        </div>
      </Show>
    </figure>
  );
};

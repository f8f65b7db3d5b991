import { type Component, createMemo, createSignal, Show } from 'solid-js';
import { themeColour } from './chart-colours';
import { dailySeries, type SeriesPoint, trendOptions } from './daily-series';
import { formatDay } from './format-date';
import { LazyUPlotChart } from './LazyUPlotChart';
import { formatMetric, formatMetricChange, metricLabel } from './metrics';

export interface KpiChartProps {
  metricName: string;
  points: readonly SeriesPoint[];
}

/**
 * One KPI over time: the latest value, its change over the range, and an area chart (uPlot, loaded lazily). The
 * chart is focusable; arrow keys (or the pointer) pick a day and read its value out.
 */
export const KpiChart: Component<KpiChartProps> = (props) => {
  const series = createMemo(() => dailySeries(props.points));
  const [selectedIndex, setSelectedIndex] = createSignal<number | null>(null);
  const latest = () => series().points.at(-1);
  const selected = () => {
    const index = selectedIndex();
    return index === null ? undefined : series().points[index];
  };
  const format = (value: number) => formatMetric(props.metricName, value);
  const change = () => {
    const points = series().points;
    return points.length < 2 ? null : points[points.length - 1].value - points[0].value;
  };
  const summary = () => {
    const last = latest();
    if (!last) return `${metricLabel(props.metricName)}: no data`;
    const { min, max, points } = series();
    return `${metricLabel(props.metricName)} over ${points.length} days to ${formatDay(last.date)}: latest ${format(last.value)}, lowest ${format(min)}, highest ${format(max)}`;
  };
  const options = createMemo(() => {
    const colour = themeColour(props.metricName === 'NPS' ? '--color-success' : '--color-chart', '#2563eb');
    return trendOptions(colour, themeColour('--color-chart-fill', 'rgb(37 99 235 / 0.12)'));
  });

  const moveSelection = (event: KeyboardEvent) => {
    const count = series().points.length;
    if (count === 0) return;
    const current = selectedIndex() ?? count - 1;
    const next = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: count - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setSelectedIndex(Math.max(0, Math.min(count - 1, next)));
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
      <Show when={series().points.length > 0}>
        <div
          class="kpi-chart__plot"
          role="img"
          aria-label={summary()}
          tabindex="0"
          onKeyDown={moveSelection}
          onBlur={() => setSelectedIndex(null)}
        >
          <LazyUPlotChart
            options={options()}
            data={series().data}
            height={120}
            onCursor={setSelectedIndex}
            cursorIndex={selectedIndex()}
          />
        </div>
        <div class="kpi-chart__axis">
          <span>{formatDay(series().points[0].date)}</span>
          <span class="kpi-chart__readout" aria-live="polite" data-testid="kpi-readout">
            <Show when={selected()} fallback={`Low ${format(series().min)} · High ${format(series().max)}`}>
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

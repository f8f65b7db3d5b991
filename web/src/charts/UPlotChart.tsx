import { type Component, createEffect, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UPlotChartProps {
  /** uPlot's options without the size: the chart takes its container's width. */
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height: number;
  /**
   * What the chart shows, in words, for screen readers (the canvas itself says nothing). Omitted when the
   * element around the chart describes it.
   */
  summary?: string;
  /** Told the data index under the cursor (pointer), null when it leaves. */
  onCursor?: (index: number | null) => void;
  /** Puts the cursor on a data index (keyboard selection); null leaves it to the pointer. */
  cursorIndex?: number | null;
}

/**
 * A uPlot chart in Solid: built on mount, rebuilt when its options or data change, resized with its container,
 * destroyed with the component. uPlot draws on canvas, so `summary` carries the figures for assistive tech.
 * Pages load it lazily (`LazyUPlotChart`) where the first paint should not wait for uPlot.
 */
export const UPlotChart: Component<UPlotChartProps> = (props) => {
  let container!: HTMLDivElement;
  let plot: uPlot | undefined;
  onMount(() => {
    const resize = new ResizeObserver(() => plot?.setSize({ width: container.clientWidth, height: props.height }));
    resize.observe(container);
    onCleanup(() => resize.disconnect());
  });
  createEffect(() => {
    const onCursor = props.onCursor;
    const hooks = onCursor
      ? { ...props.options.hooks, setCursor: [(chart: uPlot) => onCursor(chart.cursor.idx ?? null)] }
      : props.options.hooks;
    const options = { ...props.options, hooks, width: container.clientWidth || 600, height: props.height };
    plot?.destroy();
    plot = new uPlot(options, props.data, container);
  });
  createEffect(() => {
    const index = props.cursorIndex;
    const x = index == null ? undefined : props.data[0][index];
    const y = index == null ? undefined : props.data[1]?.[index];
    if (!plot || x === undefined || y == null) return;
    plot.setCursor({ left: plot.valToPos(x, 'x'), top: plot.valToPos(y, 'y') });
  });
  onCleanup(() => plot?.destroy());
  return (
    <figure class="uplot-chart" role={props.summary ? 'img' : undefined} aria-label={props.summary}>
      <div ref={container} />
    </figure>
  );
};

export default UPlotChart;

import { type Component, createEffect, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UPlotChartProps {
  /** uPlot's options without the size: the chart takes its container's width. */
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height: number;
  /** What the chart shows, in words, for screen readers (the canvas itself says nothing). */
  summary: string;
}

/**
 * A uPlot chart in Solid: built on mount, rebuilt when its options or data change, resized with its container,
 * destroyed with the component. uPlot draws on canvas, so `summary` carries the figures for assistive tech.
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
    const options = { ...props.options, width: container.clientWidth || 600, height: props.height };
    plot?.destroy();
    plot = new uPlot(options, props.data, container);
  });
  onCleanup(() => plot?.destroy());
  return (
    <figure class="uplot-chart" role="img" aria-label={props.summary}>
      <div ref={container} />
    </figure>
  );
};

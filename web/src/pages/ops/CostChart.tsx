import { type Component, createMemo } from 'solid-js';
import uPlot from 'uplot';
import { type DailySkuCost, paceLine, stackBySku } from '../../charts/cost-series';
import { UPlotChart } from '../../charts/UPlotChart';
import { formatUsd } from './format-usd';

const SKU_COLOURS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#0891b2', '#dc2626', '#64748b'];

export interface CostChartProps {
  rows: DailySkuCost[];
  /** The monthly budget, drawn as its daily share; null: no line. */
  monthlyUsd: number | null;
}

/** Daily list-price cost stacked by SKU, the daily share of the budget, and the forecast pace to month end. */
export const CostChart: Component<CostChartProps> = (props) => {
  const chart = createMemo(() => {
    const stack = stackBySku(props.rows);
    const lastDay = stack.days.at(-1) ?? Date.now() / 1000;
    const last = new Date(lastDay * 1000);
    const monthEnd = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 0) / 1000;
    const { days, pace } = paceLine(stack, monthEnd);
    const pad = (values: number[]) => [...values, ...days.slice(values.length).map(() => null)];
    const daysInMonth = new Date(monthEnd * 1000).getUTCDate();
    const dailyBudget = props.monthlyUsd === null ? null : props.monthlyUsd / daysInMonth;
    const bars = (index: number): uPlot.Series => ({
      label: stack.skus[index],
      stroke: SKU_COLOURS[index % SKU_COLOURS.length],
      fill: `${SKU_COLOURS[index % SKU_COLOURS.length]}cc`,
      paths: barPaths,
      points: { show: false },
      value: (_plot, value) => (value === null ? '–' : formatUsd(value)),
    });
    const options: Omit<uPlot.Options, 'width' | 'height'> = {
      scales: { x: { time: true } },
      axes: [{}, { values: (_plot, ticks) => ticks.map((tick) => formatUsd(tick)) }],
      series: [
        {},
        ...stack.skus.map((_, index) => bars(index)),
        { label: 'Daily budget', stroke: '#b91c1c', width: 2, points: { show: false } },
        { label: 'Forecast pace', stroke: '#475569', width: 2, dash: [6, 4], points: { show: false } },
      ],
    };
    const data: uPlot.AlignedData = [days, ...stack.stacked.map(pad), days.map(() => dailyBudget), pace];
    const total = stack.totals.reduce((sum, value) => sum + value, 0);
    const summary = `Daily cost over ${stack.days.length} days, ${formatUsd(total)} in total, stacked by ${stack.skus.length} SKUs${
      dailyBudget === null ? '' : `; daily budget ${formatUsd(dailyBudget)}`
    }.`;
    return { options, data, summary };
  });
  return <UPlotChart options={chart().options} data={chart().data} height={260} summary={chart().summary} />;
};

const barPaths = uPlot.paths.bars!({ size: [0.8, 40] });

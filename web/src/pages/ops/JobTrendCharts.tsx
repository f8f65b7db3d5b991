import { createQuery } from '@urql/solid';
import { type Component, createMemo, Show } from 'solid-js';
import type uPlot from 'uplot';
import { UPlotChart } from '../../charts/UPlotChart';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';

const OpsJobsByDayQuery = graphql(`
  query OpsJobsByDay($id: ID!, $from: Date!, $to: Date!) {
    customer(id: $id) {
      id
      opsMetrics(from: $from, to: $to) {
        jobsByDay {
          day
          runs
          successRate
          durationP50Seconds
          durationP95Seconds
          durationP99Seconds
        }
      }
    }
  }
`);

export interface JobTrendChartsProps {
  customerId: string;
  from: string;
  to: string;
}

const PERCENTILES = [
  { label: 'p50', key: 'durationP50Seconds', stroke: '#16a34a' },
  { label: 'p95', key: 'durationP95Seconds', stroke: '#d97706' },
  { label: 'p99', key: 'durationP99Seconds', stroke: '#dc2626' },
] as const;

const epochSeconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
const minutes = (seconds: number | null) => (seconds === null ? '–' : `${(seconds / 60).toFixed(1)} min`);
const line = (label: string, stroke: string, value: (v: number | null) => string): uPlot.Series => ({
  label,
  stroke,
  width: 2,
  points: { show: false },
  value: (_plot, v) => value(v),
});

/** Job run duration p50/p95/p99 and success rate per day, on the same uPlot wrapper as the cost chart. */
export const JobTrendCharts: Component<JobTrendChartsProps> = (props) => {
  const [result, refetch] = createQuery({
    query: OpsJobsByDayQuery,
    variables: () => ({ id: props.customerId, from: props.from, to: props.to }),
  });
  const days = () => result.data?.customer?.opsMetrics?.jobsByDay ?? [];
  const charts = createMemo(() => {
    const rows = days();
    const x = rows.map((row) => epochSeconds(String(row.day)));
    const durations = {
      options: {
        scales: { x: { time: true } },
        axes: [
          {},
          {
            size: 64,
            incrs: [60, 300, 600, 900, 1800, 3600, 7200, 14_400],
            values: (_plot: uPlot, ticks: number[]) => ticks.map((tick) => `${Math.round(tick / 60)} min`),
          },
        ],
        series: [{}, ...PERCENTILES.map((p) => line(p.label, p.stroke, minutes))],
      } satisfies Omit<uPlot.Options, 'width' | 'height'>,
      data: [x, ...PERCENTILES.map((p) => rows.map((row) => row[p.key] ?? null))] as uPlot.AlignedData,
      summary: `Job run duration per day over ${rows.length} days: p95 up to ${minutes(
        Math.max(0, ...rows.map((row) => row.durationP95Seconds ?? 0)),
      )}.`,
    };
    const rates = rows.map((row) => (row.successRate === null ? null : row.successRate * 100));
    const known = rates.filter((rate): rate is number => rate !== null);
    const success = {
      options: {
        scales: { x: { time: true }, y: { range: [Math.min(80, ...known), 100] } },
        axes: [{}, { size: 56, values: (_plot: uPlot, ticks: number[]) => ticks.map((tick) => `${tick} %`) }],
        series: [{}, line('Success rate', '#2563eb', (v) => (v === null ? '–' : `${v.toFixed(1)} %`))],
      } satisfies Omit<uPlot.Options, 'width' | 'height'>,
      data: [x, rates] as uPlot.AlignedData,
      summary: `Job success rate per day over ${rows.length} days: lowest ${
        known.length ? `${Math.min(...known).toFixed(1)} %` : '–'
      }.`,
    };
    return { durations, success };
  });

  return (
    <QueryState result={result} label="Loading job trends" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      <Show when={days().length > 0} fallback={<p class="empty">No job runs in this period.</p>}>
        <Panel title="Job duration percentiles" class="ops-job-durations">
          <UPlotChart
            options={charts().durations.options}
            data={charts().durations.data}
            height={220}
            summary={charts().durations.summary}
          />
        </Panel>
        <Panel title="Job success rate" class="ops-job-success">
          <UPlotChart
            options={charts().success.options}
            data={charts().success.data}
            height={220}
            summary={charts().success.summary}
          />
        </Panel>
      </Show>
    </QueryState>
  );
};

import { createQuery } from '@urql/solid';
import { type Component, createSignal, For } from 'solid-js';
import { isoDaysAgo } from '../../charts/date-range';
import { KpiChart } from '../../charts/KpiChart';
import { KPI_METRIC_NAMES } from '../../charts/metrics';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';

const CopKpisQuery = graphql(`
  query CopKpis($id: ID!, $metricNames: [String!]!, $from: Date!) {
    cop(id: $id) {
      id
      kpiSeries(metricNames: $metricNames, from: $from) {
        metricName
        points {
          date
          value
        }
      }
    }
  }
`);

const PERIODS = [30, 90, 180] as const;

export interface KpiPanelProps {
  copId: string;
}

/** Every KPI of the CoP over a chosen period; the period changes only this panel's query. */
export const KpiPanel: Component<KpiPanelProps> = (props) => {
  const [days, setDays] = createSignal<(typeof PERIODS)[number]>(90);
  const [kpis, refetch] = createQuery({
    query: CopKpisQuery,
    variables: () => ({ id: props.copId, metricNames: KPI_METRIC_NAMES, from: isoDaysAgo(days() - 1) }),
  });

  const periodPicker = (
    <fieldset class="segmented">
      <legend class="visually-hidden">Period</legend>
      <For each={PERIODS}>
        {(period) => (
          <button type="button" aria-pressed={days() === period} onClick={() => setDays(period)}>
            {period} days
          </button>
        )}
      </For>
    </fieldset>
  );

  return (
    <Panel title="KPIs" meta={`Last ${days()} days`} actions={periodPicker} class="kpi-panel">
      <QueryState result={kpis} label="Loading KPIs" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        <div class="kpi-grid">
          <For each={kpis.data?.cop?.kpiSeries ?? []}>
            {(series) => <KpiChart metricName={series.metricName} points={series.points} />}
          </For>
        </div>
      </QueryState>
    </Panel>
  );
};

import { createQuery } from '@urql/solid';
import { type Component, For, Show } from 'solid-js';
import { formatDay } from '../../charts/format-date';
import { formatMetric, metricLabel } from '../../charts/metrics';
import { Sparkline } from '../../charts/Sparkline';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Panel } from '../../components/Panel';
import { graphql } from '../../gql';
import { createRemoteError } from '../../graphql/createRemoteError';

// Its own query: Databricks may be slow or down, and that must not hold up the rest of the dashboard.
const CopPlatformUsageQuery = graphql(`
  query CopPlatformUsage($id: ID!) {
    cop(id: $id) {
      id
      platformUsage {
        from
        to
        stale
        activeUsers
        series {
          metric
          total
          points {
            date
            value
          }
        }
      }
    }
  }
`);

/** Days of a range, both ends included (dates as YYYY-MM-DD). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

export interface PlatformUsagePanelProps {
  copId: string;
}

/** Live usage from the Databricks system tables of the CoP's workspaces (last 30 days). */
export const PlatformUsagePanel: Component<PlatformUsagePanelProps> = (props) => {
  // Always asked of the gateway (which caches Databricks answers itself): only a network answer carries the
  // typed error that explains a missing value.
  const [usage, refetch] = createQuery({
    query: CopPlatformUsageQuery,
    variables: () => ({ id: props.copId }),
    requestPolicy: 'network-only',
  });
  const platformUsage = () => usage.data?.cop?.platformUsage;
  const remoteError = createRemoteError(
    () => usage.error,
    () => Boolean(platformUsage()),
  );

  return (
    <Panel
      title="Live platform usage"
      meta={platformUsage() ? `${formatDay(platformUsage()!.from)} – ${formatDay(platformUsage()!.to)}` : undefined}
      class="usage-panel"
    >
      <Show when={remoteError()}>
        {(error) => (
          <ErrorState error={error()} variant="inline" onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        )}
      </Show>
      <Show when={usage.fetching && !platformUsage() && !remoteError()}>
        <Loading label="Asking Databricks" />
      </Show>
      <Show when={platformUsage()}>
        {(current) => (
          <>
            <Show when={current().stale}>
              <p class="stale-mark" role="status">
                Databricks is unreachable: these are the last known values.
              </p>
            </Show>
            <Show
              when={current().series.length > 0}
              fallback={<p class="empty">No workspace is mapped to this CoP yet.</p>}
            >
              <ul class="usage-grid">
                <For each={current().series}>
                  {(series) => (
                    <li class="usage-grid__item">
                      <Sparkline metricName={series.metric} label={metricLabel(series.metric)} points={series.points} />
                      <span class="muted usage-grid__total" data-testid={`usage-total-${series.metric}`}>
                        {series.metric === 'ACTIVE_USERS'
                          ? `${formatMetric(series.metric, current().activeUsers)} distinct over ${daysBetween(current().from, current().to)} days`
                          : `${formatMetric(series.metric, series.total)} in total`}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </Panel>
  );
};

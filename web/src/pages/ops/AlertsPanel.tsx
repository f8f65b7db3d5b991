import { createQuery, createSubscription } from '@urql/solid';
import { type Component, createMemo, For, Show } from 'solid-js';
import { formatDateTime } from '../../charts/format-date';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { AlertFieldsFragment } from '../../gql/graphql';

export const AlertFields = graphql(`
  fragment AlertFields on Alert {
    id
    kind
    state
    summary
    firedAt
    resolvedAt
  }
`);

const OpsAlertsQuery = graphql(`
  query OpsAlerts($id: ID!) {
    customer(id: $id) {
      id
      alerts {
        ...AlertFields
      }
    }
  }
`);

const AlertsChangedSubscription = graphql(`
  subscription AlertsChanged($id: ID!) {
    alerts(customerId: $id) {
      ...AlertFields
    }
  }
`);

export interface AlertsPanelProps {
  customerId: string;
}

const KIND_LABELS: Record<string, string> = {
  JOB_FAILURES: 'Job failures',
  DAILY_DBU_OVER_BUDGET: 'Daily cost over budget',
  SERVING_P95: 'Serving latency',
};

/** The customer's alerts, firing first, kept live by `Subscription.alerts` (a firing shows as it happens). */
export const AlertsPanel: Component<AlertsPanelProps> = (props) => {
  const [alerts, refetch] = createQuery({ query: OpsAlertsQuery, variables: () => ({ id: props.customerId }) });
  // Every alert heard since the page opened, newest last; they replace the loaded ones of the same id.
  const [live] = createSubscription(
    { query: AlertsChangedSubscription, variables: () => ({ id: props.customerId }) },
    (heard: AlertFieldsFragment[] = [], data) => [...heard, data.alerts as AlertFieldsFragment],
  );
  const list = createMemo(() => {
    const byId = new Map<string, AlertFieldsFragment>();
    for (const alert of (alerts.data?.customer?.alerts ?? []) as AlertFieldsFragment[]) byId.set(alert.id, alert);
    for (const alert of live.data ?? []) byId.set(alert.id, alert);
    return [...byId.values()].sort(
      (a, b) => Number(b.state === 'FIRING') - Number(a.state === 'FIRING') || b.firedAt.localeCompare(a.firedAt),
    );
  });
  const firing = () => list().filter((alert) => alert.state === 'FIRING').length;

  return (
    <Panel title="Alerts" meta={firing() > 0 ? `${firing()} firing` : 'none firing'} class="ops-alerts">
      <QueryState result={alerts} label="Loading alerts" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        <Show when={list().length > 0} fallback={<p class="empty">No alert has fired.</p>}>
          <ul class="ops-alert-list" aria-live="polite">
            <For each={list()}>
              {(alert) => (
                <li class="ops-alert" data-testid="alert-item" data-state={alert.state} data-kind={alert.kind}>
                  <span class="badge" classList={{ 'ops-alert__firing': alert.state === 'FIRING' }}>
                    {alert.state === 'FIRING' ? 'Firing' : 'Resolved'}
                  </span>
                  <strong>{KIND_LABELS[alert.kind] ?? alert.kind}</strong>
                  <span class="ops-alert__summary">{alert.summary}</span>
                  <span class="muted">
                    {formatDateTime(alert.firedAt)}
                    {alert.resolvedAt ? ` – ${formatDateTime(alert.resolvedAt)}` : ''}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </QueryState>
    </Panel>
  );
};

import { createQuery } from '@urql/solid';
import { type Component, For, Show } from 'solid-js';
import { formatDateTime } from '../../charts/format-date';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';

const OpsFreshnessQuery = graphql(`
  query OpsFreshness($id: ID!) {
    customer(id: $id) {
      id
      opsMetrics {
        dataFreshness {
          table
          lastUpdatedAt
          ageSeconds
        }
      }
    }
  }
`);

export interface FreshnessPanelProps {
  customerId: string;
}

/** Older than this, a table is marked stale (a daily pipeline that missed a day). */
const STALE_SECONDS = 36 * 3600;

export function formatAge(seconds: number | null): string {
  if (seconds === null) return 'unknown';
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

/** The tenant catalog's tables, stalest first, with when each was last written. */
export const FreshnessPanel: Component<FreshnessPanelProps> = (props) => {
  const [result, refetch] = createQuery({ query: OpsFreshnessQuery, variables: () => ({ id: props.customerId }) });
  const tables = () => result.data?.customer?.opsMetrics?.dataFreshness ?? [];
  return (
    <Panel title="Data freshness" meta={`${tables().length} tables`} class="ops-freshness">
      <QueryState result={result} label="Loading freshness" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        <Show when={tables().length > 0} fallback={<p class="empty">The tenant catalog has no tables yet.</p>}>
          <table class="ops-freshness__table">
            <thead>
              <tr>
                <th scope="col">Table</th>
                <th scope="col">Last updated</th>
                <th scope="col">Age</th>
              </tr>
            </thead>
            <tbody>
              <For each={tables()}>
                {(row) => (
                  <tr classList={{ 'is-stale': row.ageSeconds === null || row.ageSeconds > STALE_SECONDS }}>
                    <td>
                      <code>{row.table}</code>
                    </td>
                    <td>{row.lastUpdatedAt ? formatDateTime(String(row.lastUpdatedAt)) : '–'}</td>
                    <td>{formatAge(row.ageSeconds ?? null)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </QueryState>
    </Panel>
  );
};

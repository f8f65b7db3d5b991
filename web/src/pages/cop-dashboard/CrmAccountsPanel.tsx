import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, For, Show } from 'solid-js';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Panel } from '../../components/Panel';
import { graphql } from '../../gql';
import '../crm/crm.css';

// Its own query: the accounts live in the customer's warehouse, which may be slow or down; the rest of the
// dashboard does not wait for it.
const CopCrmAccountsQuery = graphql(`
  query CopCrmAccounts($id: ID!) {
    cop(id: $id) {
      id
      crmAccounts {
        id
        team
        businessArea
        platformStatuses(first: 20) {
          nodes {
            id
            platform
            status
          }
        }
      }
    }
  }
`);

export interface CrmAccountsPanelProps {
  copId: string;
}

/** The CRM accounts the CoP serves, each with its status on every platform. */
export const CrmAccountsPanel: Component<CrmAccountsPanelProps> = (props) => {
  const [accounts, refetch] = createQuery({ query: CopCrmAccountsQuery, variables: () => ({ id: props.copId }) });
  const list = () => accounts.data?.cop?.crmAccounts;
  return (
    <Panel title="Accounts served" meta={list() ? `${list()!.length} in total` : undefined}>
      <Show when={accounts.error}>
        {(error) => (
          <ErrorState error={error()} variant="inline" onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        )}
      </Show>
      <Show when={accounts.fetching && !list()}>
        <Loading label="Asking the CRM" />
      </Show>
      <Show when={list()}>
        {(served) => (
          <Show when={served().length > 0} fallback={<p class="empty">No CRM account is linked to this CoP yet.</p>}>
            <ul class="list">
              <For each={served()}>
                {(account) => (
                  <li class="list__row" data-testid="cop-crm-account">
                    <span class="list__main">
                      <A class="list__title" href={`/crm/accounts/${encodeURIComponent(account.id)}`}>
                        {account.team}
                      </A>
                      <span class="list__sub muted">{account.businessArea}</span>
                      <ul class="crm-chips">
                        <For each={account.platformStatuses.nodes}>
                          {(s) => (
                            <li class="crm-chip" data-status={s.status}>
                              {s.platform}: {s.status}
                            </li>
                          )}
                        </For>
                      </ul>
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </Panel>
  );
};

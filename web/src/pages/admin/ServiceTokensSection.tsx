import { createMutation, createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { formatDateTime } from '../../charts/format-date';
import { ErrorState } from '../../components/ErrorState';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import { describeError } from '../../graphql/describe-error';
import { NewTokenNotice } from './NewTokenNotice';

const ServiceTokensQuery = graphql(`
  query AdminServiceTokens {
    customers(first: 50) {
      nodes {
        id
        name
        serviceTokens(first: 50) {
          totalCount
          nodes {
            id
            name
            prefix
            role
            createdAt
            lastUsedAt
            revokedAt
          }
        }
      }
    }
  }
`);

const CreateServiceTokenMutation = graphql(`
  mutation CreateServiceToken($input: CreateServiceTokenInput!) {
    createServiceToken(input: $input) {
      token
      serviceToken {
        id
        name
      }
    }
  }
`);

const RevokeServiceTokenMutation = graphql(`
  mutation RevokeServiceToken($id: ID!) {
    revokeServiceToken(id: $id) {
      id
      revokedAt
    }
  }
`);

interface IssuedToken {
  name: string;
  token: string;
}

interface CreateTokenFormProps {
  customerId: string;
  onCreated(issued: IssuedToken): void;
}

/** Issues a token for one customer. */
const CreateTokenForm: Component<CreateTokenFormProps> = (props) => {
  const [name, setName] = createSignal('');
  const [problem, setProblem] = createSignal<string>();
  const [creation, create] = createMutation(CreateServiceTokenMutation);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (name().trim().length < 2) return setProblem('A token name needs at least 2 characters.');
    setProblem(undefined);
    const result = await create({ input: { customerId: props.customerId, name: name().trim() } });
    const payload = result.data?.createServiceToken;
    if (result.error || !payload) {
      if (result.error && describeError(result.error).fields.length > 0)
        setProblem(describeError(result.error).message);
      return;
    }
    setName('');
    props.onCreated({ name: payload.serviceToken.name, token: payload.token });
  };

  return (
    <form class="token-form" noValidate onSubmit={(event) => void submit(event)}>
      <TextField
        id={`token-name-${props.customerId}`}
        name="name"
        label="New token name"
        type="text"
        value={name()}
        onInput={setName}
        error={problem()}
      />
      <button type="submit" class="button button--primary" disabled={creation.fetching}>
        Create token
      </button>
      <Show when={creation.error && !problem()}>
        <ErrorState error={creation.error!} variant="inline" />
      </Show>
    </form>
  );
};

/** Machine credentials per customer (e.g. for the daily usage job): issue, see when last used, revoke. */
export const ServiceTokensSection: Component = () => {
  const [tokens, refetch] = createQuery({ query: ServiceTokensQuery });
  const [revocation, revoke] = createMutation(RevokeServiceTokenMutation);
  // Held here, not in the form: the list reloads after a creation and may rebuild the customer's panel.
  const [issued, setIssued] = createSignal<IssuedToken | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const revokeToken = (id: string, name: string) => {
    if (window.confirm(`Revoke “${name}”? Jobs using it stop authenticating at once.`)) void revoke({ id });
  };

  return (
    <QueryState result={tokens} label="Loading service tokens" onRetry={reload}>
      <Show when={issued()}>
        {(token) => <NewTokenNotice name={token().name} token={token().token} onDismiss={() => setIssued(null)} />}
      </Show>
      <Show when={revocation.error}>{(error) => <ErrorState error={error()} variant="inline" />}</Show>
      <For each={tokens.data?.customers.nodes ?? []}>
        {(customer) => (
          <Show when={customer.serviceTokens}>
            {(serviceTokens) => (
              <Panel title={`${customer.name}: service tokens`} meta={`${serviceTokens().totalCount} issued`}>
                <CreateTokenForm
                  customerId={customer.id}
                  onCreated={(token) => {
                    setIssued(token);
                    reload();
                  }}
                />
                <Show when={serviceTokens().nodes.length > 0} fallback={<p class="empty">No service tokens yet.</p>}>
                  <table class="data-table">
                    <thead>
                      <tr>
                        <th scope="col">Name</th>
                        <th scope="col">Token</th>
                        <th scope="col">Created</th>
                        <th scope="col">Last used</th>
                        <th scope="col">Status</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={serviceTokens().nodes}>
                        {(token) => (
                          <tr data-testid="service-token">
                            <td>{token.name}</td>
                            <td>
                              <code>{token.prefix}…</code>
                            </td>
                            <td>{formatDateTime(token.createdAt)}</td>
                            <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</td>
                            <td>
                              <Show
                                when={!token.revokedAt}
                                fallback={
                                  <span class="badge status--on-hold">
                                    Revoked {formatDateTime(token.revokedAt ?? '')}
                                  </span>
                                }
                              >
                                <button
                                  type="button"
                                  class="button button--ghost button--danger"
                                  disabled={revocation.fetching}
                                  onClick={() => revokeToken(token.id, token.name)}
                                >
                                  Revoke
                                </button>
                              </Show>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </Show>
              </Panel>
            )}
          </Show>
        )}
      </For>
    </QueryState>
  );
};

import { createQuery } from '@urql/solid';
import { type Component, For, Show } from 'solid-js';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { enumWords } from '../../components/words';
import { graphql } from '../../gql';
import type { DatabricksAuthType } from '../../gql/graphql';
import { IntegrationTest } from './IntegrationTest';
import { SecretField } from './SecretField';
import { WorkspaceMappings } from './WorkspaceMappings';

const AdminIntegrationsQuery = graphql(`
  query AdminIntegrations {
    customers(first: 50) {
      nodes {
        id
        name
        cops(first: 100) {
          nodes {
            id
            name
          }
        }
        integrations(first: 20) {
          nodes {
            id
            type
            displayName
            isActive
            databricks {
              host
              authType
              warehouseId
              pipelineJobId
            }
            secrets {
              name
              isSet
              updatedAt
            }
            ...WorkspaceMappings_integration
          }
        }
      }
    }
  }
`);

const AUTH_TYPES: Record<DatabricksAuthType, string> = {
  PAT: 'Personal access token',
  OAUTH_M2M: 'Databricks OAuth (machine-to-machine)',
  AZURE_SP: 'Azure AD service principal',
};

/**
 * Integrations per customer: their Databricks settings, write-only secrets, a connection test and the
 * workspaces each reaches, mapped to CoPs (admins only).
 */
export const IntegrationsSection: Component = () => {
  const [admin, refetch] = createQuery({ query: AdminIntegrationsQuery });

  return (
    <QueryState result={admin} label="Loading integrations" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      <For each={admin.data?.customers.nodes ?? []}>
        {(customer) => (
          <Show when={customer.integrations}>
            {(integrations) => (
              <Panel
                title={customer.name}
                meta={`${integrations().nodes.length} ${integrations().nodes.length === 1 ? 'integration' : 'integrations'}`}
              >
                <Show when={integrations().nodes.length > 0} fallback={<p class="empty">No integrations yet.</p>}>
                  <For each={integrations().nodes}>
                    {(integration) => (
                      <article class="integration" data-testid="integration">
                        <header class="integration__header">
                          <h3>{integration.displayName}</h3>
                          <span class="badge">{enumWords(integration.type)}</span>
                          <span class="badge" classList={{ 'status--in-production': integration.isActive }}>
                            {integration.isActive ? 'Active' : 'Inactive'}
                          </span>
                        </header>
                        <Show when={integration.databricks}>
                          {(settings) => (
                            <dl class="integration__settings">
                              <dt>Host</dt>
                              <dd>{settings().host}</dd>
                              <dt>Authentication</dt>
                              <dd>{AUTH_TYPES[settings().authType]}</dd>
                              <dt>SQL warehouse</dt>
                              <dd>{settings().warehouseId ?? '—'}</dd>
                              <dt>Pipeline job</dt>
                              <dd>{settings().pipelineJobId ?? '—'}</dd>
                            </dl>
                          )}
                        </Show>
                        <For each={integration.secrets}>
                          {(secret) => (
                            <SecretField
                              integrationId={integration.id}
                              name={secret.name}
                              isSet={secret.isSet}
                              updatedAt={secret.updatedAt}
                            />
                          )}
                        </For>
                        <Show when={integration.type === 'DATABRICKS'}>
                          <IntegrationTest integrationId={integration.id} />
                        </Show>
                        <WorkspaceMappings
                          integration={integration}
                          cops={customer.cops.nodes}
                          onChanged={() => refetch({ requestPolicy: 'network-only' })}
                        />
                      </article>
                    )}
                  </For>
                </Show>
              </Panel>
            )}
          </Show>
        )}
      </For>
    </QueryState>
  );
};

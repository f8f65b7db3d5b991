import { createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { enumWords } from '../../components/words';
import { graphql } from '../../gql';
import { AUTH_TYPES, IntegrationForm } from './IntegrationForm';
import { IntegrationTest } from './IntegrationTest';
import { EMPTY_FIELDS, fieldsOf } from './integration-fields';
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
              clientId
              azureTenantId
              azureAuthority
              warehouseId
              pipelineJobId
              accountId
              accountConsoleUrl
              region
              crm {
                catalog
                schema
              }
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

/**
 * Integrations per customer: their Databricks settings, write-only secrets, a connection test and the
 * workspaces each reaches, mapped to CoPs (admins only).
 */
export const IntegrationsSection: Component = () => {
  const [admin, refetch] = createQuery({ query: AdminIntegrationsQuery });
  /** The form open on the page: a new integration of a customer (its id) or an edited integration (its id). */
  const [openForm, setOpenForm] = createSignal<string | null>(null);
  const saved = () => {
    setOpenForm(null);
    refetch({ requestPolicy: 'network-only' });
  };

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
                <Show
                  when={openForm() === customer.id}
                  fallback={
                    <button type="button" class="button button--secondary" onClick={() => setOpenForm(customer.id)}>
                      New integration
                    </button>
                  }
                >
                  <IntegrationForm
                    id={`new-integration-${customer.id}`}
                    initial={EMPTY_FIELDS}
                    target={{ customerId: customer.id }}
                    onSaved={saved}
                    onCancel={() => setOpenForm(null)}
                  />
                </Show>
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
                          <button
                            type="button"
                            class="button button--secondary"
                            aria-expanded={openForm() === integration.id}
                            onClick={() => setOpenForm(openForm() === integration.id ? null : integration.id)}
                          >
                            Edit
                          </button>
                        </header>
                        <Show when={openForm() === integration.id}>
                          <IntegrationForm
                            id={`integration-${integration.id}`}
                            initial={fieldsOf(integration)}
                            target={{ integrationId: integration.id }}
                            onSaved={saved}
                            onCancel={() => setOpenForm(null)}
                          />
                        </Show>
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
                              <dt>Account</dt>
                              <dd>{settings().accountId ?? '—'}</dd>
                              <dt>Region</dt>
                              <dd>{settings().region ?? '—'}</dd>
                              <dt>CRM</dt>
                              <dd>
                                {settings().crm?.catalog ?? 'edip_crm'}.{settings().crm?.schema ?? 'main'}
                              </dd>
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
                        <IntegrationTest integrationId={integration.id} />
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

import { createMutation, createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { ErrorState } from '../../components/ErrorState';
import { Panel } from '../../components/Panel';
import { graphql } from '../../gql';
import './tenant-catalog.css';

const TenantCatalogQuery = graphql(`
  query TenantCatalogStatus($id: ID!) {
    customer(id: $id) {
      id
      tenantCatalog {
        name
        status
        initializedAt
        schemas {
          name
          comment
          exists
        }
        grants {
          securable
          principal
          privileges
        }
        drift {
          kind
          securable
          principal
          privilege
        }
      }
    }
  }
`);

const InitializeTenantCatalogMutation = graphql(`
  mutation InitializeTenantCatalog($id: ID!) {
    initializeTenantCatalog(customerId: $id) {
      changes
      alreadyInitialized
    }
  }
`);

const RepairTenantCatalogMutation = graphql(`
  mutation RepairTenantCatalog($id: ID!) {
    repairTenantCatalog(customerId: $id) {
      changes
    }
  }
`);

const DRIFT_WORDS = {
  MISSING_SECURABLE: 'missing',
  MISSING_PRIVILEGE: 'missing grant',
  EXTRA_PRIVILEGE: 'extra grant',
};

export interface TenantCatalogPanelProps {
  customerId: string;
}

/** The tenant's governed catalog: green when initialized and as designed, amber otherwise; initialize and repair. */
export const TenantCatalogPanel: Component<TenantCatalogPanelProps> = (props) => {
  const [state, refetch] = createQuery({
    query: TenantCatalogQuery,
    variables: () => ({ id: props.customerId }),
    requestPolicy: 'network-only',
  });
  const [initialized, initialize] = createMutation(InitializeTenantCatalogMutation);
  const [repaired, repair] = createMutation(RepairTenantCatalogMutation);
  const [changes, setChanges] = createSignal<string[]>();
  const catalog = () => state.data?.customer?.tenantCatalog;
  const run = async (action: typeof initialize | typeof repair) => {
    const result = await action({ id: props.customerId });
    const answer = result.data && Object.values(result.data)[0];
    if (answer) setChanges(answer.changes);
    refetch({ requestPolicy: 'network-only' });
  };
  const green = () => catalog()?.status === 'OK';

  return (
    <Panel title="Tenant catalog" meta={catalog()?.name} class="ops-tenant-catalog">
      <Show when={state.error}>{(error) => <ErrorState error={error()} variant="inline" />}</Show>
      <Show
        when={catalog()}
        fallback={
          <Show when={state.data}>
            <p class="empty">No Databricks workspace with a SQL warehouse.</p>
          </Show>
        }
      >
        {(view) => (
          <>
            <p
              class="tenant-catalog__status"
              classList={{ 'is-green': green(), 'is-amber': !green() }}
              data-testid="tenant-catalog-status"
              data-status={view().status}
              role="status"
            >
              {view().status === 'OK'
                ? 'Initialized, grants as designed'
                : view().status === 'DRIFT'
                  ? `Drift: ${view().drift.length} difference${view().drift.length === 1 ? '' : 's'}`
                  : 'Not initialized'}
            </p>
            <ul class="tenant-catalog__schemas">
              <For each={view().schemas}>
                {(schema) => (
                  <li classList={{ 'is-missing': !schema.exists }}>
                    <strong>{schema.name}</strong>{' '}
                    <span class="muted">{schema.comment ?? (schema.exists ? '' : 'missing')}</span>
                  </li>
                )}
              </For>
            </ul>
            <Show when={view().drift.length > 0}>
              <ul class="tenant-catalog__drift" data-testid="tenant-catalog-drift">
                <For each={view().drift}>
                  {(drift) => (
                    <li>
                      {DRIFT_WORDS[drift.kind]}: {drift.privilege ?? ''}{' '}
                      {drift.principal ? `for ${drift.principal} ` : ''}on {drift.securable}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <details class="tenant-catalog__grants">
              <summary>Grants ({view().grants.length})</summary>
              <table>
                <tbody>
                  <For each={view().grants}>
                    {(grant) => (
                      <tr>
                        <td>{grant.securable}</td>
                        <td>{grant.principal}</td>
                        <td>{grant.privileges.join(', ')}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </details>
            <div class="tenant-catalog__actions">
              <button type="button" class="button" disabled={initialized.fetching} onClick={() => run(initialize)}>
                Initialize
              </button>
              <button
                type="button"
                class="button"
                disabled={repaired.fetching || view().status !== 'DRIFT'}
                onClick={() => run(repair)}
              >
                Repair
              </button>
            </div>
            <Show when={changes()}>
              {(done) => (
                <p class="muted" data-testid="tenant-catalog-changes">
                  {done().length ? `Changed: ${done().join('; ')}` : 'Nothing to change.'}
                </p>
              )}
            </Show>
            <Show when={initialized.error ?? repaired.error}>
              {(error) => <ErrorState error={error()} variant="inline" />}
            </Show>
          </>
        )}
      </Show>
    </Panel>
  );
};

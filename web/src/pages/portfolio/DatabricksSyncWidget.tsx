import { A } from '@solidjs/router';
import { type Component, For, Show } from 'solid-js';
import { graphql } from '../../gql';
import type { DatabricksSyncWidget_CustomerFragment } from '../../gql/graphql';
import './sync-widget.css';

export const DatabricksSyncWidgetFragment = graphql(`
  fragment DatabricksSyncWidget_customer on Customer {
    databricksStatus {
      enabled
      healthy
      catalog
      checkedAt
      resources {
        datasets {
          total
          inDatabricks
          failing
        }
        notebooks {
          total
          inDatabricks
          failing
        }
        pipelines {
          total
          inDatabricks
          failing
        }
      }
    }
  }
`);

type Status = NonNullable<DatabricksSyncWidget_CustomerFragment['databricksStatus']>;
type Kind = keyof Omit<Status['resources'], '__typename'>;

const KINDS: { kind: Kind; label: string; href: string }[] = [
  { kind: 'datasets', label: 'Datasets', href: '/datasets' },
  { kind: 'notebooks', label: 'Notebooks', href: '/notebooks' },
  { kind: 'pipelines', label: 'Pipelines', href: '/pipelines' },
];

/** A customer's Databricks sync at a glance: where its resources go and how many of each kind are there. */
export const DatabricksSyncWidget: Component<{ customer: DatabricksSyncWidget_CustomerFragment }> = (props) => {
  const status = () => props.customer.databricksStatus;
  const state = () => {
    const current = status();
    if (!current?.enabled) return { tone: 'off', text: 'Databricks off: everything stays local' };
    return current.healthy
      ? { tone: 'ok', text: `Healthy, syncing into ${current.catalog}` }
      : { tone: 'warn', text: `Some resources are not in ${current.catalog ?? 'Databricks'} yet` };
  };
  return (
    <Show when={status()}>
      {(current) => (
        <aside
          class={`sync-widget sync-widget--${state().tone}`}
          aria-label="Databricks sync"
          data-testid="sync-widget"
        >
          <h3 class="sync-widget__title">Databricks sync</h3>
          <p class="sync-widget__state">{state().text}</p>
          <ul class="sync-widget__kinds">
            <For each={KINDS}>
              {({ kind, label, href }) => {
                const counts = () => current().resources[kind];
                return (
                  <li>
                    <A href={href}>{label}</A>: {counts().inDatabricks} of {counts().total} in Databricks
                    <Show when={counts().failing > 0}>
                      <span class="sync-widget__failing"> · {counts().failing} retrying</span>
                    </Show>
                  </li>
                );
              }}
            </For>
          </ul>
        </aside>
      )}
    </Show>
  );
};

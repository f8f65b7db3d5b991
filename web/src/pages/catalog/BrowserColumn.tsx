import type { CombinedError } from '@urql/solid';
import { For, type JSX, Show } from 'solid-js';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';

/** One level of a Databricks list as the gateway answers it. */
export interface RemoteList<Item> {
  stale: boolean;
  nodes: readonly Item[];
}

export interface BrowserColumnProps<Item> {
  title: string;
  /** Undefined while loading or when Databricks failed; null when the level has nothing to show yet. */
  list: RemoteList<Item> | null | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
  onRetry(): void;
  empty: string;
  key(item: Item): string;
  selected: string | undefined;
  onSelect(key: string): void;
  children(item: Item): JSX.Element;
}

/** A column of the catalog browser: its items, which one is open, and the level's loading, failure and staleness. */
export function BrowserColumn<Item>(props: BrowserColumnProps<Item>): JSX.Element {
  return (
    <section class="browser-column" aria-label={props.title}>
      <h2 class="browser-column__title">{props.title}</h2>
      <Show when={props.error && !props.list}>
        <ErrorState error={props.error as CombinedError} variant="inline" onRetry={props.onRetry} />
      </Show>
      <Show when={props.fetching && !props.list}>
        <Loading label={`Loading ${props.title.toLowerCase()}`} />
      </Show>
      <Show when={props.list}>
        {(list) => (
          <>
            <Show when={list().stale}>
              <p class="stale-mark" role="status">
                Databricks is unreachable: last known list.
              </p>
            </Show>
            <Show when={list().nodes.length > 0} fallback={<p class="empty">{props.empty}</p>}>
              <ul class="browser-column__items">
                <For each={list().nodes}>
                  {(item) => (
                    <li>
                      <button
                        type="button"
                        class="browser-column__item"
                        aria-current={props.selected === props.key(item) ? 'true' : undefined}
                        onClick={() => props.onSelect(props.key(item))}
                      >
                        {props.children(item)}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

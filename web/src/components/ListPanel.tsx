import { For, type JSX, Show } from 'solid-js';
import { Panel } from './Panel';

export interface ListPanelProps<Item> {
  title: string;
  /** Beside the title, e.g. "3 in total". */
  meta: string;
  items: readonly Item[];
  /** Said instead of an empty list ("No surveys yet."). */
  empty: string;
  /** One `<li>` per item. */
  children: (item: Item) => JSX.Element;
}

/** A dashboard panel holding one list, with words for when it is empty. Generic, hence a plain function. */
export function ListPanel<Item>(props: ListPanelProps<Item>): JSX.Element {
  return (
    <Panel title={props.title} meta={props.meta}>
      <Show when={props.items.length > 0} fallback={<p class="empty">{props.empty}</p>}>
        <ul class="list">
          <For each={props.items}>{(item) => props.children(item)}</For>
        </ul>
      </Show>
    </Panel>
  );
}

import { type Component, type JSX, Show } from 'solid-js';

export interface PanelProps {
  title: string;
  /** Shown beside the title, e.g. a total ("24 members"). */
  meta?: string;
  /** Controls on the right of the header (filters, period). */
  actions?: JSX.Element;
  class?: string;
  children: JSX.Element;
}

/** A titled section of a dashboard. */
export const Panel: Component<PanelProps> = (props) => {
  const headingId = `panel-${props.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section class={`panel ${props.class ?? ''}`} aria-labelledby={headingId}>
      <header class="panel__header">
        <h2 id={headingId}>{props.title}</h2>
        <Show when={props.meta}>
          <span class="panel__meta">{props.meta}</span>
        </Show>
        <Show when={props.actions}>
          <div class="panel__actions">{props.actions}</div>
        </Show>
      </header>
      {props.children}
    </section>
  );
};

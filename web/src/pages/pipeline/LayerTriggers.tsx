import { type Component, For } from 'solid-js';
import type { PipelineLayer } from '../../gql/graphql';
import { LAYER_CHOICES } from './pipeline-layers';

export interface LayerTriggersProps {
  /** The layer whose trigger request is on its way, if any. */
  pending: PipelineLayer | null;
  disabled: boolean;
  onTrigger(layer: PipelineLayer): void;
}

/** Bronze → Silver → Gold, then the whole job: what each runs, and a button to run it. */
export const LayerTriggers: Component<LayerTriggersProps> = (props) => (
  <ol class="layer-triggers">
    <For each={LAYER_CHOICES}>
      {(choice) => (
        <li class={`layer-card layer-card--${choice.layer.toLowerCase()}`}>
          <h3>{choice.title}</h3>
          <p class="muted">{choice.runs}</p>
          <button
            type="button"
            class="button button--primary"
            disabled={props.disabled || props.pending !== null}
            onClick={() => props.onTrigger(choice.layer)}
          >
            {props.pending === choice.layer ? 'Starting…' : `Run ${choice.title.toLowerCase()}`}
          </button>
        </li>
      )}
    </For>
  </ol>
);

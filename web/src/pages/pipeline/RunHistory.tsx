import { type Component, For, Show } from 'solid-js';
import { formatDateTime } from '../../charts/format-date';
import type { RunFieldsFragment } from '../../gql/graphql';
import { layerTitle } from './pipeline-layers';
import { formatDuration, formatRecords, OUTCOME_LABELS, runOutcome } from './run-outcome';

export interface RunHistoryProps {
  runs: RunFieldsFragment[];
  selectedId: string | null;
  onSelect(runId: string): void;
}

/** The CoP's runs, newest first; each row is the cached run, so it changes as the run's events arrive. */
export const RunHistory: Component<RunHistoryProps> = (props) => (
  <Show when={props.runs.length > 0} fallback={<p class="empty">No runs yet.</p>}>
    <ul class="list run-history">
      <For each={props.runs}>
        {(run) => (
          <li class="list__row run-history__row" data-testid="run-history-row" data-outcome={runOutcome(run)}>
            <span class={`badge run-badge run-badge--${runOutcome(run)}`}>{OUTCOME_LABELS[runOutcome(run)]}</span>
            <span class="list__main">
              <span class="list__title">{layerTitle(run.layer)}</span>
              <span class="list__sub muted">
                {formatDateTime(run.startedAt ?? run.createdAt)}
                <Show when={run.durationMs !== null}> · {formatDuration(run.durationMs ?? 0)}</Show>
                <Show when={run.recordsProcessed !== null}> · {formatRecords(run.recordsProcessed ?? 0)}</Show>
              </span>
            </span>
            <button
              type="button"
              class="button button--ghost"
              aria-pressed={props.selectedId === run.id}
              onClick={() => props.onSelect(run.id)}
            >
              {props.selectedId === run.id ? 'Shown' : 'Show'}
            </button>
          </li>
        )}
      </For>
    </ul>
  </Show>
);

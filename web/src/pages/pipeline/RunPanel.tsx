import { type Component, For, Match, Show, Switch } from 'solid-js';
import { enumWords } from '../../components/words';
import type { RunFieldsFragment } from '../../gql/graphql';
import { createCountdown } from './createCountdown';
import { layerTitle } from './pipeline-layers';
import { formatDuration, formatRecords, OUTCOME_LABELS, runOutcome } from './run-outcome';

export interface RunPanelProps {
  run: RunFieldsFragment;
  /** Whether the viewer may cancel and retry (the api checks too). */
  canControl: boolean;
  /** A cancel or retry request is on its way. */
  busy?: boolean;
  onCancel(): void;
  onRetry(): void;
}

/** One run as it happens: progress while it runs, then its result or its failure in words. */
export const RunPanel: Component<RunPanelProps> = (props) => {
  const outcome = () => runOutcome(props.run);
  // Ticks locally between events: none arrive while the cluster starts.
  const timeLeft = createCountdown(() => (props.run.isTerminal ? null : props.run.etaMs));
  return (
    <section class="run-panel" data-testid="run-panel" data-outcome={outcome()} aria-live="polite">
      <header class="run-panel__header">
        <h3>{layerTitle(props.run.layer)} run</h3>
        <span class={`badge run-badge run-badge--${outcome()}`}>{OUTCOME_LABELS[outcome()]}</span>
        <Show when={props.run.runPageUrl}>
          {(url) => (
            <a class="run-panel__link" href={url()} target="_blank" rel="noopener noreferrer">
              Open run in Databricks ↗
            </a>
          )}
        </Show>
      </header>

      <Switch>
        <Match when={outcome() === 'running'}>
          <p class="run-panel__status" role="status">
            <span class="loading__spinner" aria-hidden="true" />
            <span>Running on Databricks… ({enumWords(props.run.state)})</span>
          </p>
          <p class="run-panel__facts muted">
            <Show when={props.run.state === 'PENDING'}>
              <span data-testid="cluster-starting">Waiting for the cluster to start · </span>
            </Show>
            <Show when={props.run.currentTask} fallback={<span>Waiting for the first task</span>}>
              {(task) => (
                <span>
                  Current task <strong data-testid="current-task">{task()}</strong>
                </span>
              )}
            </Show>
            <Show when={timeLeft() !== null}>
              <span data-testid="run-eta" data-eta-ms={timeLeft()}>
                {' '}
                · about {formatDuration(timeLeft() ?? 0)} left
              </span>
            </Show>
          </p>
        </Match>
        <Match when={outcome() === 'succeeded'}>
          <p class="run-panel__result" data-testid="run-result">
            Finished in {formatDuration(props.run.durationMs ?? 0)}
            <Show when={props.run.recordsProcessed !== null}>
              {' '}
              · {formatRecords(props.run.recordsProcessed ?? 0)} processed
            </Show>
          </p>
        </Match>
        <Match when={outcome() === 'failed'}>
          <div class="run-panel__failure" role="alert">
            <p class="run-panel__failure-title">The run failed.</p>
            <p data-testid="run-error">{props.run.errorMessage ?? 'Databricks gave no reason.'}</p>
          </div>
        </Match>
        <Match when={outcome() === 'canceled'}>
          <p class="run-panel__result" data-testid="run-result">
            Canceled
            <Show when={props.run.durationMs !== null}> after {formatDuration(props.run.durationMs ?? 0)}</Show>.
          </p>
        </Match>
      </Switch>

      <Show when={props.run.tasks.length > 0}>
        <ol class="run-tasks" aria-label="Tasks">
          <For each={props.run.tasks}>
            {(task) => (
              <li class="run-tasks__item" data-task={task.taskKey}>
                <span class="run-tasks__key">{task.taskKey}</span>
                <span class="run-tasks__state">{enumWords(task.resultState ?? task.state)}</span>
                <span class="run-tasks__records muted">
                  {task.recordsProcessed === null ? '—' : formatRecords(task.recordsProcessed)}
                </span>
                <Show when={task.message}>
                  <span class="run-tasks__message muted">{task.message}</span>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>

      <Show when={props.canControl}>
        <div class="run-panel__actions">
          <Show
            when={outcome() === 'running'}
            fallback={
              <Show when={outcome() !== 'succeeded'}>
                <button
                  type="button"
                  class="button button--primary"
                  disabled={props.busy}
                  onClick={() => props.onRetry()}
                >
                  Retry run
                </button>
              </Show>
            }
          >
            <button
              type="button"
              class="button button--secondary"
              disabled={props.busy}
              onClick={() => props.onCancel()}
            >
              Cancel run
            </button>
          </Show>
        </div>
      </Show>
    </section>
  );
};

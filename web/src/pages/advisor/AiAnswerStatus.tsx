import type { CombinedError } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { formatDateTime } from '../../charts/format-date';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { createNow } from './createNow';
import { formatAge } from './format-age';
import './ai.css';

/** The cache facts every AI answer carries (the `AiAnswer` interface). */
export interface AiAnswerFacts {
  generatedAt: string;
  expiresAt: string;
  isExpired: boolean;
  model: string;
}

export interface AiAnswerStatusProps {
  /** The cached answer, or null/undefined before the first generation. */
  answer: AiAnswerFacts | null | undefined;
  /** A generation is under way. */
  generating: boolean;
  /** What is being asked, shown while generating ("Asking the advisor"). */
  progressLabel: string;
  /** `refresh`: ask the model even when the cached answer is still fresh. */
  onGenerate(refresh: boolean): void;
  /** The last generation's failure. */
  error?: CombinedError;
  /** Said while there is no answer to show; defaults to "Not generated yet." */
  empty?: string;
}

/**
 * How old an AI answer is ("generated 3 hours ago", expired marked) with the button that generates or
 * refreshes it, its progress and its failure in words.
 */
export const AiAnswerStatus: Component<AiAnswerStatusProps> = (props) => {
  const now = createNow();
  return (
    <div class="ai-status">
      <div class="ai-status__row">
        <Show when={props.answer} fallback={<span class="muted">{props.empty ?? 'Not generated yet.'}</span>}>
          {(answer) => (
            <span class="ai-status__age" data-testid="ai-age">
              <span title={formatDateTime(answer().generatedAt)}>
                Generated {formatAge(answer().generatedAt, now())}
              </span>
              <span class="muted"> by {answer().model}</span>
              <Show
                when={answer().isExpired}
                fallback={<span class="muted"> · fresh until {formatDateTime(answer().expiresAt)}</span>}
              >
                <span class="badge status--on-hold" title={`Expired ${formatDateTime(answer().expiresAt)}`}>
                  Expired
                </span>
              </Show>
            </span>
          )}
        </Show>
        <button
          type="button"
          class="button"
          classList={{
            'button--primary': !props.answer || props.answer.isExpired,
            'button--secondary': Boolean(props.answer && !props.answer.isExpired),
          }}
          disabled={props.generating}
          onClick={() => props.onGenerate(Boolean(props.answer))}
        >
          {props.answer ? 'Refresh' : 'Generate'}
        </button>
      </div>
      <Show when={props.generating}>
        <Loading label={props.progressLabel} />
      </Show>
      <Show when={!props.generating && props.error}>{(error) => <ErrorState error={error()} variant="inline" />}</Show>
    </div>
  );
};

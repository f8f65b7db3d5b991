import type { CombinedError } from '@urql/solid';
import { type Component, createMemo, Show } from 'solid-js';
import { describeError } from '../graphql/describe-error';

export interface ErrorStateProps {
  error: CombinedError;
  /** Offered as a "Try again" button when given. */
  onRetry?: () => void;
  /** `inline` for a banner above data that did load (a partial failure). */
  variant?: 'page' | 'inline';
}

/** An error in words (never a stack trace), with its code for support and a way to retry. */
export const ErrorState: Component<ErrorStateProps> = (props) => {
  const description = createMemo(() => describeError(props.error));
  return (
    <div
      class="error-state"
      classList={{ 'error-state--inline': props.variant === 'inline' }}
      role="alert"
      data-code={description().code}
    >
      <div>
        <p class="error-state__title">{description().title}</p>
        <p class="error-state__message">{description().message}</p>
        <p class="error-state__code">Code: {description().code}</p>
      </div>
      <Show when={props.onRetry}>
        {(retry) => (
          <button type="button" class="button button--secondary" onClick={() => retry()()}>
            Try again
          </button>
        )}
      </Show>
    </div>
  );
};

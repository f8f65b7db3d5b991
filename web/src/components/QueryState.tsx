import type { CombinedError } from '@urql/solid';
import { type Component, type JSX, Match, Show, Switch } from 'solid-js';
import { ErrorState } from './ErrorState';
import { Loading } from './Loading';

export interface QueryStateProps {
  /** The state of an urql query (`createQuery`'s first element). */
  result: { fetching: boolean; stale: boolean; error?: CombinedError; data?: unknown };
  /** What the query loads, for the loading message ("Loading portfolio"). */
  label: string;
  onRetry?: () => void;
  /** Rendered once data is there (also while it refreshes, and next to a partial error). */
  children: JSX.Element;
}

/**
 * The loading, error and refreshing states every page shares: a spinner until the first data, the error
 * in words when nothing loaded, a banner when only part failed, and a mark while cached data refreshes.
 */
export const QueryState: Component<QueryStateProps> = (props) => (
  <Switch fallback={<Loading label={props.label} />}>
    <Match when={props.result.data}>
      <Show when={props.result.error}>
        {(error) => <ErrorState error={error()} onRetry={props.onRetry} variant="inline" />}
      </Show>
      <Show when={props.result.stale}>
        <p class="stale-mark" role="status">
          Showing saved data while it refreshes…
        </p>
      </Show>
      {props.children}
    </Match>
    <Match when={props.result.error}>{(error) => <ErrorState error={error()} onRetry={props.onRetry} />}</Match>
  </Switch>
);

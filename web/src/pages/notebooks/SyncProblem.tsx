import type { CombinedError } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { ErrorState } from '../../components/ErrorState';
import type { NotebookSyncDirection } from '../../gql/graphql';

export interface SyncProblemProps {
  error: CombinedError;
  /** The sync that failed, when the failure was a sync. */
  direction?: NotebookSyncDirection;
  /** Runs the same sync again with `force`: the chosen side wins. */
  onForce(direction: NotebookSyncDirection): void;
}

const isConflict = (error: CombinedError) => error.graphQLErrors[0]?.extensions?.reason === 'CONFLICT';

/** Why a save, sync or run failed, in words; on a conflict, the way out: choose which side wins. */
export const SyncProblem: Component<SyncProblemProps> = (props) => (
  <div data-testid="notebook-error">
    <ErrorState error={props.error} variant="inline" />
    <Show when={isConflict(props.error) && props.direction}>
      {(direction) => (
        <button type="button" class="button button--secondary" onClick={() => props.onForce(direction())}>
          {direction() === 'PULL' ? 'Take the Databricks version' : 'Overwrite the Databricks version'}
        </button>
      )}
    </Show>
  </div>
);

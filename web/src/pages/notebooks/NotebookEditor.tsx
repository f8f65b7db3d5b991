import { type CombinedError, createMutation, createQuery, createSubscription } from '@urql/solid';
import { type Component, createEffect, createSignal, For, Index, on, Show } from 'solid-js';
import { graphql } from '../../gql';
import type { NotebookSyncDirection } from '../../gql/graphql';
import { SyncBadge } from '../datasets/SyncBadge';
import { RunPanel } from '../pipeline/RunPanel';
import { RunEventsSubscription } from '../pipeline/run-events';
import { NOTEBOOK_READERS, NOTEBOOK_WRITERS } from './notebook-roles';
import { SyncProblem } from './SyncProblem';

const NotebookQuery = graphql(`
  query NotebookEditor($id: ID!, $canRead: Boolean!) {
    node(id: $id) {
      id
      __typename
      ... on Notebook {
        name
        language
        path
        sync {
          status
          error
          syncedAt
        }
        cells @include(if: $canRead) {
          source
        }
      }
    }
  }
`);

const NotebookRunQuery = graphql(`
  query NotebookRun($id: ID!) {
    jobRun(id: $id) {
      ...RunFields
      output
    }
  }
`);

const UpdateNotebookMutation = graphql(`
  mutation UpdateNotebook($id: ID!, $input: UpdateNotebookInput!) {
    updateNotebook(id: $id, input: $input) {
      id
      sync {
        status
        error
        syncedAt
      }
      cells {
        source
      }
    }
  }
`);

const SyncNotebookMutation = graphql(`
  mutation SyncNotebook($id: ID!, $direction: NotebookSyncDirection!, $force: Boolean) {
    syncNotebook(id: $id, direction: $direction, force: $force) {
      id
      sync {
        status
        error
        syncedAt
      }
      cells {
        source
      }
    }
  }
`);

const ExecuteNotebookMutation = graphql(`
  mutation ExecuteNotebook($id: ID!, $idempotencyKey: String) {
    executeNotebook(id: $id, idempotencyKey: $idempotencyKey) {
      ...RunFields
    }
  }
`);

export interface NotebookEditorProps {
  id: string;
  role: string;
  /** Something the list shows changed (sync status). */
  onChanged(): void;
}

/** One notebook: edit its cells, save, sync either way (a conflict is said, never overwritten), execute it live. */
export const NotebookEditor: Component<NotebookEditorProps> = (props) => {
  const canRead = () => NOTEBOOK_READERS.has(props.role);
  const canWrite = () => NOTEBOOK_WRITERS.has(props.role);
  const [notebook] = createQuery({ query: NotebookQuery, variables: () => ({ id: props.id, canRead: canRead() }) });
  const [cells, setCells] = createSignal<string[]>([]);
  const [dirty, setDirty] = createSignal(false);
  const [error, setError] = createSignal<CombinedError>();
  const [lastSync, setLastSync] = createSignal<NotebookSyncDirection>();
  const [runId, setRunId] = createSignal<string>();
  const [saved, save] = createMutation(UpdateNotebookMutation);
  const [synced, sync] = createMutation(SyncNotebookMutation);
  const [executed, execute] = createMutation(ExecuteNotebookMutation);

  const current = () => (notebook.data?.node?.__typename === 'Notebook' ? notebook.data.node : undefined);
  // The cells as stored, until the user edits them.
  createEffect(() => {
    const stored = current()?.cells;
    if (stored && !dirty()) setCells(stored.map((cell) => cell.source));
  });

  const [run, refetchRun] = createQuery({
    query: NotebookRunQuery,
    variables: () => ({ id: runId() ?? '' }),
    pause: () => !runId(),
  });
  createSubscription({
    query: RunEventsSubscription,
    variables: () => ({ runId: runId() ?? '', afterSeq: null }),
    pause: () => !runId(),
  });
  // Events carry no output: read it once the run has ended.
  createEffect(
    on(
      () => run.data?.jobRun?.isTerminal,
      (terminal) => terminal && refetchRun({ requestPolicy: 'network-only' }),
      { defer: true },
    ),
  );

  const settle = (result: { error?: CombinedError; data?: object }) => {
    setError(result.error);
    if (result.data) {
      setDirty(false);
      props.onChanged();
    }
  };
  const saveCells = async () => {
    setLastSync(undefined);
    settle(await save({ id: props.id, input: { cells: cells().map((source) => ({ source })) } }));
  };
  const syncWith = async (direction: NotebookSyncDirection, force = false) => {
    setLastSync(direction);
    settle(await sync({ id: props.id, direction, force }));
  };
  const executeNow = async () => {
    if (dirty()) await saveCells();
    setLastSync(undefined);
    // A key per click: a repeated request (flaky network) starts one run, not two.
    const result = await execute({ id: props.id, idempotencyKey: crypto.randomUUID() });
    setError(result.error);
    if (result.data) setRunId(result.data.executeNotebook.id);
  };
  const edit = (index: number, source: string) => {
    setDirty(true);
    setCells((all) => all.map((cell, i) => (i === index ? source : cell)));
  };
  const busy = () => saved.fetching || synced.fetching || executed.fetching;

  return (
    <Show when={current()} fallback={<p class="empty">Loading the notebook…</p>}>
      {(nb) => (
        <div class="notebook-editor" data-testid="notebook-editor">
          <header class="notebook-editor__header">
            <h3>{nb().name}</h3>
            <span class="muted">{nb().language}</span>
            <SyncBadge status={nb().sync.status} error={nb().sync.error} />
            <code class="muted notebook-path">{nb().path}</code>
          </header>
          <Show when={nb().sync.status === 'FAILED' && nb().sync.error}>
            {(why) => (
              <p class="field__error" role="alert" data-testid="notebook-sync-error">
                {why()}
              </p>
            )}
          </Show>
          <Show when={canRead()} fallback={<p class="muted">Only analysts and up see a notebook’s cells.</p>}>
            <ol class="notebook-cells" aria-label="Cells">
              <Index each={cells()}>
                {(source, index) => (
                  <li class="notebook-cell">
                    <textarea
                      aria-label={`Cell ${index + 1}`}
                      value={source()}
                      readOnly={!canWrite()}
                      rows={Math.max(3, source().split('\n').length)}
                      spellcheck={false}
                      onInput={(event) => edit(index, event.currentTarget.value)}
                    />
                    <Show when={canWrite() && cells().length > 1}>
                      <button
                        type="button"
                        class="link-button"
                        onClick={() => {
                          setDirty(true);
                          setCells((all) => all.filter((_cell, i) => i !== index));
                        }}
                      >
                        Remove cell
                      </button>
                    </Show>
                  </li>
                )}
              </Index>
            </ol>
          </Show>
          <Show when={canWrite()}>
            <div class="notebook-editor__actions">
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  setDirty(true);
                  setCells((all) => [...all, '']);
                }}
              >
                Add cell
              </button>
              <button type="button" class="button button--primary" disabled={busy() || !dirty()} onClick={saveCells}>
                Save
              </button>
              <For each={['PULL', 'PUSH'] as const}>
                {(direction) => (
                  <button
                    type="button"
                    class="button button--secondary"
                    disabled={busy() || dirty()}
                    onClick={() => void syncWith(direction)}
                  >
                    {direction === 'PULL' ? 'Sync: pull from Databricks' : 'Sync: push to Databricks'}
                  </button>
                )}
              </For>
              <button type="button" class="button button--primary" disabled={busy()} onClick={executeNow}>
                Execute
              </button>
            </div>
          </Show>
          <Show when={error()}>
            {(failure) => (
              <SyncProblem
                error={failure()}
                direction={lastSync()}
                onForce={(direction) => void syncWith(direction, true)}
              />
            )}
          </Show>
          <Show when={run.data?.jobRun}>
            {(current) => (
              <>
                <RunPanel run={current()} canControl={false} onCancel={() => {}} onRetry={() => {}} />
                <Show when={current().isTerminal && current().output !== null && current().output !== undefined}>
                  <pre class="notebook-output" data-testid="notebook-output">
                    {JSON.stringify(current().output, null, 2)}
                  </pre>
                </Show>
              </>
            )}
          </Show>
        </div>
      )}
    </Show>
  );
};

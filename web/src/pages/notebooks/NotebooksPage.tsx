import { type CombinedError, createMutation, createQuery } from '@urql/solid';
import { type Component, createSignal, For, onCleanup, Show } from 'solid-js';
import { ErrorState } from '../../components/ErrorState';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { NotebookLanguage } from '../../gql/graphql';
import { SyncBadge } from '../datasets/SyncBadge';
import { NotebookEditor } from './NotebookEditor';
import { NOTEBOOK_LANGUAGES, NOTEBOOK_WRITERS, SETTLING } from './notebook-roles';
import './notebooks.css';

const NotebooksQuery = graphql(`
  query Notebooks {
    me {
      id
      role
    }
    customers(first: 50) {
      nodes {
        id
        workspaces {
          id
          name
        }
      }
    }
    notebooks(first: 100) {
      nodes {
        id
        name
        language
        path
        sync {
          status
          error
        }
      }
    }
  }
`);

const CreateNotebookMutation = graphql(`
  mutation CreateNotebook($input: CreateNotebookInput!) {
    createNotebook(input: $input) {
      id
      name
      sync {
        status
        error
      }
    }
  }
`);

/** The tenant's notebooks: create one in a workspace, pick one to edit, sync and execute it. */
const NotebooksPage: Component = () => {
  const [page, refetch] = createQuery({ query: NotebooksQuery });
  const [created, create] = createMutation(CreateNotebookMutation);
  const [selected, setSelected] = createSignal<string>();
  const [createError, setCreateError] = createSignal<CombinedError>();
  let nameInput: HTMLInputElement | undefined;
  let workspaceInput: HTMLSelectElement | undefined;
  let languageInput: HTMLSelectElement | undefined;

  const workspaces = () => page.data?.customers.nodes.flatMap((customer) => customer.workspaces) ?? [];
  const notebooks = () => page.data?.notebooks.nodes ?? [];
  const canWrite = () => NOTEBOOK_WRITERS.has(page.data?.me?.role ?? '');
  const reload = () => refetch({ requestPolicy: 'network-only' });
  // While a notebook is on its way to Databricks, look again every second: the badge follows.
  const timer = setInterval(() => {
    if (notebooks().some((notebook) => SETTLING.has(notebook.sync.status))) reload();
  }, 1_000);
  onCleanup(() => clearInterval(timer));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await create({
      input: {
        workspaceId: workspaceInput?.value ?? '',
        name: nameInput?.value.trim() ?? '',
        language: (languageInput?.value ?? 'PYTHON') as NotebookLanguage,
        cells: [{ source: '' }],
      },
    });
    setCreateError(result.error);
    if (result.data) {
      setSelected(result.data.createNotebook.id);
      if (nameInput) nameInput.value = '';
      reload();
    }
  };

  return (
    <section class="page" aria-labelledby="notebooks-title">
      <header class="page__header">
        <h1 id="notebooks-title">Notebooks</h1>
        <p class="muted">Notebooks kept here and in your Databricks workspace, under your tenant’s CoPOS folder.</p>
      </header>
      <QueryState result={page} label="Loading notebooks" onRetry={reload}>
        <Show when={canWrite()}>
          <Panel title="New notebook">
            <Show when={workspaces().length > 0} fallback={<p class="empty">Map a Databricks workspace first.</p>}>
              <form class="notebook-create" onSubmit={submit}>
                <div class="field">
                  <label for="notebook-name">Name</label>
                  <input id="notebook-name" ref={nameInput} type="text" placeholder="Claims report" required />
                </div>
                <div class="field">
                  <label for="notebook-workspace">Workspace</label>
                  <select id="notebook-workspace" ref={workspaceInput}>
                    <For each={workspaces()}>
                      {(workspace) => <option value={workspace.id}>{workspace.name}</option>}
                    </For>
                  </select>
                </div>
                <div class="field">
                  <label for="notebook-language">Language</label>
                  <select id="notebook-language" ref={languageInput}>
                    <For each={NOTEBOOK_LANGUAGES}>{(language) => <option value={language}>{language}</option>}</For>
                  </select>
                </div>
                <button type="submit" class="button button--primary" disabled={created.fetching}>
                  Create
                </button>
              </form>
            </Show>
            <Show when={createError()}>{(error) => <ErrorState error={error()} variant="inline" />}</Show>
          </Panel>
        </Show>
        <Panel title="Your notebooks" meta={`${notebooks().length} in total`}>
          <Show when={notebooks().length > 0} fallback={<p class="empty">No notebooks yet.</p>}>
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">Notebook</th>
                  <th scope="col">Language</th>
                  <th scope="col">Databricks</th>
                </tr>
              </thead>
              <tbody>
                <For each={notebooks()}>
                  {(notebook) => (
                    <tr classList={{ 'is-selected': selected() === notebook.id }}>
                      <td>
                        <button type="button" class="link-button" onClick={() => setSelected(notebook.id)}>
                          {notebook.name}
                        </button>
                        <span class="list__sub muted notebook-path">{notebook.path}</span>
                      </td>
                      <td>{notebook.language}</td>
                      <td>
                        <SyncBadge status={notebook.sync.status} error={notebook.sync.error} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </Panel>
        <Show when={selected()} keyed>
          {(id) => (
            <Panel title="Editor">
              <NotebookEditor id={id} role={page.data?.me?.role ?? 'MEMBER'} onChanged={reload} />
            </Panel>
          )}
        </Show>
      </QueryState>
    </section>
  );
};

export default NotebooksPage;

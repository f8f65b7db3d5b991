import { type Component, createMemo, createSignal, For, Show } from 'solid-js';
import { Panel } from '../../components/Panel';
import { graphql } from '../../gql';
import type { WorkspaceExplorer_WorkspaceFragment } from '../../gql/graphql';
import { CatalogBrowser } from './CatalogBrowser';
import { distinctWorkspaces } from './distinct-workspaces';
import './catalog.css';

export const WorkspaceExplorerFragment = graphql(`
  fragment WorkspaceExplorer_workspace on DatabricksWorkspace {
    id
    name
    url
    workspaceId
    cop {
      id
      name
    }
  }
`);

export interface WorkspaceExplorerProps {
  workspaces: readonly WorkspaceExplorer_WorkspaceFragment[];
}

/**
 * Pick a workspace, then browse its Unity Catalog. A workspace mapped to several CoPs is one entry: its
 * catalog is the same whichever CoP it counts for.
 */
export const WorkspaceExplorer: Component<WorkspaceExplorerProps> = (props) => {
  const [chosen, setChosen] = createSignal<string>();
  const workspaces = createMemo(() => distinctWorkspaces(props.workspaces));
  const current = () => workspaces().find((workspace) => workspace.id === chosen()) ?? workspaces()[0];

  return (
    <Show when={current()} fallback={<p class="empty">No Databricks workspace is connected yet.</p>}>
      {(workspace) => (
        <Panel
          title="Unity Catalog"
          meta={`${workspaces().length} ${workspaces().length === 1 ? 'workspace' : 'workspaces'}`}
          actions={
            <Show when={workspaces().length > 1}>
              <label class="workspace-picker">
                <span>Workspace</span>
                <select value={workspace().id} onChange={(event) => setChosen(event.currentTarget.value)}>
                  <For each={workspaces()}>{(option) => <option value={option.id}>{option.name}</option>}</For>
                </select>
              </label>
            </Show>
          }
        >
          <p class="muted workspace-facts">
            <a href={workspace().url} target="_blank" rel="noopener noreferrer">
              {workspace().name} ↗
            </a>{' '}
            · workspace {workspace().workspaceId}
            {workspace().copNames.length > 0 ? ` · counts for ${workspace().copNames.join(', ')}` : ''}
          </p>
          <Show when={workspace().id} keyed>
            {(workspaceId) => <CatalogBrowser workspaceId={workspaceId} />}
          </Show>
        </Panel>
      )}
    </Show>
  );
};

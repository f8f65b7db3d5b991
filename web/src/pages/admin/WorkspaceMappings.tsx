import { createMutation } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { ErrorState } from '../../components/ErrorState';
import { graphql } from '../../gql';
import type { WorkspaceMappings_IntegrationFragment } from '../../gql/graphql';
import type { MappingFields } from './mapping-fields';
import { WorkspaceMappingForm } from './WorkspaceMappingForm';

/** What a row shows and the edit form starts from; the update answers with it so the row refreshes. */
export const WorkspaceMappingRowFragment = graphql(`
  fragment WorkspaceMappingRow_mapping on WorkspaceMapping {
    id
    workspaceName
    workspaceUrl
    workspaceId
    defaultCatalog
    defaultSchema
    isActive
    cop {
      id
      name
    }
  }
`);

export const WorkspaceMappingsFragment = graphql(`
  fragment WorkspaceMappings_integration on Integration {
    id
    workspaceMappings(first: 50) {
      totalCount
      nodes {
        ...WorkspaceMappingRow_mapping
      }
    }
  }
`);

const CreateMappingMutation = graphql(`
  mutation CreateWorkspaceMapping($input: CreateWorkspaceMappingInput!) {
    createWorkspaceMapping(input: $input) {
      id
    }
  }
`);

const UpdateMappingMutation = graphql(`
  mutation UpdateWorkspaceMapping($id: ID!, $input: UpdateWorkspaceMappingInput!) {
    updateWorkspaceMapping(id: $id, input: $input) {
      ...WorkspaceMappingRow_mapping
    }
  }
`);

const DeleteMappingMutation = graphql(`
  mutation DeleteWorkspaceMapping($id: ID!) {
    deleteWorkspaceMapping(id: $id)
  }
`);

export interface WorkspaceMappingsProps {
  integration: WorkspaceMappings_IntegrationFragment;
  cops: readonly { id: string; name: string }[];
  /** Reads the list again after a mapping was added or removed (the cache cannot know where it belongs). */
  onChanged(): void;
}

const EMPTY: MappingFields = {
  workspaceName: '',
  workspaceUrl: '',
  workspaceId: '',
  copId: '',
  defaultCatalog: '',
  defaultSchema: '',
};

/** An empty optional field clears the value (null) rather than sending an empty name. */
const orNull = (value: string) => value.trim() || null;
const toInput = (fields: MappingFields) => ({
  workspaceName: fields.workspaceName.trim(),
  workspaceUrl: fields.workspaceUrl.trim(),
  workspaceId: fields.workspaceId.trim(),
  copId: orNull(fields.copId),
  defaultCatalog: orNull(fields.defaultCatalog),
  defaultSchema: orNull(fields.defaultSchema),
});

/** The workspaces an integration reaches and the CoP each counts for: add, edit, pause, remove. */
export const WorkspaceMappings: Component<WorkspaceMappingsProps> = (props) => {
  const [editing, setEditing] = createSignal<string | 'new' | null>(null);
  const [, create] = createMutation(CreateMappingMutation);
  const [updating, update] = createMutation(UpdateMappingMutation);
  const [removal, remove] = createMutation(DeleteMappingMutation);

  const saveNew = async (fields: MappingFields) => {
    const { copId, ...rest } = toInput(fields);
    const result = await create({
      input: { integrationId: props.integration.id, ...rest, ...(copId ? { copId } : {}) },
    });
    if (result.error) return result.error;
    setEditing(null);
    props.onChanged();
  };
  const saveEdit = async (id: string, fields: MappingFields) => {
    const result = await update({ id, input: toInput(fields) });
    if (!result.error) setEditing(null);
    return result.error;
  };
  const removeMapping = async (id: string, name: string) => {
    if (!window.confirm(`Remove the workspace ${name}? Its usage stops counting for any CoP.`)) return;
    const result = await remove({ id });
    if (!result.error) props.onChanged();
  };

  return (
    <section class="mappings" aria-label="Workspace mappings">
      <header class="mappings__header">
        <h4>Workspaces ({props.integration.workspaceMappings.totalCount})</h4>
        <Show when={editing() !== 'new'}>
          <button type="button" class="button button--secondary" onClick={() => setEditing('new')}>
            Add workspace
          </button>
        </Show>
      </header>
      <Show when={editing() === 'new'}>
        <WorkspaceMappingForm
          id={`new-mapping-${props.integration.id}`}
          initial={EMPTY}
          cops={props.cops}
          submitLabel="Add workspace"
          onSubmit={saveNew}
          onCancel={() => setEditing(null)}
        />
      </Show>
      <Show when={removal.error ?? (editing() === null ? updating.error : undefined)}>
        {(error) => <ErrorState error={error()} variant="inline" />}
      </Show>
      <Show
        when={props.integration.workspaceMappings.nodes.length > 0}
        fallback={<p class="empty">No workspace mapped yet.</p>}
      >
        <ul class="list">
          <For each={props.integration.workspaceMappings.nodes}>
            {(mapping) => (
              <li class="mapping" data-testid="workspace-mapping">
                <Show
                  when={editing() === mapping.id}
                  fallback={
                    <div class="list__row">
                      <span class="list__main">
                        <span class="list__title">
                          {mapping.workspaceName}
                          <Show when={!mapping.isActive}>
                            <span class="badge badge--muted">Paused</span>
                          </Show>
                        </span>
                        <span class="list__sub muted">
                          {mapping.workspaceUrl} · id {mapping.workspaceId} ·{' '}
                          {mapping.cop ? `counts for ${mapping.cop.name}` : 'customer-wide'}
                          {mapping.defaultCatalog
                            ? ` · ${mapping.defaultCatalog}${mapping.defaultSchema ? `.${mapping.defaultSchema}` : ''}`
                            : ''}
                        </span>
                      </span>
                      <button
                        type="button"
                        class="button button--ghost"
                        onClick={() => void update({ id: mapping.id, input: { isActive: !mapping.isActive } })}
                      >
                        {mapping.isActive ? 'Pause' : 'Resume'}
                      </button>
                      <button type="button" class="button button--secondary" onClick={() => setEditing(mapping.id)}>
                        Edit
                      </button>
                      <button
                        type="button"
                        class="button button--ghost button--danger"
                        disabled={removal.fetching}
                        onClick={() => void removeMapping(mapping.id, mapping.workspaceName)}
                      >
                        Remove
                      </button>
                    </div>
                  }
                >
                  <WorkspaceMappingForm
                    id={`mapping-${mapping.id}`}
                    initial={{
                      workspaceName: mapping.workspaceName,
                      workspaceUrl: mapping.workspaceUrl,
                      workspaceId: mapping.workspaceId,
                      copId: mapping.cop?.id ?? '',
                      defaultCatalog: mapping.defaultCatalog ?? '',
                      defaultSchema: mapping.defaultSchema ?? '',
                    }}
                    cops={props.cops}
                    submitLabel="Save"
                    onSubmit={(fields) => saveEdit(mapping.id, fields)}
                    onCancel={() => setEditing(null)}
                  />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
};

import type { CombinedError } from '@urql/solid';
import { type Component, For, Show } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { ErrorState } from '../../components/ErrorState';
import { newTask, type PipelineDraft, type ScheduleDraft, type TaskDraft } from './pipeline-draft';
import { ScheduleEditor } from './ScheduleEditor';
import { TaskFields } from './TaskFields';

export interface PipelineFormProps {
  initial: PipelineDraft;
  workspaces: { id: string; name: string }[];
  /** A saved pipeline keeps its workspace. */
  existing: boolean;
  submitting: boolean;
  error?: CombinedError;
  onSubmit(draft: PipelineDraft): void;
}

/** The pipeline editor's form: name and workspace, the tasks with their dependencies, the schedule. */
export const PipelineForm: Component<PipelineFormProps> = (props) => {
  const [draft, setDraft] = createStore<PipelineDraft>(structuredClone(props.initial));
  const updateTask = (index: number, patch: Partial<TaskDraft>) => {
    const renamed = patch.key !== undefined ? draft.tasks[index]?.key : undefined;
    setDraft('tasks', index, patch);
    // A renamed task stays the dependency of those that named it.
    if (renamed !== undefined && patch.key !== renamed) {
      setDraft(
        'tasks',
        (task) => task.dependsOn.includes(renamed),
        'dependsOn',
        (keys) => keys.map((key) => (key === renamed ? patch.key! : key)),
      );
    }
  };
  const removeTask = (index: number) => {
    const key = draft.tasks[index]?.key;
    setDraft(
      'tasks',
      reconcile(
        draft.tasks
          .filter((_, at) => at !== index)
          .map((task) => ({ ...task, dependsOn: task.dependsOn.filter((other) => other !== key) })),
      ),
    );
  };
  const addTask = () => {
    const last = draft.tasks.at(-1)?.key;
    setDraft('tasks', draft.tasks.length, newTask(draft.tasks.length, last ? [last] : []));
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    // A copy of the store's plain data: the store itself is a proxy, which cannot be cloned.
    props.onSubmit(structuredClone(unwrap(draft)));
  };

  return (
    <form class="pipeline-form" onSubmit={submit} aria-label="Pipeline">
      <div class="pipeline-form__head">
        <div class="field">
          <label for="pipeline-name">Pipeline name</label>
          <input
            id="pipeline-name"
            type="text"
            required
            value={draft.name}
            onInput={(event) => setDraft('name', event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="pipeline-workspace">Workspace</label>
          <select
            id="pipeline-workspace"
            disabled={props.existing}
            value={draft.workspaceId}
            onChange={(event) => setDraft('workspaceId', event.currentTarget.value)}
          >
            <For each={props.workspaces}>{(workspace) => <option value={workspace.id}>{workspace.name}</option>}</For>
          </select>
        </div>
      </div>
      <For each={draft.tasks}>
        {(task, index) => (
          <TaskFields
            task={task}
            index={index()}
            others={draft.tasks.filter((other) => other !== task).map((other) => other.key)}
            onChange={(patch) => updateTask(index(), patch)}
            onRemove={() => removeTask(index())}
          />
        )}
      </For>
      <button type="button" class="button button--secondary" onClick={addTask}>
        Add task
      </button>
      <ScheduleEditor
        schedule={draft.schedule}
        onChange={(patch: Partial<ScheduleDraft>) => setDraft('schedule', patch)}
      />
      <Show when={props.error}>{(error) => <ErrorState error={error()} variant="inline" />}</Show>
      <div class="pipeline-form__actions">
        <button type="submit" class="button button--primary" disabled={props.submitting}>
          {props.existing ? 'Save pipeline' : 'Create pipeline'}
        </button>
      </div>
    </form>
  );
};

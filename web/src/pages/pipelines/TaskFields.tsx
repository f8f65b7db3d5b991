import { type Component, For, Match, Switch } from 'solid-js';
import type { PipelineTaskType } from '../../gql/graphql';
import { TASK_TYPES, type TaskDraft } from './pipeline-draft';

export interface TaskFieldsProps {
  task: TaskDraft;
  index: number;
  /** Keys of the other tasks, which this one may depend on. */
  others: string[];
  onChange(patch: Partial<TaskDraft>): void;
  onRemove(): void;
}

/** One task of the editor: its key and type, what it depends on, and the fields of its type. */
export const TaskFields: Component<TaskFieldsProps> = (props) => {
  const id = (field: string) => `task-${props.index}-${field}`;
  const text = (field: 'notebookPath' | 'query' | 'warehouseId' | 'pythonFile', label: string, placeholder = '') => (
    <div class="field">
      <label for={id(field)}>{label}</label>
      <input
        id={id(field)}
        type="text"
        placeholder={placeholder}
        value={props.task[field]}
        onInput={(event) => props.onChange({ [field]: event.currentTarget.value })}
      />
    </div>
  );
  const toggle = (key: string, on: boolean) =>
    props.onChange({
      dependsOn: on ? [...props.task.dependsOn, key] : props.task.dependsOn.filter((other) => other !== key),
    });
  return (
    <fieldset class="pipeline-task" data-testid="pipeline-task">
      <legend>Task {props.index + 1}</legend>
      <div class="pipeline-task__row">
        <div class="field">
          <label for={id('key')}>Key</label>
          <input
            id={id('key')}
            type="text"
            value={props.task.key}
            onInput={(event) => props.onChange({ key: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for={id('type')}>Type</label>
          <select
            id={id('type')}
            value={props.task.type}
            onChange={(event) => props.onChange({ type: event.currentTarget.value as PipelineTaskType })}
          >
            <For each={TASK_TYPES}>{(choice) => <option value={choice.type}>{choice.label}</option>}</For>
          </select>
        </div>
        <button type="button" class="button button--ghost" onClick={() => props.onRemove()}>
          Remove task
        </button>
      </div>
      <Switch>
        <Match when={props.task.type === 'NOTEBOOK'}>{text('notebookPath', 'Notebook path', '/Shared/etl')}</Match>
        <Match when={props.task.type === 'SQL'}>
          <div class="field">
            <label for={id('query')}>SQL query</label>
            <textarea
              id={id('query')}
              rows="3"
              value={props.task.query}
              onInput={(event) => props.onChange({ query: event.currentTarget.value })}
            />
          </div>
          {text('warehouseId', 'SQL warehouse id')}
        </Match>
        <Match when={props.task.type === 'PYTHON'}>
          {text('pythonFile', 'Python file', '/Workspace/jobs/load.py')}
        </Match>
      </Switch>
      <div class="field">
        <label for={id('parameters')}>Parameters (name=value per line)</label>
        <textarea
          id={id('parameters')}
          rows="2"
          value={props.task.parameters}
          onInput={(event) => props.onChange({ parameters: event.currentTarget.value })}
        />
      </div>
      <fieldset class="pipeline-task__depends">
        <legend class="muted">Depends on</legend>
        <For each={props.others} fallback={<span class="muted">no other task yet</span>}>
          {(key) => (
            <label class="checkbox">
              <input
                type="checkbox"
                checked={props.task.dependsOn.includes(key)}
                onChange={(event) => toggle(key, event.currentTarget.checked)}
              />
              {key}
            </label>
          )}
        </For>
      </fieldset>
    </fieldset>
  );
};

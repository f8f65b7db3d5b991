import type { CombinedError } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { ErrorState } from '../../components/ErrorState';
import { TextField } from '../../components/TextField';
import { apiFieldProblems } from './api-field-problems';
import { type MappingFields, type MappingProblems, validateMapping } from './mapping-fields';

export interface WorkspaceMappingFormProps {
  /** Prefix of the inputs' ids, unique on the page. */
  id: string;
  initial: MappingFields;
  /** The customer's CoPs a workspace can count for. */
  cops: readonly { id: string; name: string }[];
  submitLabel: string;
  /** Resolves to the api's error, or undefined once saved. */
  onSubmit(fields: MappingFields): Promise<CombinedError | undefined>;
  onCancel(): void;
}

const TEXT_FIELDS: { name: Exclude<keyof MappingFields, 'copId'>; label: string; type: 'text' | 'url' }[] = [
  { name: 'workspaceName', label: 'Name', type: 'text' },
  { name: 'workspaceUrl', label: 'Workspace URL', type: 'url' },
  { name: 'workspaceId', label: 'Workspace id', type: 'text' },
  { name: 'defaultCatalog', label: 'Default catalog (optional)', type: 'text' },
  { name: 'defaultSchema', label: 'Default schema (optional)', type: 'text' },
];

/** Creates or edits a workspace mapping: the workspace, the CoP its usage counts for, and its default catalog. */
export const WorkspaceMappingForm: Component<WorkspaceMappingFormProps> = (props) => {
  const [fields, setFields] = createSignal<MappingFields>({ ...props.initial });
  const [problems, setProblems] = createSignal<MappingProblems>({});
  const [error, setError] = createSignal<CombinedError>();
  const [saving, setSaving] = createSignal(false);
  const set = (name: keyof MappingFields, value: string) => setFields((current) => ({ ...current, [name]: value }));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    const found = validateMapping(fields());
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const failure = await props.onSubmit(fields());
    setSaving(false);
    if (!failure) return;
    setProblems(apiFieldProblems(failure, fields()));
    setError(failure);
  };

  return (
    <form class="mapping-form" noValidate onSubmit={(event) => void submit(event)}>
      <div class="mapping-form__grid">
        <For each={TEXT_FIELDS}>
          {(field) => (
            <TextField
              id={`${props.id}-${field.name}`}
              name={field.name}
              label={field.label}
              type={field.type}
              value={fields()[field.name]}
              onInput={(value) => set(field.name, value)}
              error={problems()[field.name]}
            />
          )}
        </For>
        <div class="field">
          <label for={`${props.id}-copId`}>Counts for CoP</label>
          <select
            id={`${props.id}-copId`}
            value={fields().copId}
            onChange={(event) => set('copId', event.currentTarget.value)}
            aria-invalid={Boolean(problems().copId)}
          >
            <option value="">No CoP (customer-wide)</option>
            <For each={props.cops}>{(cop) => <option value={cop.id}>{cop.name}</option>}</For>
          </select>
          <Show when={problems().copId}>
            <p class="field__error">{problems().copId}</p>
          </Show>
        </div>
      </div>
      <Show when={error()}>{(failure) => <ErrorState error={failure()} variant="inline" />}</Show>
      <div class="mapping-form__actions">
        <button type="submit" class="button button--primary" disabled={saving()}>
          {props.submitLabel}
        </button>
        <button type="button" class="button button--secondary" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
};

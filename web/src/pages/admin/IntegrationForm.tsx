import { type CombinedError, createMutation } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { ErrorState } from '../../components/ErrorState';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { DatabricksAuthType, IntegrationType } from '../../gql/graphql';
import { apiFieldProblems } from './api-field-problems';
import {
  createInput,
  FIELD_LABELS,
  type IntegrationFields,
  type SecretName,
  updateInput,
  visibleFields,
} from './integration-fields';

const CreateIntegrationMutation = graphql(`
  mutation CreateIntegration($input: CreateIntegrationInput!) {
    createIntegration(input: $input) {
      id
    }
  }
`);

const UpdateIntegrationMutation = graphql(`
  mutation UpdateIntegration($id: ID!, $input: UpdateIntegrationInput!) {
    updateIntegration(id: $id, input: $input) {
      id
      displayName
      updatedAt
    }
  }
`);

export const AUTH_TYPES: Record<DatabricksAuthType, string> = {
  PAT: 'Personal access token',
  OAUTH_M2M: 'Databricks OAuth (machine-to-machine)',
  AZURE_SP: 'Azure AD service principal',
};
const TYPES: Record<IntegrationType, string> = { DATABRICKS: 'Databricks', SLACK: 'Slack', TEAMS: 'Microsoft Teams' };

/** A labelled select over the keys of `choices`, showing their labels. */
function ChoiceField<V extends string>(props: {
  id: string;
  label: string;
  value: V;
  choices: Record<V, string>;
  onChange(value: V): void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value as V)}>
        <For each={Object.entries(props.choices) as [V, string][]}>
          {([value, label]) => <option value={value}>{label}</option>}
        </For>
      </select>
    </div>
  );
}

export interface IntegrationFormProps {
  /** Prefix of the inputs' ids, unique on the page. */
  id: string;
  initial: IntegrationFields;
  /** Create an integration for this customer, or edit the integration with this id. */
  target: { customerId: string } | { integrationId: string };
  /** Called with the integration's id once saved. */
  onSaved(integrationId: string): void;
  onCancel(): void;
}

/**
 * Creates or edits an integration: Databricks with any of its authentication types (the inputs follow the
 * type), or a Slack / Teams channel. Secrets are write-only: on edit, an empty secret keeps the stored one.
 */
export const IntegrationForm: Component<IntegrationFormProps> = (props) => {
  const [fields, setFields] = createSignal<IntegrationFields>({ ...props.initial });
  const [problems, setProblems] = createSignal<Partial<Record<keyof IntegrationFields, string>>>({});
  const [error, setError] = createSignal<CombinedError>();
  const [created, create] = createMutation(CreateIntegrationMutation);
  const [updated, update] = createMutation(UpdateIntegrationMutation);
  const editing = () => 'integrationId' in props.target;
  const set = <K extends keyof IntegrationFields>(name: K, value: IntegrationFields[K]) =>
    setFields((current) => ({ ...current, [name]: value }));
  const secretLabel = (name: SecretName) =>
    editing() ? `${FIELD_LABELS[name]} (leave empty to keep it)` : FIELD_LABELS[name];

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    setProblems({});
    const target = props.target;
    const result =
      'customerId' in target
        ? await create({ input: createInput(target.customerId, fields()) })
        : await update({ id: target.integrationId, input: updateInput(fields(), props.initial) });
    if (result.error) {
      setProblems(apiFieldProblems(result.error, fields()));
      setError(result.error);
      return;
    }
    const saved =
      result.data &&
      ('createIntegration' in result.data ? result.data.createIntegration : result.data.updateIntegration);
    if (saved) props.onSaved(saved.id);
  };

  return (
    <form
      class="mapping-form integration-form"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-label={editing() ? 'Edit integration' : 'New integration'}
    >
      <div class="mapping-form__grid">
        <Show when={!editing()}>
          <ChoiceField
            id={`${props.id}-type`}
            label="Type"
            value={fields().type}
            choices={TYPES}
            onChange={(value) => set('type', value)}
          />
        </Show>
        <TextField
          id={`${props.id}-displayName`}
          name="displayName"
          label="Display name"
          type="text"
          value={fields().displayName}
          onInput={(value) => set('displayName', value)}
          error={problems().displayName}
        />
        <Show when={fields().type === 'DATABRICKS'}>
          <ChoiceField
            id={`${props.id}-authType`}
            label="Authentication"
            value={fields().authType}
            choices={AUTH_TYPES}
            onChange={(value) => set('authType', value)}
          />
        </Show>
        <For each={visibleFields(fields()).settings}>
          {(name) => (
            <TextField
              id={`${props.id}-${name}`}
              name={name}
              label={FIELD_LABELS[name]}
              type={name === 'host' || name.endsWith('Url') || name === 'azureAuthority' ? 'url' : 'text'}
              value={fields()[name]}
              onInput={(value) => set(name, value)}
              error={problems()[name]}
            />
          )}
        </For>
        <For each={visibleFields(fields()).secrets}>
          {(name) => (
            <TextField
              id={`${props.id}-${name}`}
              name={name}
              label={secretLabel(name)}
              type="password"
              autocomplete="new-password"
              value={fields()[name]}
              onInput={(value) => set(name, value)}
              error={problems()[name]}
            />
          )}
        </For>
      </div>
      <Show when={error()}>{(failure) => <ErrorState error={failure()} variant="inline" />}</Show>
      <div class="mapping-form__actions">
        <button type="submit" class="button button--primary" disabled={created.fetching || updated.fetching}>
          {editing() ? 'Save integration' : 'Create integration'}
        </button>
        <button type="button" class="button button--secondary" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
};

import { createMutation } from '@urql/solid';
import { type Component, createSignal, Show } from 'solid-js';
import { formatDateTime } from '../../charts/format-date';
import { ErrorState } from '../../components/ErrorState';
import { graphql } from '../../gql';
import type { IntegrationSecretsInput } from '../../gql/graphql';

const UpdateSecretMutation = graphql(`
  mutation UpdateIntegrationSecret($id: ID!, $secrets: IntegrationSecretsInput!) {
    updateIntegration(id: $id, input: { secrets: $secrets }) {
      id
      updatedAt
      secrets {
        name
        isSet
        updatedAt
      }
    }
  }
`);

const LABELS: Record<string, string> = {
  token: 'Access token',
  clientSecret: 'Client secret',
  webhookUrl: 'Incoming-webhook URL',
};

export interface SecretFieldProps {
  integrationId: string;
  /** The secret's field in `IntegrationSecretsInput` (`token`, `clientSecret`). */
  name: string;
  isSet: boolean;
  updatedAt?: string | null;
}

/**
 * A write-only secret: the api tells only whether it is set and since when. A new value replaces it,
 * "Clear" removes it; the input never shows the stored value and empties after saving.
 */
export const SecretField: Component<SecretFieldProps> = (props) => {
  const [value, setValue] = createSignal('');
  const [saved, setSaved] = createSignal<string | null>(null);
  const [update, write] = createMutation(UpdateSecretMutation);
  const inputId = () => `secret-${props.integrationId}-${props.name}`;

  const save = async (next: string | null) => {
    setSaved(null);
    const secrets = { [props.name]: next } as IntegrationSecretsInput;
    const result = await write({ id: props.integrationId, secrets });
    if (result.error) return;
    setValue('');
    setSaved(next === null ? 'Cleared.' : 'Saved.');
  };

  return (
    <form
      class="secret-field"
      onSubmit={(event) => {
        event.preventDefault();
        if (value()) void save(value());
      }}
    >
      <div class="secret-field__state">
        <label for={inputId()}>{LABELS[props.name] ?? props.name}</label>
        <span class={`badge ${props.isSet ? 'status--in-production' : ''}`} data-testid="secret-state">
          {props.isSet ? 'Set' : 'Not set'}
        </span>
        <Show when={props.isSet && props.updatedAt}>
          {(updatedAt) => <span class="muted">since {formatDateTime(updatedAt())}</span>}
        </Show>
      </div>
      <div class="secret-field__controls">
        <input
          id={inputId()}
          type="password"
          autocomplete="new-password"
          placeholder={props.isSet ? 'Enter a new value to replace it' : 'Enter a value'}
          value={value()}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        <button type="submit" class="button button--primary" disabled={!value() || update.fetching}>
          {props.isSet ? 'Replace' : 'Set'}
        </button>
        <Show when={props.isSet}>
          <button
            type="button"
            class="button button--secondary"
            disabled={update.fetching}
            onClick={() => void save(null)}
          >
            Clear
          </button>
        </Show>
      </div>
      <p class="secret-field__saved" role="status">
        {saved()}
      </p>
      <Show when={update.error}>{(error) => <ErrorState error={error()} variant="inline" />}</Show>
    </form>
  );
};

import { createMutation } from '@urql/solid';
import { type Component, For, Show } from 'solid-js';
import { formatDateTime } from '../../charts/format-date';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';

const TestIntegrationMutation = graphql(`
  mutation TestIntegration($id: ID!) {
    testIntegration(id: $id) {
      ok
      checkedAt
      steps {
        step
        ok
        code
        message
        durationMs
      }
    }
  }
`);

const STEP_NAMES: Record<string, string> = {
  credentials: 'Credentials',
  workspace: 'Workspace',
  warehouse: 'SQL warehouse',
  sqlQuery: 'SQL query',
  servingEndpoints: 'Serving endpoints',
};

export interface IntegrationTestProps {
  integrationId: string;
}

/** Checks the connection step by step and shows each step's outcome, message and duration. */
export const IntegrationTest: Component<IntegrationTestProps> = (props) => {
  const [check, run] = createMutation(TestIntegrationMutation);
  const result = () => check.data?.testIntegration;

  return (
    <section class="integration-test" aria-label="Connection test">
      <div class="integration-test__header">
        <button
          type="button"
          class="button button--secondary"
          disabled={check.fetching}
          onClick={() => void run({ id: props.integrationId })}
        >
          Test connection
        </button>
        <Show when={!check.fetching && result()}>
          {(current) => (
            <span class={`badge ${current().ok ? 'status--in-production' : 'status--on-hold'}`} role="status">
              {current().ok ? 'All steps passed' : 'A step failed'} · {formatDateTime(current().checkedAt)}
            </span>
          )}
        </Show>
      </div>
      <Show when={check.fetching}>
        <Loading label="Testing the connection" />
      </Show>
      <Show when={check.error}>{(error) => <ErrorState error={error()} variant="inline" />}</Show>
      <Show when={!check.fetching && result()}>
        {(current) => (
          <table class="data-table data-table--compact">
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Result</th>
                <th scope="col">Message</th>
                <th scope="col" class="numeric">
                  Duration
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={current().steps}>
                {(step) => (
                  <tr data-testid="integration-step" data-ok={step.ok}>
                    <td>{STEP_NAMES[step.step] ?? step.step}</td>
                    <td>
                      <span class={`badge ${step.ok ? 'status--in-production' : 'status--on-hold'}`}>
                        {step.ok ? 'OK' : (step.code ?? 'Failed')}
                      </span>
                    </td>
                    <td>{step.message}</td>
                    <td class="numeric">{step.durationMs} ms</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </Show>
    </section>
  );
};

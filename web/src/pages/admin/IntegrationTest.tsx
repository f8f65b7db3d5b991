import { createSubscription } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { formatDateTime } from '../../charts/format-date';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import type { IntegrationCheckSubscription as CheckResult } from '../../gql/graphql';

type CheckStep = CheckResult['integrationCheck'];

const IntegrationCheckSubscription = graphql(`
  subscription IntegrationCheck($id: ID!) {
    integrationCheck(id: $id) {
      step
      ok
      code
      message
      durationMs
    }
  }
`);

const STEP_NAMES: Record<string, string> = {
  credentials: 'Credentials',
  workspace: 'Workspace',
  warehouse: 'SQL warehouse',
  sqlQuery: 'SQL query',
  servingEndpoints: 'Serving endpoints',
  webhook: 'Test message',
};

export interface IntegrationTestProps {
  integrationId: string;
}

/**
 * Checks the connection step by step (Slack and Teams: sends a test message) and shows each step the moment the
 * api reports it (the `integrationCheck` subscription), with its outcome, message and duration.
 */
export const IntegrationTest: Component<IntegrationTestProps> = (props) => {
  const [steps, setSteps] = createSignal<CheckStep[]>([]);
  const [checkedAt, setCheckedAt] = createSignal<string | null>(null);
  const [running, setRunning] = createSignal(false);
  const [check] = createSubscription(
    { query: IntegrationCheckSubscription, variables: () => ({ id: props.integrationId }), pause: () => !running() },
    (_previous, data) => {
      // A copy: the subscription's state merges each new result into the previous one in place. Each step once:
      // the same result may be handed over again (e.g. when the stream completes).
      const next = { ...data.integrationCheck };
      setSteps((done) =>
        done.some((step) => step.step === next.step)
          ? done.map((step) => (step.step === next.step ? next : step))
          : [...done, next],
      );
      return data;
    },
  );
  const finished = () => running() && !check.fetching && steps().length > 0;
  const ok = () => steps().every((step) => step.ok);
  const start = () => {
    setSteps([]);
    setCheckedAt(new Date().toISOString());
    // Pausing and resuming starts a new check (a new subscription).
    setRunning(false);
    queueMicrotask(() => setRunning(true));
  };

  return (
    <section class="integration-test" aria-label="Connection test">
      <div class="integration-test__header">
        <button type="button" class="button button--secondary" disabled={running() && check.fetching} onClick={start}>
          Test connection
        </button>
        <Show when={finished() && checkedAt()}>
          {(at) => (
            <span class={`badge ${ok() ? 'status--in-production' : 'status--on-hold'}`} role="status">
              {ok() ? 'All steps passed' : 'A step failed'} · {formatDateTime(at())}
            </span>
          )}
        </Show>
      </div>
      <Show when={running() && check.fetching}>
        <Loading label="Testing the connection" />
      </Show>
      <Show when={check.error}>{(error) => <ErrorState error={error()} variant="inline" />}</Show>
      <Show when={steps().length > 0}>
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
            <For each={steps()}>
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
      </Show>
    </section>
  );
};

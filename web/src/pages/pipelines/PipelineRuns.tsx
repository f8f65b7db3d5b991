import { type CombinedError, createMutation, createQuery, createSubscription } from '@urql/solid';
import { type Component, createSignal, Show } from 'solid-js';
import { ErrorState } from '../../components/ErrorState';
import { graphql } from '../../gql';
import type { RunFieldsFragment } from '../../gql/graphql';
import { RunHistory } from '../pipeline/RunHistory';
import { RunPanel } from '../pipeline/RunPanel';
import { RunEventsSubscription } from '../pipeline/run-events';

const RunPipelineMutation = graphql(`
  mutation RunPipeline($id: ID!, $idempotencyKey: String) {
    runPipeline(id: $id, idempotencyKey: $idempotencyKey) {
      ...RunFields
    }
  }
`);

const PipelineRunQuery = graphql(`
  query PipelineEditorRun($id: ID!) {
    jobRun(id: $id) {
      ...RunFields
    }
  }
`);

export interface PipelineRunsProps {
  pipelineId: string;
  /** Runs of the pipeline, newest first. */
  runs: RunFieldsFragment[];
  canRun: boolean;
  /** Without a Databricks job the pipeline cannot run yet (its sync says why). */
  runnable: boolean;
  onStarted(): void;
}

/**
 * Run now, the run live (the shared run panel, fed by `runEvents`) and the run history of the pipeline runs
 * page, reused as they are.
 */
export const PipelineRuns: Component<PipelineRunsProps> = (props) => {
  const [chosenRunId, setChosenRunId] = createSignal<string | null>(null);
  const runId = () => chosenRunId() ?? props.runs[0]?.id ?? null;
  const [run] = createQuery({
    query: PipelineRunQuery,
    variables: () => ({ id: runId() ?? '' }),
    pause: () => !runId(),
  });
  createSubscription({
    query: RunEventsSubscription,
    variables: () => ({ runId: runId() ?? '', afterSeq: null }),
    pause: () => !runId(),
  });
  const [started, start] = createMutation(RunPipelineMutation);
  const [error, setError] = createSignal<CombinedError>();

  const runNow = async () => {
    // A key per click: a repeated request starts one run, not two.
    const result = await start({ id: props.pipelineId, idempotencyKey: crypto.randomUUID() });
    setError(result.error);
    if (result.data) {
      setChosenRunId(result.data.runPipeline.id);
      props.onStarted();
    }
  };

  return (
    <div class="pipeline-runs">
      <Show when={props.canRun}>
        <div class="pipeline-runs__actions">
          <button
            type="button"
            class="button button--primary"
            disabled={!props.runnable || started.fetching}
            onClick={() => void runNow()}
          >
            Run now
          </button>
          <Show when={!props.runnable}>
            <span class="muted"> It can run once it is in Databricks.</span>
          </Show>
        </div>
      </Show>
      <Show when={error()}>{(failure) => <ErrorState error={failure()} variant="inline" />}</Show>
      <Show when={run.data?.jobRun}>
        {(current) => <RunPanel run={current()} canControl={false} onCancel={() => {}} onRetry={() => {}} />}
      </Show>
      <h3>Run history</h3>
      <RunHistory runs={props.runs} selectedId={runId()} onSelect={setChosenRunId} />
    </div>
  );
};

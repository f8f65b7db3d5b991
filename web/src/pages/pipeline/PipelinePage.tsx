import { useParams } from '@solidjs/router';
import { CombinedError, createMutation, createQuery, createSubscription } from '@urql/solid';
import { type Component, createSignal, Show } from 'solid-js';
import { ErrorState } from '../../components/ErrorState';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { PipelineLayer } from '../../gql/graphql';
import { CopSectionHeader } from '../cop-dashboard/CopSectionHeader';
import { copIdFromParam } from '../cop-dashboard/cop-path';
import { LayerTriggers } from './LayerTriggers';
import { PIPELINE_ROLES } from './pipeline-layers';
import { RunHistory } from './RunHistory';
import { RunPanel } from './RunPanel';
import { RunEventsSubscription } from './run-events';
import './pipeline.css';

const PipelinePageQuery = graphql(`
  query PipelinePage($id: ID!) {
    me {
      id
      role
    }
    cop(id: $id) {
      id
      name
      runs(first: 10) {
        totalCount
        nodes {
          ...RunFields
        }
      }
    }
  }
`);

const RunQuery = graphql(`
  query PipelineRun($id: ID!) {
    jobRun(id: $id) {
      ...RunFields
    }
  }
`);

const TriggerPipelineMutation = graphql(`
  mutation TriggerPipeline($input: TriggerPipelineInput!) {
    triggerPipeline(input: $input) {
      ...RunFields
      cop {
        id
      }
    }
  }
`);

const CancelRunMutation = graphql(`
  mutation CancelRun($id: ID!) {
    cancelRun(id: $id) {
      ...RunFields
    }
  }
`);

const RetryRunMutation = graphql(`
  mutation RetryRun($id: ID!, $idempotencyKey: String) {
    retryRun(id: $id, idempotencyKey: $idempotencyKey) {
      ...RunFields
      cop {
        id
      }
    }
  }
`);

const notFound = new CombinedError({
  graphQLErrors: [{ message: 'CoP not found', extensions: { code: 'NOT_FOUND' } }],
});

/**
 * A CoP's data pipeline: trigger a layer, watch the run live (the `runEvents` subscription writes every event
 * into the cached run, so this panel and the history change together), cancel or retry it.
 */
const PipelinePage: Component = () => {
  const params = useParams<{ id: string }>();
  const copId = () => copIdFromParam(params.id);
  const [page, refetch] = createQuery({ query: PipelinePageQuery, variables: () => ({ id: copId() }) });
  const [chosenRunId, setChosenRunId] = createSignal<string | null>(null);
  // The run the user started or picked; otherwise the newest one.
  const runId = () => chosenRunId() ?? page.data?.cop?.runs.nodes[0]?.id ?? null;
  const [run] = createQuery({
    query: RunQuery,
    variables: () => ({ id: runId() ?? '' }),
    pause: () => runId() === null,
  });
  createSubscription({
    query: RunEventsSubscription,
    variables: () => ({ runId: runId() ?? '', afterSeq: null }),
    pause: () => runId() === null,
  });

  const [triggered, trigger] = createMutation(TriggerPipelineMutation);
  const [canceled, cancel] = createMutation(CancelRunMutation);
  const [retried, retry] = createMutation(RetryRunMutation);
  const [pendingLayer, setPendingLayer] = createSignal<PipelineLayer | null>(null);
  const [actionError, setActionError] = createSignal<CombinedError | undefined>();

  const startLayer = async (layer: PipelineLayer) => {
    setPendingLayer(layer);
    // A key per click: if the request is repeated (a flaky network), the api starts one run, not two.
    const result = await trigger({ input: { copId: copId(), layer, idempotencyKey: crypto.randomUUID() } });
    setPendingLayer(null);
    setActionError(result.error);
    if (result.data) setChosenRunId(result.data.triggerPipeline.id);
  };
  const cancelRun = async (id: string) => setActionError((await cancel({ id })).error);
  const retryRun = async (id: string) => {
    const result = await retry({ id, idempotencyKey: crypto.randomUUID() });
    setActionError(result.error);
    if (result.data) setChosenRunId(result.data.retryRun.id);
  };

  const canRun = () => PIPELINE_ROLES.has(page.data?.me?.role ?? '');
  const busy = () => triggered.fetching || canceled.fetching || retried.fetching;

  return (
    <QueryState result={page} label="Loading pipeline" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      <Show when={page.data?.cop} fallback={<ErrorState error={notFound} />}>
        {(cop) => (
          <section class="page pipeline-page" aria-labelledby="pipeline-title">
            <CopSectionHeader
              cop={cop()}
              title="Pipeline"
              titleId="pipeline-title"
              intro={`Run the ${cop().name} medallion pipeline on Databricks and watch it live.`}
            />
            <Panel title="Layers">
              <Show
                when={canRun()}
                fallback={<p class="muted">Only data engineers and administrators can run the pipeline.</p>}
              >
                <LayerTriggers
                  pending={pendingLayer()}
                  disabled={busy()}
                  onTrigger={(layer) => void startLayer(layer)}
                />
              </Show>
            </Panel>
            <Show when={actionError()}>{(error) => <ErrorState error={error()} variant="inline" />}</Show>
            <Panel title="Live run">
              <Show
                when={run.data?.jobRun}
                fallback={<p class="empty">{runId() ? 'Loading the run…' : 'No run yet: start a layer above.'}</p>}
              >
                {(current) => (
                  <RunPanel
                    run={current()}
                    canControl={canRun()}
                    busy={busy()}
                    onCancel={() => void cancelRun(current().id)}
                    onRetry={() => void retryRun(current().id)}
                  />
                )}
              </Show>
            </Panel>
            <Panel
              title="Run history"
              meta={`${cop().runs.totalCount} ${cop().runs.totalCount === 1 ? 'run' : 'runs'}`}
            >
              <RunHistory runs={cop().runs.nodes} selectedId={runId()} onSelect={setChosenRunId} />
            </Panel>
          </section>
        )}
      </Show>
    </QueryState>
  );
};

export default PipelinePage;

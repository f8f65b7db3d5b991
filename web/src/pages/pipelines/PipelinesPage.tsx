import { createMutation, createQuery } from '@urql/solid';
import { type Component, createSignal, For, onCleanup, Show } from 'solid-js';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { SyncBadge } from '../datasets/SyncBadge';
import { PipelineDag } from './PipelineDag';
import { PipelineForm } from './PipelineForm';
import { PipelineRuns } from './PipelineRuns';
import { draftInput, draftOf, newDraft, type PipelineDraft } from './pipeline-draft';
import '../datasets/datasets.css';
import './pipelines.css';

const PipelinesQuery = graphql(`
  query Pipelines {
    me {
      id
      role
      customer {
        id
        workspaces {
          id
          name
        }
      }
    }
    pipelines(first: 50) {
      nodes {
        ...PipelineSummary
      }
    }
  }
`);

export const PipelineSummary = graphql(`
  fragment PipelineSummary on Pipeline {
    id
    name
    jobId
    updatedAt
    sync {
      status
      error
    }
    schedule {
      quartzCron
      timezone
      paused
    }
  }
`);

const PipelineDetailQuery = graphql(`
  query PipelineDetail($id: ID!) {
    node(id: $id) {
      id
      __typename
      ... on Pipeline {
        ...PipelineSummary
        workspace {
          id
        }
        tasks {
          key
          type
          dependsOn
          notebookPath
          parameters
          query
          warehouseId
          pythonFile
        }
        dag {
          nodes {
            key
            type
            layer
          }
          edges {
            from
            to
          }
        }
        runs(first: 10) {
          ...RunFields
        }
      }
    }
  }
`);

const CreatePipelineMutation = graphql(`
  mutation CreatePipeline($input: CreatePipelineInput!) {
    createPipeline(input: $input) {
      ...PipelineSummary
    }
  }
`);

const UpdatePipelineMutation = graphql(`
  mutation UpdatePipeline($id: ID!, $input: UpdatePipelineInput!) {
    updatePipeline(id: $id, input: $input) {
      ...PipelineSummary
    }
  }
`);

const DeletePipelineMutation = graphql(`
  mutation DeletePipeline($id: ID!) {
    deletePipeline(id: $id)
  }
`);

const WRITERS = ['ADMIN', 'CUSTOMER_ADMIN', 'DATA_ENGINEER'];
const READERS = [...WRITERS, 'ANALYST'];
const SETTLING = ['PENDING', 'LOCAL_ONLY', 'FAILED'];

/** The pipeline editor: the customer's multi-task pipelines, their task graph, schedule and runs. */
const PipelinesPage: Component = () => {
  const [list, refetchList] = createQuery({ query: PipelinesQuery });
  // undefined: nothing open; null: a new pipeline.
  const [openId, setOpenId] = createSignal<string | null | undefined>();
  const role = () => list.data?.me?.role ?? '';
  const [detail, refetchDetail] = createQuery({
    query: PipelineDetailQuery,
    variables: () => ({ id: openId() ?? '' }),
    pause: () => !openId() || !READERS.includes(role()),
  });
  const [created, create] = createMutation(CreatePipelineMutation);
  const [updated, update] = createMutation(UpdatePipelineMutation);
  const [, remove] = createMutation(DeletePipelineMutation);
  const pipelines = () => list.data?.pipelines.nodes ?? [];
  const workspaces = () => list.data?.me?.customer?.workspaces ?? [];
  const open = () => (detail.data?.node?.__typename === 'Pipeline' ? detail.data.node : undefined);

  const refresh = () => {
    refetchList({ requestPolicy: 'network-only' });
    if (openId()) refetchDetail({ requestPolicy: 'network-only' });
  };
  // While a pipeline is on its way to Databricks, or one of its runs goes on, look again every second.
  const timer = setInterval(() => {
    if (pipelines().some((pipeline) => SETTLING.includes(pipeline.sync.status))) refresh();
  }, 1_000);
  onCleanup(() => clearInterval(timer));

  const save = async (draft: PipelineDraft) => {
    const id = openId();
    if (id) {
      const result = await update({ id, input: draftInput(draft) });
      if (result.data) refresh();
      return;
    }
    const result = await create({ input: { ...draftInput(draft), workspaceId: draft.workspaceId } });
    if (result.data) {
      setOpenId(result.data.createPipeline.id);
      refresh();
    }
  };
  const deleteOpen = async () => {
    const id = openId();
    if (!id) return;
    await remove({ id });
    setOpenId(undefined);
    refresh();
  };

  return (
    <section class="page pipelines-page" aria-labelledby="pipelines-title">
      <header class="page__header">
        <h1 id="pipelines-title">Pipeline editor</h1>
        <p class="muted">Multi-task pipelines kept in CoP OS and run as scheduled Databricks jobs.</p>
      </header>
      <QueryState result={list} label="Loading pipelines" onRetry={refresh}>
        <Panel
          title="Pipelines"
          meta={`${pipelines().length}`}
          actions={
            <Show when={WRITERS.includes(role()) && workspaces().length > 0}>
              <button type="button" class="button button--secondary" onClick={() => setOpenId(null)}>
                New pipeline
              </button>
            </Show>
          }
        >
          <ul class="list">
            <For each={pipelines()} fallback={<li class="empty">No pipelines yet.</li>}>
              {(pipeline) => (
                <li
                  class="list__row"
                  data-testid="pipeline-row"
                  classList={{ 'is-selected': openId() === pipeline.id }}
                >
                  <span class="list__main">
                    <span class="list__title">{pipeline.name}</span>
                    <span class="list__sub muted">
                      {pipeline.schedule
                        ? `${pipeline.schedule.quartzCron} (${pipeline.schedule.timezone})${pipeline.schedule.paused ? ' · paused' : ''}`
                        : 'Runs when asked'}
                      {pipeline.jobId ? ` · job ${pipeline.jobId}` : ''}
                    </span>
                  </span>
                  <SyncBadge status={pipeline.sync.status} error={pipeline.sync.error} />
                  <Show when={READERS.includes(role())}>
                    <button type="button" class="button button--ghost" onClick={() => setOpenId(pipeline.id)}>
                      Open
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Panel>

        <Show when={openId() === null}>
          <Panel title="New pipeline">
            <PipelineForm
              initial={newDraft(workspaces()[0]?.id ?? '')}
              workspaces={workspaces()}
              existing={false}
              submitting={created.fetching}
              error={created.error}
              onSubmit={(draft) => void save(draft)}
            />
          </Panel>
        </Show>

        <Show when={openId() ? open() : undefined} keyed>
          {(pipeline) => (
            <>
              <Panel title="Task graph" meta={pipeline.name}>
                <PipelineDag dag={pipeline.dag} />
              </Panel>
              <Panel title="Runs">
                <PipelineRuns
                  pipelineId={pipeline.id}
                  runs={pipeline.runs}
                  canRun={WRITERS.includes(role())}
                  runnable={Boolean(pipeline.jobId)}
                  onStarted={refresh}
                />
              </Panel>
              <Panel
                title="Edit pipeline"
                actions={
                  <Show when={WRITERS.includes(role())}>
                    <button type="button" class="button button--ghost" onClick={() => void deleteOpen()}>
                      Delete pipeline
                    </button>
                  </Show>
                }
              >
                <PipelineForm
                  initial={draftOf(pipeline)}
                  workspaces={workspaces()}
                  existing
                  submitting={updated.fetching}
                  error={updated.error}
                  onSubmit={(draft) => void save(draft)}
                />
              </Panel>
            </>
          )}
        </Show>
      </QueryState>
    </section>
  );
};

export default PipelinesPage;

import { createQuery } from '@urql/solid';
import { type Component, createSignal, For, onCleanup, Show } from 'solid-js';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { useSession } from '../../session/SessionContext';
import { DatasetDetail } from './DatasetDetail';
import { SyncBadge } from './SyncBadge';
import { uploadDataset } from './upload-dataset';
import './datasets.css';

const DatasetsQuery = graphql(`
  query Datasets {
    me {
      id
      role
      customer {
        id
        datasets(first: 50) {
          nodes {
            id
            name
            rowCount
            sizeBytes
            createdAt
            sync {
              status
              error
            }
          }
        }
      }
    }
  }
`);

const WRITERS = ['ADMIN', 'CUSTOMER_ADMIN', 'DATA_ENGINEER'];
const SETTLING = ['PENDING', 'LOCAL_ONLY', 'FAILED'];

/** The customer's datasets: upload a CSV with a progress bar, watch it sync, preview and query it. */
const DatasetsPage: Component = () => {
  const session = useSession();
  const [datasets, refetch] = createQuery({ query: DatasetsQuery });
  const [selected, setSelected] = createSignal<string>();
  const [progress, setProgress] = createSignal<number>();
  const [uploadError, setUploadError] = createSignal<string>();
  let fileInput: HTMLInputElement | undefined;
  let nameInput: HTMLInputElement | undefined;

  const customer = () => datasets.data?.me?.customer;
  // While a dataset is still on its way to Databricks, look again every second: the badge follows.
  const timer = setInterval(() => {
    if (customer()?.datasets.nodes.some((node) => SETTLING.includes(node.sync.status))) {
      refetch({ requestPolicy: 'network-only' });
    }
  }, 1_000);
  onCleanup(() => clearInterval(timer));

  const upload = async (event: SubmitEvent) => {
    event.preventDefault();
    const file = fileInput?.files?.[0];
    const target = customer();
    if (!file || !target) return;
    setUploadError(undefined);
    setProgress(0);
    const outcome = await uploadDataset({
      token: session.token(),
      customerId: target.id,
      name: nameInput?.value.trim() || file.name.replace(/\.csv$/i, ''),
      file,
      onProgress: setProgress,
    });
    setProgress(undefined);
    if ('error' in outcome) return setUploadError(outcome.error);
    setSelected(outcome.id);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <section class="page" aria-labelledby="datasets-title">
      <header class="page__header">
        <h1 id="datasets-title">Datasets</h1>
        <p class="muted">CSV files kept locally as Parquet and loaded into Delta tables in your tenant catalog.</p>
      </header>
      <QueryState result={datasets} label="Loading datasets" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        <Show when={WRITERS.includes(datasets.data?.me?.role ?? '')}>
          <Panel title="Upload a CSV">
            <form class="dataset-upload" onSubmit={upload}>
              <div class="field">
                <label for="dataset-name">Name</label>
                <input id="dataset-name" ref={nameInput} type="text" placeholder="claims" />
              </div>
              <div class="field">
                <label for="dataset-file">CSV file</label>
                <input id="dataset-file" ref={fileInput} type="file" accept=".csv,text/csv" required />
              </div>
              <button type="submit" class="button button--primary" disabled={progress() !== undefined}>
                Upload
              </button>
            </form>
            <Show when={progress() !== undefined}>
              <progress class="dataset-upload__progress" aria-label="Upload progress" max="1" value={progress()} />
            </Show>
            <Show when={uploadError()}>
              <p role="alert" class="field__error">
                {uploadError()}
              </p>
            </Show>
          </Panel>
        </Show>
        <Panel title="Your datasets" meta={`${customer()?.datasets.nodes.length ?? 0} in total`}>
          <Show when={(customer()?.datasets.nodes.length ?? 0) > 0} fallback={<p class="empty">No datasets yet.</p>}>
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">Dataset</th>
                  <th scope="col" class="numeric">
                    Rows
                  </th>
                  <th scope="col">Databricks</th>
                </tr>
              </thead>
              <tbody>
                <For each={customer()?.datasets.nodes}>
                  {(dataset) => (
                    <tr classList={{ 'is-selected': selected() === dataset.id }}>
                      <td>
                        <button type="button" class="link-button" onClick={() => setSelected(dataset.id)}>
                          {dataset.name}
                        </button>
                      </td>
                      <td class="numeric">{dataset.rowCount.toLocaleString()}</td>
                      <td>
                        <SyncBadge status={dataset.sync.status} error={dataset.sync.error} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </Panel>
        <Show when={selected()} keyed>
          {(id) => (
            <Panel title="Preview and query">
              <DatasetDetail id={id} />
            </Panel>
          )}
        </Show>
      </QueryState>
    </section>
  );
};

export default DatasetsPage;

import { createQuery, useClient } from '@urql/solid';
import { type Component, createSignal, Show } from 'solid-js';
import { graphql } from '../../gql';
import type { RunDatasetQueryQuery } from '../../gql/graphql';
import { ResultTable } from './ResultTable';

const DatasetPreviewQuery = graphql(`
  query DatasetPreview($id: ID!) {
    node(id: $id) {
      id
      __typename
      ... on Dataset {
        name
        table
        columns {
          name
          type
        }
        rows(first: 20) {
          nodes {
            values
          }
        }
      }
    }
  }
`);

const RunDatasetQuery = graphql(`
  query RunDatasetQuery($id: ID!, $statement: String!) {
    datasetQuery(id: $id, statement: $statement, limit: 200) {
      source
      columns
      rows
      truncated
    }
  }
`);

/** The node when it is a dataset (the query asks through `node`, which may be any type). */
const datasetOf = <N extends { __typename?: string } | null | undefined>(node: N) =>
  node?.__typename === 'Dataset' ? (node as Extract<N, { __typename?: 'Dataset' }>) : undefined;

/** A dataset's column preview grid and a query box over it (the table is called `dataset`). */
export const DatasetDetail: Component<{ id: string }> = (props) => {
  const client = useClient();
  const [preview] = createQuery({ query: DatasetPreviewQuery, variables: () => ({ id: props.id }) });
  const [statement, setStatement] = createSignal('SELECT * FROM dataset LIMIT 10');
  const [result, setResult] = createSignal<RunDatasetQueryQuery['datasetQuery']>();
  const [error, setError] = createSignal<string>();

  const run = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    const answer = await client
      .query(RunDatasetQuery, { id: props.id, statement: statement() }, { requestPolicy: 'network-only' })
      .toPromise();
    if (answer.error) setError(answer.error.graphQLErrors[0]?.message ?? answer.error.message);
    setResult(answer.data?.datasetQuery ?? undefined);
  };

  return (
    <Show when={datasetOf(preview.data?.node)}>
      {(dataset) => (
        <div class="dataset-detail">
          <h3>{dataset().name}</h3>
          <Show when={dataset().table}>
            <p class="muted">Delta table {dataset().table}</p>
          </Show>
          <ResultTable
            label="Preview"
            columns={dataset().columns.map((column) => `${column.name} (${column.type})`)}
            rows={(dataset().rows?.nodes ?? []).map((row) => row.values)}
          />
          <form class="dataset-query" onSubmit={run}>
            <label for="dataset-statement">Query (the table is named dataset)</label>
            <textarea
              id="dataset-statement"
              rows={3}
              value={statement()}
              onInput={(event) => setStatement(event.currentTarget.value)}
            />
            <button type="submit" class="button button--primary">
              Run query
            </button>
          </form>
          <Show when={error()}>
            <p role="alert" class="field__error">
              {error()}
            </p>
          </Show>
          <Show when={result()}>
            {(answer) => (
              <>
                <p class="muted" data-testid="query-source">
                  Answered by {answer().source === 'DATABRICKS' ? 'the Databricks SQL warehouse' : 'the local copy'}
                  {answer().truncated ? ' (first rows only)' : ''}
                </p>
                <ResultTable label="Query result" columns={answer().columns} rows={answer().rows as unknown[][]} />
              </>
            )}
          </Show>
        </div>
      )}
    </Show>
  );
};

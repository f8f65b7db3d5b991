import { A, useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, createSignal, Show } from 'solid-js';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { CopTabs } from '../cop-dashboard/CopTabs';
import { copIdFromParam, copPath } from '../cop-dashboard/cop-path';
import { ContentFilters } from './ContentFilters';
import { ContentLibrary } from './ContentLibrary';
import type { ContentFilter } from './content-filter';

const CopContentQuery = graphql(`
  query CopContent($id: ID!) {
    cop(id: $id) {
      id
      name
      customer {
        id
        name
      }
      ...ContentFilters_cop
    }
  }
`);

/**
 * The CoP's content library with its filters. The filters stay on the page while the filtered list reloads
 * (its own query), so typing a search never loses the input.
 */
const ContentPage: Component = () => {
  const params = useParams<{ id: string }>();
  const copId = () => copIdFromParam(params.id);
  const [content, refetch] = createQuery({ query: CopContentQuery, variables: () => ({ id: copId() }) });
  const [filter, setFilter] = createSignal<ContentFilter>({});

  return (
    <QueryState result={content} label="Loading content" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      <Show when={content.data?.cop}>
        {(cop) => (
          <section class="page" aria-labelledby="content-title">
            <nav class="breadcrumbs" aria-label="Breadcrumb">
              <A href="/">Portfolio</A>
              <span aria-hidden="true">/</span>
              <A href={copPath(cop().id)}>{cop().name}</A>
            </nav>
            <header class="page-header">
              <div>
                <h1 id="content-title">Content</h1>
                <p class="muted">
                  {cop().contentAssets.totalCount} assets shared in {cop().name}: dashboards, notebooks, repos and docs.
                </p>
              </div>
            </header>
            <CopTabs copId={cop().id} />
            <ContentFilters cop={cop()} filter={filter()} onChange={setFilter} />
            <ContentLibrary copId={cop().id} filter={filter()} />
          </section>
        )}
      </Show>
    </QueryState>
  );
};

export default ContentPage;

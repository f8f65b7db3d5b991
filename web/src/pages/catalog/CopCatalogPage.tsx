import { useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { CopSectionHeader } from '../cop-dashboard/CopSectionHeader';
import { copIdFromParam } from '../cop-dashboard/cop-path';
import { WorkspaceExplorer } from './WorkspaceExplorer';

const CopWorkspacesQuery = graphql(`
  query CopWorkspaces($id: ID!) {
    cop(id: $id) {
      id
      name
      workspaces {
        ...WorkspaceExplorer_workspace
      }
    }
  }
`);

/** The catalogs of the workspaces mapped to one CoP. */
const CopCatalogPage: Component = () => {
  const params = useParams<{ id: string }>();
  const [cop, refetch] = createQuery({
    query: CopWorkspacesQuery,
    variables: () => ({ id: copIdFromParam(params.id) }),
  });

  return (
    <QueryState result={cop} label="Loading workspaces" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      <Show when={cop.data?.cop}>
        {(current) => (
          <section class="page" aria-labelledby="catalog-title">
            <CopSectionHeader
              cop={current()}
              title="Catalog"
              titleId="catalog-title"
              intro={<>Unity Catalog of the workspaces whose usage counts for {current().name}.</>}
            />
            <WorkspaceExplorer workspaces={current().workspaces} />
          </section>
        )}
      </Show>
    </QueryState>
  );
};

export default CopCatalogPage;

import { createQuery } from '@urql/solid';
import type { Component } from 'solid-js';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { WorkspaceExplorer } from './WorkspaceExplorer';

const CustomerWorkspacesQuery = graphql(`
  query CustomerWorkspaces {
    customers(first: 50) {
      nodes {
        id
        workspaces {
          ...WorkspaceExplorer_workspace
        }
      }
    }
  }
`);

/** Every workspace of the viewer's customers (all customers for a platform admin), to browse their catalogs. */
const CatalogPage: Component = () => {
  const [customers, refetch] = createQuery({ query: CustomerWorkspacesQuery });
  const workspaces = () => customers.data?.customers.nodes.flatMap((customer) => customer.workspaces) ?? [];

  return (
    <section class="page" aria-labelledby="catalog-title">
      <header class="page-header">
        <div>
          <h1 id="catalog-title">Catalog</h1>
          <p class="muted">Catalogs, schemas, tables and columns of the connected Databricks workspaces.</p>
        </div>
      </header>
      <QueryState
        result={customers}
        label="Loading workspaces"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        <WorkspaceExplorer workspaces={workspaces()} />
      </QueryState>
    </section>
  );
};

export default CatalogPage;

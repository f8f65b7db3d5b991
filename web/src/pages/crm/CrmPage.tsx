import { A, useSearchParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { AccountFields, emptyAccount } from './AccountFields';
import './crm.css';

const CrmWorkspacesQuery = graphql(`
  query CrmWorkspaces {
    customers(first: 50) {
      nodes {
        id
        workspaces {
          id
          name
        }
      }
    }
  }
`);

const CrmAccountsQuery = graphql(`
  query CrmAccounts($workspaceId: ID!, $search: String, $filter: CrmAccountFilter, $after: String) {
    crmAccounts(workspaceId: $workspaceId, search: $search, filter: $filter, first: 25, after: $after) {
      edges {
        node {
          id
          bsnid
          team
          businessArea
          vp
          admin
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CreateCrmAccountMutation = graphql(`
  mutation CreateCrmAccount($input: CreateCrmAccountInput!) {
    createCrmAccount(input: $input) {
      id
    }
  }
`);

/** The CRM's account list of one workspace: search and filters run in the warehouse; a form adds an account. */
const CrmPage: Component = () => {
  const [params, setParams] = useSearchParams<{
    ws?: string;
    q?: string;
    area?: string;
    platform?: string;
    status?: string;
  }>();
  const [workspaces] = createQuery({ query: CrmWorkspacesQuery });
  const workspaceList = () => workspaces.data?.customers.nodes.flatMap((c) => c.workspaces) ?? [];
  const workspaceId = () => params.ws ?? workspaceList()[0]?.id;
  const [after, setAfter] = createSignal<string | null>(null);
  const [accounts, refetch] = createQuery({
    query: CrmAccountsQuery,
    variables: () => ({
      workspaceId: workspaceId() ?? '',
      search: params.q || null,
      filter: { businessArea: params.area || null, platform: params.platform || null, status: params.status || null },
      after: after(),
    }),
    pause: () => !workspaceId(),
  });
  const [search, setSearch] = createSignal(params.q ?? '');
  const [creating, setCreating] = createSignal(false);
  const [draft, setDraft] = createSignal({ bsnid: '', ...emptyAccount() });
  const [created, create] = createMutation(CreateCrmAccountMutation);

  const submitCreate = async (event: Event) => {
    event.preventDefault();
    const id = workspaceId();
    if (!id) return;
    const values = Object.fromEntries(Object.entries(draft()).map(([k, v]) => [k, v.trim() || null]));
    const result = await create({ input: { ...values, workspaceId: id } as never });
    if (!result.error) {
      setCreating(false);
      setDraft({ bsnid: '', ...emptyAccount() });
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <section class="page" aria-labelledby="crm-title">
      <header class="page-header">
        <div>
          <h1 id="crm-title">Accounts</h1>
          <p class="muted">The business units adopting the platform, kept in Unity Catalog in the workspace.</p>
        </div>
        <button type="button" class="button" onClick={() => setCreating(!creating())}>
          New account
        </button>
      </header>
      <form
        class="crm-filters"
        aria-label="Search accounts"
        onSubmit={(event) => {
          event.preventDefault();
          setAfter(null);
          setParams({ q: search() || undefined });
        }}
      >
        <div class="field">
          <label for="crm-workspace">Workspace</label>
          <select
            id="crm-workspace"
            value={workspaceId() ?? ''}
            onChange={(e) => setParams({ ws: e.currentTarget.value })}
          >
            <For each={workspaceList()}>{(w) => <option value={w.id}>{w.name}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="crm-search">Search</label>
          <input id="crm-search" type="search" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
        <For
          each={
            [
              ['area', 'Business area'],
              ['platform', 'Platform'],
              ['status', 'Status'],
            ] as const
          }
        >
          {([key, label]) => (
            <div class="field">
              <label for={`crm-filter-${key}`}>{label}</label>
              <input
                id={`crm-filter-${key}`}
                value={params[key] ?? ''}
                onChange={(e) => {
                  setAfter(null);
                  setParams({ [key]: e.currentTarget.value || undefined });
                }}
              />
            </div>
          )}
        </For>
        <button type="submit" class="button">
          Search
        </button>
      </form>
      <Show when={creating()}>
        <form class="panel crm-form" aria-label="New account" onSubmit={submitCreate}>
          <div class="field">
            <label for="new-bsnid">BSN id</label>
            <input
              id="new-bsnid"
              required
              value={draft().bsnid}
              onInput={(e) => setDraft({ ...draft(), bsnid: e.currentTarget.value })}
            />
          </div>
          <AccountFields
            idPrefix="new"
            values={draft()}
            onChange={(field, value) => setDraft({ ...draft(), [field]: value })}
          />
          <Show when={created.error}>
            {(error) => <p role="alert">{error().graphQLErrors[0]?.message ?? error().message}</p>}
          </Show>
          <button type="submit" class="button" disabled={created.fetching}>
            Create account
          </button>
        </form>
      </Show>
      <QueryState result={accounts} label="Loading accounts" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Business area</th>
              <th scope="col">VP</th>
              <th scope="col">Admin</th>
            </tr>
          </thead>
          <tbody>
            <For
              each={accounts.data?.crmAccounts.edges}
              fallback={
                <tr>
                  <td colSpan={4}>No accounts match.</td>
                </tr>
              }
            >
              {({ node }) => (
                <tr>
                  <td>
                    <A class="data-table__title" href={`/crm/accounts/${encodeURIComponent(node.id)}`}>
                      {node.team}
                    </A>
                    <div class="muted">{node.bsnid}</div>
                  </td>
                  <td>{node.businessArea}</td>
                  <td>{node.vp}</td>
                  <td>{node.admin}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show when={accounts.data?.crmAccounts.pageInfo.hasNextPage}>
          <button
            type="button"
            class="button button--ghost"
            onClick={() => setAfter(accounts.data?.crmAccounts.pageInfo.endCursor ?? null)}
          >
            Next page
          </button>
        </Show>
      </QueryState>
    </section>
  );
};

export default CrmPage;

import { A, useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { AccountFields, type AccountValues, accountValues } from './AccountFields';
import { CopLinkForm } from './CopLinkForm';
import { HistoryView } from './HistoryView';
import './crm.css';

export const AccountFieldsFragment = graphql(`
  fragment AccountFields_account on CrmAccount {
    id
    bsnid
    team
    businessArea
    vp
    admin
    primaryItPartner
    azureDevopsLink
    artifactsFolderLink
    updatedAt
  }
`);

const CrmAccountQuery = graphql(`
  query CrmAccount($id: ID!) {
    crmAccount(id: $id) {
      id
      ...AccountFields_account
      platformStatuses(first: 50) {
        nodes {
          id
          platform
          status
        }
      }
      useCases(first: 50) {
        nodes {
          id
          problem
          solution
          leader
          status
          platform
        }
      }
      updates(first: 100) {
        nodes {
          id
          date
          author
          platform
          description
        }
      }
      cops {
        id
        name
      }
      ...HistoryView_account
    }
  }
`);

const UpdateCrmAccountMutation = graphql(`
  mutation UpdateCrmAccount($id: ID!, $expectedUpdatedAt: DateTime!, $input: UpdateCrmAccountInput!) {
    updateCrmAccount(id: $id, expectedUpdatedAt: $expectedUpdatedAt, input: $input) {
      ...AccountFields_account
    }
  }
`);

interface Conflict {
  current: Record<string, unknown>;
}

/** One account: its fields, platform status chips, use cases, updates timeline, CoPs, edit form and history. */
const AccountPage: Component = () => {
  const params = useParams<{ id: string }>();
  const id = () => decodeURIComponent(params.id);
  const [account, refetch] = createQuery({ query: CrmAccountQuery, variables: () => ({ id: id() }) });
  const [saved, save] = createMutation(UpdateCrmAccountMutation);
  const [editing, setEditing] = createSignal<{ values: AccountValues; expectedUpdatedAt: string } | null>(null);
  const [conflict, setConflict] = createSignal<Conflict | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const startEditing = () => {
    const current = account.data?.crmAccount;
    if (current) setEditing({ values: accountValues(current), expectedUpdatedAt: String(current.updatedAt) });
    setConflict(null);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const edit = editing();
    if (!edit) return;
    const input = Object.fromEntries(Object.entries(edit.values).map(([k, v]) => [k, v.trim() || null]));
    const result = await save({ id: id(), expectedUpdatedAt: edit.expectedUpdatedAt, input });
    const error = result.error?.graphQLErrors[0];
    if (error?.extensions?.code === 'CONFLICT') {
      setConflict({ current: error.extensions.current as Record<string, unknown> });
      return;
    }
    if (!result.error) {
      setEditing(null);
      setConflict(null);
      reload();
    }
  };

  /** Keeps the person's edit over the newer version: saved again against the version now current. */
  const overwrite = () => {
    const edit = editing();
    const current = conflict()?.current;
    if (!edit || !current) return;
    setEditing({ ...edit, expectedUpdatedAt: String(current.updatedAt) });
    setConflict(null);
  };

  return (
    <section class="page" aria-labelledby="account-title">
      <p>
        <A href="/crm">← Accounts</A>
      </p>
      <QueryState result={account} label="Loading account" onRetry={reload}>
        <Show when={account.data?.crmAccount} fallback={<p>This account does not exist (any more).</p>}>
          {(a) => (
            <>
              <header class="page-header">
                <div>
                  <h1 id="account-title">{a().team}</h1>
                  <p class="muted">
                    {a().bsnid} · {a().businessArea} · VP {a().vp ?? '—'} · Admin {a().admin ?? '—'}
                  </p>
                </div>
                <button type="button" class="button" onClick={startEditing}>
                  Edit
                </button>
              </header>
              <Show when={editing()}>
                {(edit) => (
                  <form class="panel crm-form" aria-label="Edit account" onSubmit={submit}>
                    <AccountFields
                      idPrefix="edit"
                      values={edit().values}
                      onChange={(field, value) =>
                        setEditing({ ...edit(), values: { ...edit().values, [field]: value } })
                      }
                    />
                    <Show when={conflict()}>
                      {(c) => (
                        <div class="crm-conflict" role="alert">
                          <p>
                            Someone else changed this account since you opened the form (team is now “
                            {String(c().current.team)}”). Your edit was not saved.
                          </p>
                          <button type="button" class="button button--ghost" onClick={startEditing}>
                            Use their version
                          </button>{' '}
                          <button type="button" class="button" onClick={overwrite}>
                            Keep my edit
                          </button>
                        </div>
                      )}
                    </Show>
                    <Show when={saved.error && !conflict()}>
                      <p role="alert">{saved.error?.graphQLErrors[0]?.message ?? saved.error?.message}</p>
                    </Show>
                    <button type="submit" class="button" disabled={saved.fetching}>
                      Save
                    </button>
                  </form>
                )}
              </Show>
              <h2>Platform status</h2>
              <ul class="crm-chips">
                <For each={a().platformStatuses.nodes}>
                  {(s) => (
                    <li class="crm-chip" data-status={s.status}>
                      {s.platform}: {s.status}
                    </li>
                  )}
                </For>
              </ul>
              <h2>Use cases</h2>
              <ul>
                <For each={a().useCases.nodes} fallback={<li class="muted">No use cases yet.</li>}>
                  {(u) => (
                    <li>
                      <strong>{u.problem}</strong> — {u.solution ?? 'no solution yet'} ({u.status}
                      {u.platform ? `, ${u.platform}` : ''})
                    </li>
                  )}
                </For>
              </ul>
              <h2>Updates</h2>
              <ol class="crm-timeline">
                <For each={a().updates.nodes} fallback={<li class="muted">No updates yet.</li>}>
                  {(u) => (
                    <li>
                      <time datetime={String(u.date)}>{String(u.date)}</time> · {u.author}
                      {u.platform ? ` · ${u.platform}` : ''}
                      <p>{u.description}</p>
                    </li>
                  )}
                </For>
              </ol>
              <h2>CoPs serving this account</h2>
              <ul>
                <For each={a().cops} fallback={<li class="muted">No CoP yet.</li>}>
                  {(cop) => (
                    <li>
                      <A href={`/cops/${encodeURIComponent(cop.id)}`}>{cop.name}</A>
                    </li>
                  )}
                </For>
              </ul>
              <CopLinkForm accountId={a().id} linked={a().cops.map((cop) => cop.id)} onLinked={reload} />
              <HistoryView account={a()} />
            </>
          )}
        </Show>
      </QueryState>
    </section>
  );
};

export default AccountPage;

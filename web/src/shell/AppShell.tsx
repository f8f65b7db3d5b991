import { A, type RouteSectionProps } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, createEffect, Show } from 'solid-js';
import { graphql } from '../gql';
import { useSession } from '../session/SessionContext';
import { roleLabel } from './role-label';

const ShellQuery = graphql(`
  query Shell {
    me {
      id
      name
      email
      role
      customer {
        id
        name
      }
    }
  }
`);

/** Header (who is signed in, for which customer), navigation and the page below. */
export const AppShell: Component<RouteSectionProps> = (props) => {
  const session = useSession();
  const [shell] = createQuery({ query: ShellQuery });
  const isAdmin = () => ['ADMIN', 'CUSTOMER_ADMIN'].includes(shell.data?.me?.role ?? '');
  // An explicit sign-out starts over at a plain sign-in (the next person should not land on this user's page);
  // the router is rebuilt for the new session and reads the address then.
  const signOut = () => {
    window.history.replaceState(null, '', '/sign-in');
    session.signOut();
  };

  // A token the api no longer accepts resolves `me` to null rather than an error: treat it as signed out.
  createEffect(() => {
    if (shell.data && shell.data.me === null) session.signOut();
  });

  return (
    <div class="app">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="app-header">
        <A href="/" class="brand" end>
          <span class="brand__mark" aria-hidden="true" />
          CoP OS
        </A>
        <nav class="app-nav" aria-label="Main">
          <A href="/" end activeClass="is-active">
            Portfolio
          </A>
          <A href="/workspaces" activeClass="is-active">
            Catalog
          </A>
          <A href="/crm" activeClass="is-active">
            Accounts
          </A>
          <A href="/datasets" activeClass="is-active">
            Datasets
          </A>
          <A href="/pipelines" activeClass="is-active">
            Pipelines
          </A>
          <A href="/notebooks" activeClass="is-active">
            Notebooks
          </A>
          <Show when={isAdmin()}>
            <A href="/ops" activeClass="is-active">
              Operations
            </A>
            <A href="/admin" activeClass="is-active">
              Admin
            </A>
          </Show>
        </nav>
        <div class="app-user">
          <Show when={shell.data?.me}>
            {(me) => (
              <div class="app-user__who" data-testid="signed-in-user">
                <span class="app-user__name">{me().name}</span>
                <span class="app-user__meta">
                  {roleLabel(me().role)}
                  {me().customer ? ` · ${me().customer?.name}` : ' · All customers'}
                </span>
              </div>
            )}
          </Show>
          <button type="button" class="button button--ghost" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" class="app-main" tabindex="-1">
        {props.children}
      </main>
    </div>
  );
};

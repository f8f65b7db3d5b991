import { Navigate, useSearchParams } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { graphql } from '../../gql';
import { useSession } from '../../session/SessionContext';
import { type Credentials, SignInForm } from './SignInForm';
import { safeNextPath } from './safe-next-path';

const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      token
    }
  }
`);

export const SignInPage: Component = () => {
  const session = useSession();
  const [search] = useSearchParams();
  const [, signIn] = createMutation(SignInMutation);

  const submit = async (credentials: Credentials) => {
    const result = await signIn(credentials);
    if (result.data) session.signIn(result.data.signIn.token);
    return result.error;
  };

  return (
    <Show when={!session.token()} fallback={<Navigate href={safeNextPath(search.next)} />}>
      <main class="sign-in-page">
        <div class="sign-in-card">
          <div class="brand brand--large" aria-hidden="true">
            <span class="brand__mark" />
            CoP OS
          </div>
          <h1>Sign in</h1>
          <p class="muted">Your Communities of Practice and the Databricks adoption they drive.</p>
          <SignInForm onSubmit={submit} />
        </div>
      </main>
    </Show>
  );
};

import type { CombinedError } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { TextField } from '../../components/TextField';
import { describeError } from '../../graphql/describe-error';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

export interface Credentials {
  email: string;
  password: string;
}

export interface SignInFormProps {
  /** Resolves with the api's error when sign-in failed, nothing when it succeeded. */
  onSubmit(credentials: Credentials): Promise<CombinedError | undefined>;
}

type Field = keyof Credentials;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with the credentials before asking the api, per field. */
export function validateCredentials(credentials: Credentials): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  const email = credentials.email.trim();
  if (!email) problems.email = 'Enter your email address.';
  else if (!EMAIL_PATTERN.test(email)) problems.email = 'Enter a valid email address, like name@company.com.';
  if (!credentials.password) problems.password = 'Enter your password.';
  return problems;
}

/** The api's answer in words: a wrong password is not "your session ended". */
function failureMessage(error: CombinedError): { text: string; fields: string[] } {
  const described = describeError(error);
  if (described.code === 'UNAUTHENTICATED') return { text: 'The email or password is incorrect.', fields: [] };
  if (described.code === 'BAD_USER_INPUT') return { text: described.message, fields: described.fields };
  return { text: `${described.title}. ${described.message}`, fields: [] };
}

export const SignInForm: Component<SignInFormProps> = (props) => {
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [fieldErrors, setFieldErrors] = createSignal<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [submitting, setSubmitting] = createSignal(false);
  let emailInput: HTMLInputElement | undefined;
  let passwordInput: HTMLInputElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setFormError(null);
    const credentials = { email: email().trim(), password: password() };
    const problems = validateCredentials(credentials);
    setFieldErrors(problems);
    if (problems.email) return emailInput?.focus();
    if (problems.password) return passwordInput?.focus();

    setSubmitting(true);
    const error = await props.onSubmit(credentials);
    setSubmitting(false);
    if (!error) return;
    const failure = failureMessage(error);
    setFormError(failure.text);
    setFieldErrors(Object.fromEntries(failure.fields.map((field) => [field, failure.text])));
  };

  const fillDemoAccount = (demoEmail: string) => {
    setEmail(demoEmail);
    setPassword(DEMO_PASSWORD);
    setFieldErrors({});
    setFormError(null);
  };

  return (
    <form class="sign-in-form" onSubmit={submit} noValidate aria-describedby="sign-in-error">
      <TextField
        ref={emailInput}
        id="sign-in-email"
        label="Email"
        name="email"
        type="email"
        autocomplete="username"
        value={email()}
        onInput={setEmail}
        error={fieldErrors().email}
      />
      <TextField
        ref={passwordInput}
        id="sign-in-password"
        label="Password"
        name="password"
        type="password"
        autocomplete="current-password"
        value={password()}
        onInput={setPassword}
        error={fieldErrors().password}
      />
      <div id="sign-in-error" aria-live="assertive">
        <Show when={formError()}>
          <p class="form-error" role="alert">
            {formError()}
          </p>
        </Show>
      </div>
      <button type="submit" class="button button--primary button--block" disabled={submitting()}>
        {submitting() ? 'Signing in…' : 'Sign in'}
      </button>
      <section class="demo-accounts" aria-labelledby="demo-accounts-title">
        <h2 id="demo-accounts-title">Demo accounts</h2>
        <p>
          Every demo account uses the password <code>{DEMO_PASSWORD}</code>. Pick one to fill in the form.
        </p>
        <ul>
          <For each={DEMO_ACCOUNTS}>
            {(account) => (
              <li>
                <button type="button" class="link-button" onClick={() => fillDemoAccount(account.email)}>
                  {account.email}
                </button>
                <span class="muted"> — {account.who}</span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </form>
  );
};

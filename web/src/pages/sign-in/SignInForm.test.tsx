// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { CombinedError } from '@urql/solid';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { type Credentials, SignInForm, validateCredentials } from './SignInForm';

const apiError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

/** Renders the form with a submit handler that records calls and answers with `answer`. */
function renderForm(answer?: CombinedError) {
  const submitted: Credentials[] = [];
  render(() => (
    <SignInForm
      onSubmit={async (credentials) => {
        submitted.push(credentials);
        return answer;
      }}
    />
  ));
  const fill = (email: string, password: string) => {
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: email } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  };
  return { submitted, fill };
}

describe('validateCredentials', () => {
  it('requires an email that looks like one and a password', () => {
    expect(validateCredentials({ email: '', password: '' })).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
    expect(validateCredentials({ email: 'lead@northwind', password: 'x' }).email).toMatch(/valid email/);
    expect(validateCredentials({ email: 'lead@northwind.example', password: 'x' })).toEqual({});
  });
});

describe('SignInForm', () => {
  it('does not submit invalid input and marks the field with its message', async () => {
    const { submitted, fill } = renderForm();
    fill('not-an-email', '');
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)!.textContent).toMatch(/valid email/);
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(submitted).toEqual([]);
    expect(document.activeElement).toBe(email);
  });

  it('submits trimmed credentials', async () => {
    const { submitted, fill } = renderForm();
    fill('  lead@northwind.example ', 'copos-demo');
    await waitFor(() => expect(submitted).toEqual([{ email: 'lead@northwind.example', password: 'copos-demo' }]));
  });

  it('says a wrong password is wrong, not that the session ended', async () => {
    const { fill } = renderForm(apiError('Email or password is incorrect.', { code: 'UNAUTHENTICATED' }));
    fill('lead@northwind.example', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('The email or password is incorrect.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('shows the api validation message on the field it names', async () => {
    const { fill } = renderForm(
      apiError('Enter a valid email address.', { code: 'BAD_USER_INPUT', fields: ['email'] }),
    );
    fill('lead@northwind.example', 'pw');
    await screen.findByRole('alert');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
  });

  it('explains that the server cannot be reached', async () => {
    const { fill } = renderForm(new CombinedError({ networkError: new TypeError('Failed to fetch') }));
    fill('lead@northwind.example', 'pw');
    expect((await screen.findByRole('alert')).textContent).toMatch(/Cannot reach CoP OS/);
  });

  it('fills in a demo account from the hint', () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'admin@copos.dev' }));
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('admin@copos.dev');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('copos-demo');
  });
});

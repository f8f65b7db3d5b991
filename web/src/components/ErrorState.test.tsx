// @vitest-environment jsdom
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { CombinedError } from '@urql/solid';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ErrorState } from './ErrorState';
import { QueryState } from './QueryState';

const forbidden = new CombinedError({
  graphQLErrors: [new GraphQLError('not allowed: internal detail', { extensions: { code: 'FORBIDDEN' } })],
});

describe('ErrorState', () => {
  it('shows the error in words with its code, not the raw server message', () => {
    render(() => <ErrorState error={forbidden} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Not allowed');
    expect(alert.textContent).toContain('Code: FORBIDDEN');
    expect(alert.textContent).not.toContain('internal detail');
  });

  it('offers a retry that calls back', () => {
    let retries = 0;
    render(() => <ErrorState error={forbidden} onRetry={() => retries++} />);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retries).toBe(1);
  });

  it('has no retry button without a retry action', () => {
    render(() => <ErrorState error={forbidden} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('QueryState', () => {
  const content = () => <p>the data</p>;

  it('shows a loading message until the first data arrives', () => {
    render(() => (
      <QueryState result={{ fetching: true, stale: false }} label="Loading portfolio">
        {content()}
      </QueryState>
    ));
    expect(screen.getByRole('status').textContent).toBe('Loading portfolio…');
    expect(screen.queryByText('the data')).toBeNull();
  });

  it('shows the error instead of content when nothing loaded', () => {
    render(() => (
      <QueryState result={{ fetching: false, stale: false, error: forbidden }} label="Loading">
        {content()}
      </QueryState>
    ));
    expect(screen.getByRole('alert').dataset.code).toBe('FORBIDDEN');
    expect(screen.queryByText('the data')).toBeNull();
  });

  it('keeps loaded data visible next to a partial error and marks refreshing data', () => {
    render(() => (
      <QueryState result={{ fetching: false, stale: true, error: forbidden, data: {} }} label="Loading">
        {content()}
      </QueryState>
    ));
    expect(screen.getByText('the data')).toBeTruthy();
    expect(screen.getByRole('alert').classList).toContain('error-state--inline');
    expect(screen.getByRole('status').textContent).toContain('refreshes');
  });
});

// @vitest-environment jsdom
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { CombinedError } from '@urql/solid';
import { describe, expect, it, vi } from 'vitest';
import { SyncProblem } from './SyncProblem';

const failure = (code: string, message: string, reason?: string) =>
  new CombinedError({ graphQLErrors: [{ message, extensions: { code, ...(reason && { reason }) } }] });

const CONFLICT = failure(
  'CONFLICT',
  'The notebook changed both here and in Databricks since the last sync: sync with PULL or PUSH and force to choose which side wins.',
  'CONFLICT',
);

describe('SyncProblem', () => {
  it('says what conflicts and lets the user overwrite the workspace after a refused push', () => {
    const onForce = vi.fn();
    render(() => <SyncProblem error={CONFLICT} direction="PUSH" onForce={onForce} />);
    expect(screen.getByRole('alert').textContent).toContain('changed both here and in Databricks');
    fireEvent.click(screen.getByRole('button', { name: 'Overwrite the Databricks version' }));
    expect(onForce).toHaveBeenCalledWith('PUSH');
  });

  it('offers to take the workspace side after a refused pull', () => {
    const onForce = vi.fn();
    render(() => <SyncProblem error={CONFLICT} direction="PULL" onForce={onForce} />);
    fireEvent.click(screen.getByRole('button', { name: 'Take the Databricks version' }));
    expect(onForce).toHaveBeenCalledWith('PULL');
  });

  it('offers no force for other failures', () => {
    const offline = failure('DATABRICKS_UNAVAILABLE', 'The workspace did not answer.', 'NOT_SYNCED');
    render(() => <SyncProblem error={offline} direction="PUSH" onForce={vi.fn()} />);
    expect(screen.getByRole('alert').textContent).toContain('Databricks is unreachable');
    expect(screen.queryByRole('button')).toBeNull();
  });
});

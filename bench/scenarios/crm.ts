import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@cop-os/api/config';
import { createPrisma } from '@cop-os/api/db/prisma';
import { seed } from '../../prisma/seed/index.js';
import { startBenchEmulator, untilSqlReady } from '../lib/emulator.js';
import type { Summary } from '../lib/stats.js';
import { startStatsPostgres } from '../lib/stats-postgres.js';
import type { Scenario } from './scenario.js';

const WORKERS = fileURLToPath(new URL('../workers/', import.meta.url));

interface Results {
  nested: {
    accounts: number;
    statementsPerRequest: number;
    gateway: Summary;
    hand: Summary;
    handColumns: Summary;
    gatewayColumns: Summary;
  };
  search: { accounts: number; loadMs: number; latency: Summary };
  import: {
    accounts: number;
    rows: number;
    ms: number;
    report: { tables: { table: string; inserted: number; updated: number; rejected: number }[] };
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/**
 * The CRM over the emulated SQL warehouse: the nested 1,000-account query (statements per request, p50 against one
 * hand-written statement through the official driver in the same process and run), search over 100,000 accounts,
 * and the import of 10,000 accounts.
 */
export const crm: Scenario = {
  name: 'crm',
  title: 'CRM on the SQL warehouse: nested 1,000 accounts vs hand SQL, search over 100k, import of 10k',
  defaultIterations: 20,
  async run({ iterations }) {
    const database = await startStatsPostgres();
    const emulator = await startBenchEmulator();
    try {
      await untilSqlReady(emulator);
      const prisma = createPrisma(database.url);
      try {
        await seed(prisma, {
          secretsKey: loadConfig({}).SECRETS_KEY,
          databricks: { host: emulator.url, token: emulator.token },
        });
      } finally {
        await prisma.$disconnect();
      }
      const results = await runWorker([database.url, emulator.url, emulator.token], {
        NODE_EXTRA_CA_CERTS: emulator.caFile,
        // As the api runs in production: graphql-js checks every value's class otherwise.
        NODE_ENV: 'production',
        CRM_BENCH_ITERATIONS: String(iterations),
      });
      return report(results, iterations);
    } finally {
      await emulator.close();
      await database.close();
    }
  },
};

function runWorker(args: string[], env: Record<string, string>): Promise<Results> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'crm-bench.ts', ...args], {
      cwd: WORKERS,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as Results);
      else reject(new Error(`crm-bench.ts exited with ${code}: ${output.slice(-500)}`));
    });
  });
}

function report(r: Results, iterations: number): string {
  const ratio = r.nested.gateway.p50 / r.nested.hand.p50;
  const accountsPerSecond = (r.import.accounts / r.import.ms) * 1000;
  const rowsPerSecond = (r.import.rows / r.import.ms) * 1000;
  return [
    '## Results',
    '',
    '| measure | figure | target |',
    '| --- | --- | --- |',
    `| nested query: accounts returned | ${r.nested.accounts} | 1,000 |`,
    `| nested query: warehouse statements per request | ${r.nested.statementsPerRequest} | ≤ 4 |`,
    `| nested query p50 (p99), gateway | ${ms(r.nested.gateway.p50)} (${ms(r.nested.gateway.p99)}) | |`,
    `| same data, one hand-written SQL via the driver, p50 (p99) | ${ms(r.nested.hand.p50)} (${ms(r.nested.hand.p99)}) | |`,
    `| ratio of the p50s | ${ratio.toFixed(2)} | ≤ 1.5 |`,
    `| the hand-written SQL with Arrow off (column-based results), p50 (p99) | ${ms(r.nested.handColumns.p50)} (${ms(r.nested.handColumns.p99)}) | |`,
    `| the nested query with Arrow off in the api's driver, p50 (p99) | ${ms(r.nested.gatewayColumns.p50)} (${ms(r.nested.gatewayColumns.p99)}) | |`,
    `| Arrow ÷ column-based, p50: hand-written / nested query | ${(r.nested.hand.p50 / r.nested.handColumns.p50).toFixed(2)} / ${(r.nested.gateway.p50 / r.nested.gatewayColumns.p50).toFixed(2)} | |`,
    `| ratio of the p50s with Arrow off on both sides | ${(r.nested.gatewayColumns.p50 / r.nested.handColumns.p50).toFixed(2)} | |`,
    `| search over ${r.search.accounts.toLocaleString('en')} accounts, p50 / p99 | ${ms(r.search.latency.p50)} / ${ms(r.search.latency.p99)} | |`,
    `| importCrm of ${r.import.accounts.toLocaleString('en')} accounts (${r.import.rows.toLocaleString('en')} rows) | ${ms(r.import.ms)}: ${accountsPerSecond.toFixed(0)} accounts/s, ${rowsPerSecond.toFixed(0)} rows/s | |`,
    '',
    '## Method',
    '',
    `- ${iterations} measured rounds (2 warm-up) of the nested query, alternating with the hand-written statement, in one`,
    '  process run with `NODE_ENV=production` as the api runs: the api in-process (`yoga.fetch`, its real Prisma,',
    '  registry and session pool; the response parsed as a client would) and a bare `DatabricksSqlClient` (the official',
    '  `@databricks/sql` driver, Arrow on as in the api, its sessions reused) on the same emulated warehouse. The',
    '  hand-written statement is one `UNION ALL` of the four tables (the same 11,000 rows, four columns, no JSON shaping).',
    '- Statements are counted by the integration’s warehouse client; the nested query costs the account page plus one',
    '  statement per relationship (DataLoader over `account_bsnid IN (SELECT explode(from_json(:keys, …)))`, the keys',
    '  as one JSON parameter), each reading only the columns the query selects.',
    '- Arrow on/off: the same hand-written statement through a second driver client whose `arrowEnabled` is false, and',
    '  the same nested query through a second app whose registry builds its clients so (`arrow: false`); the emulator',
    '  then answers column-based `TRowSet`s (DATE/TIMESTAMP as text). The figures include the emulator building the',
    '  result (Arrow IPC through `apache-arrow`, or Thrift columns) and the driver decoding it.',
    `- Search: ${iterations * 5} requests cycling five terms (team, use-case problem, admin, business area, none)`,
    '  over 100,000 accounts and 100,000 use cases loaded with two `INSERT … SELECT FROM range(…)`; first 20 results.',
    '- Import: one multipart `importCrm` of a JSON document (accounts, 5 statuses, 2 use cases and 3 updates each),',
    '  MERGEs of 5,000 rows, each batch one JSON parameter (`from_json(:rows, ARRAY<STRUCT<…>>)`), with one read of the',
    '  batch’s existing keys before it (to report inserted vs updated). The emulator snapshots a table on every',
    '  committed write (its Delta history), part of the cost here.',
    '',
    '```json',
    JSON.stringify(r.import.report),
    '```',
  ].join('\n');
}

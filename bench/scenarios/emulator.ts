import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DBSQLClient, DBSQLLogger, LogLevel } from '@databricks/sql';
import type { RunningEmulator } from '../../emulator/src/app.js';
import { startBenchEmulator, untilSqlReady } from '../lib/emulator.js';
import { comparisonTable, latencyTable } from '../lib/report.js';
import { summarize } from '../lib/stats.js';
import { AGGREGATION, type AggregationResult } from '../workers/usage-aggregation-settings.js';
import type { Scenario } from './scenario.js';

/** Cold starts measured; each one generates the system tables again (2 s idle, up to 10 s on a loaded 2-core VM). */
const STARTS = 3;
const WORKER = fileURLToPath(new URL('../workers/usage-aggregation.ts', import.meta.url));
const emulatorSettings = { seed: AGGREGATION.seed, workspaceIds: AGGREGATION.workspaceIds };

/** Time until a first statement answers through the driver; it waits for the system tables to be generated. */
async function firstStatement(emulator: RunningEmulator): Promise<void> {
  const client = new DBSQLClient({ logger: new DBSQLLogger({ level: LogLevel.error }) });
  // This process started before the emulator made its certificate, so the CA is passed explicitly here.
  await client.connect({
    host: '127.0.0.1',
    port: emulator.port,
    path: `/sql/1.0/warehouses/${AGGREGATION.warehouseId}`,
    token: emulator.token,
    customCaCert: emulator.caPem,
  });
  try {
    const session = await client.openSession();
    const operation = await session.executeStatement('SELECT COUNT(*) AS n FROM system.billing.usage');
    await operation.fetchAll();
    await operation.close();
    await session.close();
  } finally {
    await client.close();
  }
}

async function measureStartUp() {
  const listening: number[] = [];
  const firstSql: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const started = performance.now();
    const emulator = await startBenchEmulator(emulatorSettings);
    listening.push(performance.now() - started);
    try {
      await firstStatement(emulator);
      firstSql.push(performance.now() - started);
    } finally {
      await emulator.close();
    }
  }
  return { listening: summarize(listening), firstSql: summarize(firstSql) };
}

/** Runs the aggregation worker against a running emulator, trusting its CA from process start. */
async function measureAggregation(iterations: number): Promise<AggregationResult> {
  const emulator = await startBenchEmulator(emulatorSettings);
  await untilSqlReady(emulator);
  const resultFile = join(tmpdir(), `copos-bench-aggregation-${process.pid}.json`);
  try {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', WORKER], {
      env: {
        ...process.env,
        NODE_EXTRA_CA_CERTS: emulator.caFile,
        BENCH_EMULATOR_URL: emulator.url,
        BENCH_EMULATOR_TOKEN: emulator.token,
        BENCH_ITERATIONS: String(iterations),
        BENCH_RESULT_FILE: resultFile,
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(await readFile(resultFile, 'utf8')) as AggregationResult;
  } finally {
    await emulator.close();
    await rm(resultFile, { force: true });
  }
}

/**
 * The emulator's cost: how long a cold start takes (until it listens, and until its first SQL statement
 * answers), and what its Thrift endpoint adds to a 90-day usage aggregation over DuckDB itself.
 */
export const emulator: Scenario = {
  name: 'emulator',
  title: 'Emulator start-up and SQL over Thrift against DuckDB directly',
  defaultIterations: 40,
  async run({ iterations }) {
    const startUp = await measureStartUp();
    const aggregation = await measureAggregation(iterations);
    const baseline = summarize(aggregation.baseline);
    const candidate = summarize(aggregation.candidate);
    return [
      '## Start-up',
      '',
      latencyTable([
        { label: '`startEmulator()` until listening', summary: startUp.listening },
        { label: 'until the first SQL statement answers (system tables generated)', summary: startUp.firstSql },
      ]),
      '',
      `## 90-day usage aggregation (${aggregation.from} to ${aggregation.to}, ${AGGREGATION.workspaceIds.length} workspaces, ${aggregation.rows} rows)`,
      '',
      latencyTable([
        { label: 'DuckDB directly, in process (baseline)', summary: baseline },
        { label: '`@databricks/sql` → emulator Thrift endpoint → DuckDB', summary: candidate },
      ]),
      '',
      comparisonTable(baseline, candidate),
      '',
      '## Method',
      '',
      `- Start-up: ${STARTS} cold starts in this process (port 0, seed ${AGGREGATION.seed}); "first SQL" opens a`,
      '  driver session and runs `SELECT COUNT(*) FROM system.billing.usage`, which waits for the system tables.',
      '  That driver is given the CA with `customCaCert` (one TLS handshake; negligible at this scale).',
      `- Aggregation: the api's own \`queryDailyUsage\` (one UNION ALL over billing, audit, lakeflow, query history`,
      `  and serving tables) run ${iterations} times after 5 warm-up pairs, alternating which side goes first,`,
      '  in a child process started with `NODE_EXTRA_CA_CERTS` (how the api trusts the emulator).',
      '  Through the driver it uses the api connector (`DatabricksSqlClient`, a reused session); directly it runs',
      "  on the emulator's engine code (DuckDB with the Databricks-dialect translation), built from the same seed.",
      '  Checked before timing: both sides return the same number of rows and the same DBU total (JOBS_RUN may',
      "  differ slightly: the emulator adds its scenario's run history to the job-run timeline).",
      '- With fewer than 100 samples, p99 is the slowest sample.',
    ].join('\n');
  },
};

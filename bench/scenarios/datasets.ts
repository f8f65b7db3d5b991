import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DBSQLClient } from '@databricks/sql';
import { Agent, request } from 'undici';
import { EMULATOR_WAREHOUSE_ID } from '../../api/test/support/databricks.js';
import { comparisonTable, latencyTable } from '../lib/report.js';
import { sideBySide, summarize } from '../lib/stats.js';
import { startTenantGateway } from '../lib/tenant-gateway.js';
import type { Scenario } from './scenario.js';

const ROWS = 1_000_000;
const UPLOAD_ROUNDS = 3;
const QUERY_WARMUP = 10;
const THROUGHPUT_GOAL = 0.7;
const RSS_GOAL_MB = 100;
const QUERY_GOAL_MS = 2;
const DIRECT_CATALOG = 'bench_direct';

const STATE = `query($id: ID!) { node(id: $id) { ... on Dataset { table sync { status error } } } }`;
const QUERY = `query($id: ID!, $statement: String!, $parameters: JSON) {
  datasetQuery(id: $id, statement: $statement, parameters: $parameters) { source rows }
}`;
/** A point read: the warehouse's own work stays small, so the difference is the gateway's. */
const POINT_QUERY = 'SELECT id, region, amount FROM dataset WHERE id = :id';

/** Writes `rows` claims-like rows (~100 bytes each) to a CSV file, streamed, and returns its path. */
async function generateCsv(dir: string, rows: number): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'claims.csv');
  const out = createWriteStream(path);
  const regions = ['north', 'south', 'east', 'west', 'central'];
  out.write('id,policy,region,amount,filed_on,approved,note\n');
  for (let i = 1; i <= rows; i++) {
    const line = `${i},P-${(i * 7919) % 100_000},${regions[i % 5]},${((i * 37) % 100_000) / 100},2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},${i % 3 === 0},claim number ${i} filed for review\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return path;
}

/** Resident memory of a process in MB, from `/proc`. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Samples a process's RSS every 50 ms while `task` runs; returns the task's result and the peak. */
async function withPeakRss<T>(pid: number, task: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = await rssMb(pid);
  const timer = setInterval(() => {
    void rssMb(pid).then((mb) => {
      peakMb = Math.max(peakMb, mb);
    });
  }, 50);
  try {
    return { result: await task(), peakMb };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Datasets (issue 13): a generated 1,000,000-row CSV uploaded through the gateway until its Delta copy is SYNCED,
 * against the same file sent straight to the emulator the way a workspace loads one (Files API into a volume, then
 * `CREATE TABLE … AS SELECT … FROM read_files(…)`), in the same run; the api's RSS during the upload; and
 * `datasetQuery` on the synced table against the same statement sent straight to the Statement Execution API.
 */
export const datasets: Scenario = {
  name: 'datasets',
  title: 'Dataset upload (1M-row CSV) vs Files API + read_files straight to the emulator; datasetQuery overhead',
  defaultIterations: 200,
  async run({ iterations }) {
    const dir = await mkdtemp(join(tmpdir(), 'copos-bench-datasets-'));
    const closing: { close(): Promise<unknown> }[] = [];
    try {
      const csvPath = await generateCsv(dir, ROWS);
      const csvMb = (await stat(csvPath)).size / 1024 / 1024;
      const bench = await startTenantGateway({
        SYNC_INTERVAL_MS: '100',
        DATASETS_DIR: join(dir, 'datasets'),
        DATASET_MAX_BYTES: String(512 * 1024 * 1024),
      });
      closing.push(bench);
      const { emulator, gateway, graphql, statement } = bench;
      const emulatorAgent = new Agent({ connect: { ca: emulator.caPem }, bodyTimeout: 600_000 });
      closing.push(emulatorAgent);

      // Straight to the emulator: the volume file, then the table, as the gateway's reconciler does it.
      await statement(`CREATE CATALOG IF NOT EXISTS ${DIRECT_CATALOG}`);
      await statement(`CREATE SCHEMA IF NOT EXISTS ${DIRECT_CATALOG}.bronze`);
      await statement(`CREATE VOLUME IF NOT EXISTS ${DIRECT_CATALOG}.bronze.uploads`);
      let directRound = 0;
      const direct = async () => {
        const volumePath = `/Volumes/${DIRECT_CATALOG}/bronze/uploads/claims_${directRound}.csv`;
        const response = await request(`${emulator.url}/api/2.0/fs/files${volumePath}?overwrite=true`, {
          method: 'PUT',
          dispatcher: emulatorAgent,
          headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/octet-stream' },
          body: createReadStream(csvPath),
        });
        await response.body.text();
        if (response.statusCode >= 300) throw new Error(`Files API answered ${response.statusCode}`);
        await statement(
          `CREATE OR REPLACE TABLE ${DIRECT_CATALOG}.bronze.claims_${directRound++} AS SELECT * FROM read_files('${volumePath}', format => 'csv', header => true)`,
        );
      };
      // Through the gateway: the GraphQL multipart request streamed from disk, then until the copy is SYNCED.
      let datasetId = '';
      let table = '';
      const throughGateway = async (file = csvPath) => {
        datasetId = await bench.uploadCsv(file, 'claims');
        const acceptedAt = performance.now();
        for (;;) {
          const node = (await graphql(STATE, { id: datasetId })).node;
          if (node.sync.status === 'SYNCED') {
            table = node.table;
            return acceptedAt;
          }
          if (node.sync.status === 'FAILED') throw new Error(`The dataset's sync failed: ${node.sync.error}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };

      // A small upload first: DuckDB's library and engine are loaded once per process, not per upload.
      const warmupCsv = await generateCsv(join(dir, 'warm-up'), 10);
      const idleMb = await rssMb(gateway.pid);
      await throughGateway(warmupCsv);
      const firstUseMb = (await rssMb(gateway.pid)) - idleMb;
      const uploads: { directMs: number; gatewayMs: number; acceptedMs: number; rssGrowthMb: number }[] = [];
      for (let round = 0; round < UPLOAD_ROUNDS; round++) {
        const directStart = performance.now();
        await direct();
        const directMs = performance.now() - directStart;
        const before = await rssMb(gateway.pid);
        const gatewayStart = performance.now();
        const { result: acceptedAt, peakMb } = await withPeakRss(gateway.pid, () => throughGateway());
        uploads.push({
          directMs,
          gatewayMs: performance.now() - gatewayStart,
          acceptedMs: acceptedAt - gatewayStart,
          rssGrowthMb: peakMb - before,
        });
      }

      // datasetQuery on the synced table vs the same statement on its Delta table, straight to the warehouse.
      let n = 0;
      const idOf = () => String(1 + ((n++ * 7_919) % ROWS));
      const samples = await sideBySide({
        iterations,
        warmup: QUERY_WARMUP,
        baseline: async () => {
          const rows = await statement(POINT_QUERY.replace('dataset', table), [{ name: 'id', value: idOf() }]);
          if (rows.length !== 1) throw new Error('The direct statement found no row');
        },
        candidate: async () => {
          const answer = (
            await graphql(QUERY, { id: datasetId, statement: POINT_QUERY, parameters: { id: Number(idOf()) } })
          ).datasetQuery;
          if (answer.source !== 'DATABRICKS' || answer.rows.length !== 1)
            throw new Error(`Unexpected answer ${JSON.stringify(answer)}`);
        },
      });
      const baseline = summarize(samples.baseline);
      const candidate = summarize(samples.candidate);
      // The official driver over Thrift (one reused session), timed the same way: what the Statement Execution
      // API saves datasetQuery over the gateway's other SQL transport.
      const driver = new DBSQLClient();
      closing.push(driver);
      const url = new URL(emulator.url);
      const session = await (
        await driver.connect({
          host: url.hostname,
          port: Number(url.port),
          path: `/sql/1.0/warehouses/${EMULATOR_WAREHOUSE_ID}`,
          token: emulator.token,
          customCaCert: Buffer.from(emulator.caPem),
        } as Parameters<DBSQLClient['connect']>[0])
      ).openSession();
      const driverSamples = await sideBySide({
        iterations,
        warmup: QUERY_WARMUP,
        baseline: () => statement(POINT_QUERY.replace('dataset', table), [{ name: 'id', value: idOf() }]),
        candidate: async () => {
          const operation = await session.executeStatement(POINT_QUERY.replace('dataset', table), {
            namedParameters: { id: Number(idOf()) },
          });
          await operation.fetchAll();
          await operation.close();
        },
      });
      const driverPath = summarize(driverSamples.candidate);

      const best = (key: 'directMs' | 'gatewayMs') => Math.min(...uploads.map((u) => u[key]));
      const ratio = best('directMs') / best('gatewayMs');
      const rssGrowth = Math.max(...uploads.map((u) => u.rssGrowthMb));
      const overhead = candidate.p50 - baseline.p50;
      const mbps = (msValue: number) => (csvMb / (msValue / 1000)).toFixed(1);
      const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
      return [
        `A generated CSV of ${ROWS.toLocaleString('en')} rows (${csvMb.toFixed(1)} MB), uploaded ${UPLOAD_ROUNDS} times each way, alternating; the gateway runs as \`npm start\` builds it, in its own process, with its reconciler.`,
        '',
        '## Upload until the Delta table exists',
        '',
        '| round | straight to the emulator (Files API + read_files) | gateway: multipart upload → SYNCED | of which the upload request (CSV checked, Parquet written) | api RSS growth |',
        '| ---: | ---: | ---: | ---: | ---: |',
        ...uploads.map(
          (u, i) =>
            `| ${i + 1} | ${(u.directMs / 1000).toFixed(2)} s (${mbps(u.directMs)} MB/s) | ${(u.gatewayMs / 1000).toFixed(2)} s (${mbps(u.gatewayMs)} MB/s) | ${(u.acceptedMs / 1000).toFixed(2)} s | ${u.rssGrowthMb.toFixed(1)} MB |`,
        ),
        '',
        `Throughput ratio gateway / direct (best rounds): ×${ratio.toFixed(2)} (goal ≥ ${THROUGHPUT_GOAL}: ${verdict(ratio >= THROUGHPUT_GOAL)}); api RSS growth during the upload: ${rssGrowth.toFixed(1)} MB at most (goal ≤ ${RSS_GOAL_MB} MB: ${verdict(rssGrowth <= RSS_GOAL_MB)}), after a 10-row warm-up upload that loaded the local engine once (+${firstUseMb.toFixed(1)} MB).`,
        '',
        `## datasetQuery on the synced dataset (\`${POINT_QUERY}\`)`,
        '',
        latencyTable([
          { label: 'Statement Execution API, straight to the emulator (baseline)', summary: baseline },
          { label: 'gateway: `datasetQuery` (source DATABRICKS)', summary: candidate },
          {
            label:
              'official driver over Thrift, one reused session (for reference: datasetQuery uses the Statement Execution API)',
            summary: driverPath,
          },
        ]),
        '',
        comparisonTable(baseline, candidate),
        '',
        `Overhead at p50: ${overhead.toFixed(2)} ms (goal ≤ ${QUERY_GOAL_MS} ms: ${verdict(overhead <= QUERY_GOAL_MS)}).`,
      ].join('\n');
    } finally {
      for (const resource of closing.reverse()) await resource.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

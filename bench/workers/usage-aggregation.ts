/**
 * Child process of the `emulator` scenario: the `@databricks/sql` driver only trusts certificates the process
 * knew at start-up (NODE_EXTRA_CA_CERTS), so the parent starts the emulator first and runs this with its CA.
 * Times the api's 90-day usage aggregation through the driver and on DuckDB directly, side by side, and writes
 * the samples as JSON to BENCH_RESULT_FILE.
 */
import { writeFile } from 'node:fs/promises';
import { createCredentialProvider } from '@cop-os/api/databricks/credentials';
import { DatabricksSqlClient, type SqlQuery, type SqlRows } from '@cop-os/api/databricks/sql-client';
import { queryDailyUsage, type UsageRow } from '@cop-os/api/databricks/usage-query';
import { createSqlEngine } from '../../emulator/src/sql/engine.js';
import { sideBySide } from '../lib/stats.js';
import { AGGREGATION, type AggregationResult } from './usage-aggregation-settings.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the emulator scenario starts this worker`);
  return value;
};

const iterations = Number(env('BENCH_ITERATIONS'));
const driver = new DatabricksSqlClient({
  host: env('BENCH_EMULATOR_URL'),
  warehouseId: AGGREGATION.warehouseId,
  credentials: createCredentialProvider({ authType: 'PAT', token: env('BENCH_EMULATOR_TOKEN') }),
});
// The emulator's own engine, built from the same seed: the same tables, without HTTPS, Thrift or the driver.
const engine = await createSqlEngine({ seed: AGGREGATION.seed, workspaceIds: AGGREGATION.workspaceIds });
/** The connector's query interface answered by DuckDB in this process, so both sides run the api's exact SQL. */
const direct = {
  async query<T>({ sql, params }: SqlQuery): Promise<SqlRows<T>> {
    const result = await engine.execute(sql, params as Record<string, string>);
    const rows = result.rows.map((row) => Object.fromEntries(result.columns.map((column, i) => [column.name, row[i]])));
    return { rows: rows as T[], truncated: false };
  },
} as DatabricksSqlClient;

const { workspaceIds, from, to } = AGGREGATION.range();
const aggregate = (client: DatabricksSqlClient) => queryDailyUsage(client, workspaceIds, from, to);
try {
  const [viaDriver, onDuckDb] = [await aggregate(driver), await aggregate(direct)];
  // Same shape of work on both sides. Only JOBS_RUN may differ: the emulator adds its scenario's run history
  // to the job-run timeline, which a bare engine does not have.
  const dbu = (rows: UsageRow[]) => Math.round(rows.reduce((sum, r) => sum + (r.metric === 'DBU' ? r.value : 0), 0));
  if (viaDriver.length !== onDuckDb.length || dbu(viaDriver) !== dbu(onDuckDb))
    throw new Error('The driver and DuckDB disagree on the aggregation: the comparison would be meaningless');
  const samples = await sideBySide({
    iterations,
    warmup: 5,
    baseline: () => aggregate(direct),
    candidate: () => aggregate(driver),
  });
  const result: AggregationResult = { ...samples, rows: viaDriver.length, from, to };
  await writeFile(env('BENCH_RESULT_FILE'), JSON.stringify(result));
} finally {
  await driver.close();
  await engine.close();
}

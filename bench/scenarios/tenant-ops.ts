import { SessionTokens } from '@cop-os/api/auth/jwt';
import { SecretBox } from '@cop-os/api/auth/secret-box';
import { loadConfig } from '@cop-os/api/config';
import { createPrisma } from '@cop-os/api/db/prisma';
import { DBSQLClient } from '@databricks/sql';
import { Pool, request } from 'undici';
import { connectEmulator, EMULATOR_WAREHOUSE_ID } from '../../api/test/support/databricks.js';
import { createPlatformAdmin, createTenant } from '../../api/test/support/fixtures.js';
import { createBenchDatabase } from '../lib/database.js';
import { startBenchEmulator, untilSqlReady } from '../lib/emulator.js';
import { post } from '../lib/load.js';
import { comparisonTable, latencyTable } from '../lib/report.js';
import { bundledWorker, startServer } from '../lib/servers.js';
import { sideBySide, summarize } from '../lib/stats.js';
import type { Scenario } from './scenario.js';

const TENANTS = 100;
const DAYS = 90;
const WARMUP = 10;
const GOAL_RATIO = 1.2;
const workspaceOf = (index: number) => String(3_000_000_000_000_000 + index);
const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
const FROM = day(DAYS);
/** The n-th request's last day: a new range each round over the tenants, so no answer comes from the cache. */
const toOf = (n: number) => day(1 + Math.floor(n / TENANTS));
const ENV = { JWT_SECRET: 'bench-only-jwt-secret-0123456789', SECRETS_KEY: loadConfig({}).SECRETS_KEY };

/** What `Customer.cost(groupBy: [DAY])` asks the warehouse, written out by hand. */
const HAND_COST = `
  SELECT CAST(u.usage_date AS STRING) AS day, CAST(SUM(u.usage_quantity) AS DOUBLE) AS dbus,
         SUM(CAST(u.usage_quantity AS DOUBLE) * CAST(lp.pricing.default AS DOUBLE)) AS list_usd
    FROM system.billing.usage u LEFT JOIN system.billing.list_prices lp
      ON lp.sku_name = u.sku_name AND lp.cloud = u.cloud AND lp.usage_unit = u.usage_unit
     AND u.usage_end_time >= lp.price_start_time AND (lp.price_end_time IS NULL OR u.usage_end_time < lp.price_end_time)
   WHERE u.workspace_id IN (:ws) AND u.usage_date BETWEEN CAST(:from_date AS DATE) AND CAST(:to_date AS DATE)
     AND u.usage_unit = 'DBU'
   GROUP BY CAST(u.usage_date AS STRING) ORDER BY CAST(u.usage_date AS STRING)`;

/** What `Customer.opsMetrics` asks, by hand: one row per section. */
const HAND_OPS = `
  SELECT 'jobs' AS section, COUNT(*) AS total, AVG(CASE WHEN result_state = 'SUCCEEDED' THEN 1.0 ELSE 0.0 END) AS rate,
         SUM(CASE WHEN trigger_type = 'RETRY' THEN 1 ELSE 0 END) AS extra,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY (unix_millis(period_end_time) - unix_millis(period_start_time)) / 1000.0) AS p50,
         percentile_cont(0.95) WITHIN GROUP (ORDER BY (unix_millis(period_end_time) - unix_millis(period_start_time)) / 1000.0) AS p95,
         percentile_cont(0.99) WITHIN GROUP (ORDER BY (unix_millis(period_end_time) - unix_millis(period_start_time)) / 1000.0) AS p99
    FROM system.lakeflow.job_run_timeline
   WHERE workspace_id IN (:ws) AND CAST(period_start_time AS DATE) BETWEEN CAST(:from_date AS DATE) AND CAST(:to_date AS DATE)
  UNION ALL
  SELECT 'sql', COUNT(*), NULL, NULL, percentile_cont(0.5) WITHIN GROUP (ORDER BY total_duration_ms),
         percentile_cont(0.95) WITHIN GROUP (ORDER BY total_duration_ms), percentile_cont(0.99) WITHIN GROUP (ORDER BY total_duration_ms)
    FROM system.query.history
   WHERE workspace_id IN (:ws) AND CAST(start_time AS DATE) BETWEEN CAST(:from_date AS DATE) AND CAST(:to_date AS DATE)
  UNION ALL
  SELECT 'serving', COUNT(*), AVG(CASE WHEN status_code >= 400 THEN 1.0 ELSE 0.0 END), NULL, NULL, NULL, NULL
    FROM system.serving.endpoint_usage
   WHERE workspace_id IN (:ws) AND CAST(request_time AS DATE) BETWEEN CAST(:from_date AS DATE) AND CAST(:to_date AS DATE)`;

/**
 * `Customer.cost` and `Customer.opsMetrics` over 90 days of generated system tables for 100 tenants (one workspace
 * each), against the same statements written by hand and sent straight to the emulator with the official driver.
 * Each gateway request is for the next tenant and the remote cache is emptied before it, so every one reaches the
 * warehouse.
 */
export const tenantOps: Scenario = {
  name: 'tenant-ops',
  title: 'Cost and ops figures per tenant vs hand-written SQL over the official driver',
  defaultIterations: 100,
  async run({ iterations }) {
    const database = await createBenchDatabase();
    const workspaceIds = Array.from({ length: TENANTS }, (_, index) => workspaceOf(index));
    const emulator = await startBenchEmulator({ workspaceIds });
    const prisma = createPrisma(database.url);
    const driver = new DBSQLClient();
    const servers: { close(): Promise<void> }[] = [];
    try {
      await untilSqlReady(emulator);
      const secretBox = new SecretBox(ENV.SECRETS_KEY);
      const customers: string[] = [];
      for (let index = 0; index < TENANTS; index++) {
        const tenant = await createTenant(prisma, `Tenant ${index}`);
        customers.push(tenant.ids.customer);
        await connectEmulator(prisma, secretBox, {
          customerId: tenant.customer.id,
          mappings: [{ workspaceId: workspaceOf(index) }],
          config: { host: emulator.url },
          token: emulator.token,
        });
      }
      const admin = await createPlatformAdmin(prisma);
      const headers = { authorization: `Bearer ${await new SessionTokens(ENV.JWT_SECRET, '1h').sign(admin.id)}` };
      // The api in its own process, trusting the emulator's certificate the way `npm start` makes it.
      const gateway = await startServer(await bundledWorker('gateway-server.ts', database.url), {
        ...ENV,
        NODE_EXTRA_CA_CERTS: emulator.caFile,
      });
      servers.push(gateway);
      const pool = new Pool(gateway.url, { connections: 1 });
      servers.push(pool);
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
      const hand = async (statement: string, n: number) => {
        const operation = await session.executeStatement(statement, {
          namedParameters: { ws: workspaceOf(n % TENANTS), from_date: FROM, to_date: toOf(n) },
        });
        const rows = await operation.fetchAll();
        await operation.close();
        if (rows.length === 0) throw new Error('The hand-written statement found nothing');
      };
      /** SQL statements the gateway has sent, from its own /metrics. */
      const statements = async () => {
        const text = await (await request(`${gateway.url}/metrics`)).body.text();
        const line = text
          .split('\n')
          .find((candidate) => candidate.startsWith('copos_databricks_sql_statements_total{outcome="ok"}'));
        return line ? Number(line.split(' ')[1]) : 0;
      };

      const measure = async (field: string, statement: string) => {
        let baselineN = 0;
        let candidateN = 0;
        const before = await statements();
        const samples = await sideBySide({
          iterations,
          warmup: WARMUP,
          baseline: () => hand(statement, baselineN++),
          candidate: async () => {
            const n = candidateN++;
            const text = await post(pool, {
              label: 'gateway',
              url: gateway.url,
              headers,
              body: JSON.stringify({
                query: `query($id: ID!, $from: Date!, $to: Date!) { customer(id: $id) { ${field} } }`,
                variables: { id: customers[n % TENANTS], from: FROM, to: toOf(n) },
              }),
            });
            if (JSON.parse(text).errors) throw new Error(`The gateway failed: ${text.slice(0, 300)}`);
          },
        });
        const perRequest = ((await statements()) - before) / candidateN;
        return { baseline: summarize(samples.baseline), candidate: summarize(samples.candidate), perRequest };
      };
      const cost = await measure('cost(from: $from, to: $to, groupBy: [DAY]) { totalListUsd }', HAND_COST);
      const ops = await measure(
        `opsMetrics(from: $from, to: $to) { jobs { runs durationP95Seconds } sqlWarehouse { latencyP95Ms } serving { errorRate } }`,
        HAND_OPS,
      );
      const section = (title: string, gatewayLabel: string, result: typeof cost) => {
        const ratio = result.candidate.p50 / result.baseline.p50;
        return [
          `## ${title}`,
          '',
          latencyTable([
            {
              label: 'hand-written SQL, official driver, straight to the emulator (baseline)',
              summary: result.baseline,
            },
            { label: gatewayLabel, summary: result.candidate },
          ]),
          '',
          comparisonTable(result.baseline, result.candidate),
          '',
          `p50 ratio ×${ratio.toFixed(2)} (goal ≤ ${GOAL_RATIO}: ${ratio <= GOAL_RATIO ? 'met' : 'NOT met'}); SQL statements per request: ${result.perRequest.toFixed(2)} (goal 1)`,
        ];
      };
      return [
        `${TENANTS} tenants, one workspace each, ${DAYS} days of generated system tables; ${iterations} requests per field after ${WARMUP} warm-up pairs, each for the next tenant and a range not asked before (so none is answered from the gateway's cache); the gateway runs as \`npm start\` builds it, in its own process.`,
        '',
        ...section('Customer.cost(groupBy: [DAY])', 'gateway: `customer(id) { cost { totalListUsd } }`', cost),
        '',
        ...section('Customer.opsMetrics', 'gateway: `customer(id) { opsMetrics { … } }`', ops),
      ].join('\n');
    } finally {
      for (const server of servers.reverse()) await server.close();
      await driver.close();
      await prisma.$disconnect();
      await emulator.close();
      await database.drop();
    }
  },
};

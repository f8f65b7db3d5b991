import { encodeGlobalID } from '@pothos/plugin-relay';
import { Agent, request } from 'undici';
import { connectEmulator } from '../../api/test/support/databricks.js';
import { createTenant } from '../../api/test/support/fixtures.js';
import { createBenchDatabase } from '../lib/database.js';
import { startBenchEmulator, untilSqlReady } from '../lib/emulator.js';
import { startBenchGateway } from '../lib/gateway.js';
import { comparisonTable, latencyTable } from '../lib/report.js';
import { sideBySide, summarize } from '../lib/stats.js';
import type { Scenario } from './scenario.js';

const CLUSTERS_PATH = '/api/2.1/clusters/list';
const QUERY = `query($id: ID!) { node(id: $id) { ... on DatabricksWorkspace { clusters { nodes { clusterId } } } } }`;
const WARMUP = 20;

/**
 * What the gateway adds to one Databricks read: a GraphQL query for a workspace's clusters through the api
 * (HTTP, authentication, a Postgres lookup of the workspace, the connector's REST call) against the same
 * REST call made straight to the emulator. The remote cache is emptied before every gateway call, so each
 * one really reaches the emulator.
 */
export const gatewayOverhead: Scenario = {
  name: 'gateway-overhead',
  title: 'Latency the gateway adds over a direct Databricks REST call',
  defaultIterations: 300,
  async run({ iterations }) {
    const database = await createBenchDatabase();
    const emulator = await startBenchEmulator();
    await untilSqlReady(emulator);
    const gateway = await startBenchGateway(database, emulator);
    const { deps, server } = gateway;
    const direct = new Agent({ connect: { ca: emulator.caPem } });
    const toGateway = new Agent();
    try {
      const tenant = await createTenant(deps.prisma, 'Bench');
      const integration = await connectEmulator(deps.prisma, deps.secretBox, {
        customerId: tenant.customer.id,
        mappings: [{ workspaceId: '1444828305810485', copId: tenant.cop.id }],
        // REST only: without a warehouse the connection opens no SQL driver.
        config: { host: emulator.url, warehouseId: undefined },
        token: emulator.token,
      });
      const body = JSON.stringify({
        query: QUERY,
        variables: { id: encodeGlobalID('DatabricksWorkspace', integration.workspaceMappings[0]!.id) },
      });
      const authorization = `Bearer ${await deps.sessions.sign(tenant.users.DATA_ENGINEER.id)}`;

      const viaGateway = async () => {
        const response = await request(`${server.url}/graphql`, {
          method: 'POST',
          dispatcher: toGateway,
          headers: { 'content-type': 'application/json', authorization },
          body,
        });
        const result = (await response.body.json()) as { errors?: unknown[]; data?: any };
        if (result.errors || !result.data?.node?.clusters?.nodes?.length)
          throw new Error(`The gateway answered ${JSON.stringify(result)}`);
      };
      const straight = async () => {
        const response = await request(`${emulator.url}${CLUSTERS_PATH}`, {
          dispatcher: direct,
          headers: { authorization: `Bearer ${emulator.token}` },
        });
        const result = (await response.body.json()) as { clusters?: unknown[] };
        if (!result.clusters?.length) throw new Error(`The emulator answered ${JSON.stringify(result)}`);
      };

      emulator.stats.reset();
      const samples = await sideBySide({
        iterations,
        warmup: WARMUP,
        baseline: straight,
        candidate: viaGateway,
        prepare: () => deps.databricksGateway.cache.invalidate(''),
      });
      const reached = emulator.stats.snapshot().calls[`GET ${CLUSTERS_PATH}`] ?? 0;
      if (reached !== 2 * (iterations + WARMUP))
        throw new Error(`Expected every call to reach the emulator, counted ${reached}`);

      const baseline = summarize(samples.baseline);
      const candidate = summarize(samples.candidate);
      return [
        '## Results',
        '',
        latencyTable([
          { label: `direct: \`GET ${CLUSTERS_PATH}\` to the emulator (baseline)`, summary: baseline },
          { label: 'gateway: `node(id) { ... on DatabricksWorkspace { clusters } }`', summary: candidate },
        ]),
        '',
        comparisonTable(baseline, candidate),
        '',
        '## Method',
        '',
        `- ${iterations} iterations after ${WARMUP} warm-up pairs; baseline and gateway calls alternate which goes first.`,
        '- Gateway: a GraphQL POST over loopback HTTP (keep-alive) to the api built as in production',
        '  (`NODE_ENV=production`), signed in as a data engineer; it authenticates the JWT, loads the user and the',
        '  workspace mapping from Postgres, and calls the emulator over HTTPS through the connector (undici pool).',
        '  The remote cache is emptied before each call (outside the timing).',
        '- Baseline: the same REST call straight to the emulator over HTTPS with undici (keep-alive).',
        `- The emulator counted ${reached} \`GET ${CLUSTERS_PATH}\` calls: every gateway call reached it.`,
        '- Postgres: a fresh database for this run on 127.0.0.1:5432; the emulator runs in the same process.',
      ].join('\n');
    } finally {
      await direct.close();
      await toGateway.close();
      await gateway.close();
    }
  },
};

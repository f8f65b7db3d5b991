/**
 * The SQL side of the emulator on the core's real HTTPS server: engine, Thrift endpoint, Statement Execution,
 * warehouses and Unity Catalog, for tests that need only these.
 */
import { DBSQLClient } from '@databricks/sql';
import { Agent, request } from 'undici';
import { createClock } from '../src/clock.js';
import type { SqlEngine } from '../src/contracts.js';
import { startCoreServer } from '../src/http/core-server.js';
import { createSqlStatementsService } from '../src/services/sql-statements.js';
import { createUnityCatalogService } from '../src/services/unity-catalog.js';
import { createWarehousesService, WAREHOUSE_ID } from '../src/services/warehouses.js';
import { createSqlEngine } from '../src/sql/engine.js';
import { createThriftHandler } from '../src/thrift/server.js';

export const WORKSPACE_IDS = ['1234567890123456', '2345678901234567'];

export async function startSqlEmulator() {
  const engine: SqlEngine = await createSqlEngine({ seed: 7, workspaceIds: WORKSPACE_IDS });
  const clock = createClock(1);
  const server = await startCoreServer({
    settings: {
      port: 0,
      seed: 7,
      tokens: ['dapi-emulator-token'],
      clientId: 'sp',
      clientSecret: 'secret',
      oauthTtlSeconds: 3600,
    },
    routes: [
      ...createSqlStatementsService({ engine, clock }),
      ...createWarehousesService(),
      ...createUnityCatalogService({ engine }),
    ],
    rawRoutes: [
      {
        method: 'POST',
        path: '/sql/1.0/warehouses/:id',
        handler: createThriftHandler(engine, (id) => id === WAREHOUSE_ID),
      },
    ],
  });
  const agent = new Agent({ connect: { ca: server.caPem } });
  const { hostname, port } = new URL(server.url);

  return {
    engine,
    url: server.url,
    async call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) {
      const response = await request(`${server.url}${path}`, {
        method,
        dispatcher: agent,
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.body.text();
      return { status: response.statusCode, body: (text ? JSON.parse(text) : {}) as any };
    },
    /** A session of the official driver, trusting the emulator's certificate through `customCaCert`. */
    /** `arrow: false` turns the driver's Arrow off (its `arrowEnabled`): results come column-based. */
    async openDriverSession(warehouseId = WAREHOUSE_ID, { arrow = true } = {}) {
      const client = new DBSQLClient();
      client.getConfig().arrowEnabled = arrow;
      await client.connect({
        host: hostname,
        port: Number(port),
        path: `/sql/1.0/warehouses/${warehouseId}`,
        token: server.token,
        // Databricks answers an unknown warehouse with 404, which the driver would retry for minutes.
        retryMaxAttempts: 1,
        customCaCert: server.caPem,
        telemetryEnabled: false,
      } as Parameters<DBSQLClient['connect']>[0]);
      const session = await client.openSession();
      return {
        session,
        close: async () => {
          await session.close();
          await client.close();
        },
      };
    },
    async close() {
      await agent.close();
      await server.close();
      await engine.close();
    },
  };
}

import { openAsBlob } from 'node:fs';
import { SessionTokens } from '@cop-os/api/auth/jwt';
import { SecretBox } from '@cop-os/api/auth/secret-box';
import { loadConfig } from '@cop-os/api/config';
import { createPrisma, type PrismaClient } from '@cop-os/api/db/prisma';
import { Agent, Pool, request } from 'undici';
import { connectEmulator } from '../../api/test/support/databricks.js';
import { createTenant } from '../../api/test/support/fixtures.js';
import type { RunningEmulator } from '../../emulator/src/app.js';
import { createBenchDatabase } from './database.js';
import { runStatement, startBenchEmulator, untilSqlReady } from './emulator.js';
import { post } from './load.js';
import { bundledWorker, type ServerProcess, startServer } from './servers.js';

const ENV = { JWT_SECRET: 'bench-only-jwt-secret-0123456789', SECRETS_KEY: loadConfig({}).SECRETS_KEY };

export interface TenantGateway {
  emulator: RunningEmulator;
  prisma: PrismaClient;
  gateway: ServerProcess;
  tenant: Awaited<ReturnType<typeof createTenant>>;
  /** A GraphQL request as the tenant's data engineer; throws on errors, resolves to `data`. */
  graphql(query: string, variables?: object): Promise<any>;
  /** The GraphQL multipart upload of a CSV file as a dataset, streamed from disk; resolves to the dataset's id. */
  uploadCsv(path: string, name: string): Promise<string>;
  /** A call to the emulator's REST API (control routes included), JSON in and out. */
  callEmulator(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<any>;
  /** One statement through the Statement Execution API, straight to the emulator; resolves to its rows. */
  statement(sql: string, parameters?: { name: string; value: string }[]): Promise<unknown[][]>;
  close(): Promise<void>;
}

/**
 * A bench database, the emulator and one tenant connected to it, with the api in its own process as `npm start`
 * builds it (trusting the emulator the way `npm start` makes it), its sync reconciler running; `env` adds settings.
 */
export async function startTenantGateway(env: Record<string, string> = {}): Promise<TenantGateway> {
  const database = await createBenchDatabase();
  const emulator = await startBenchEmulator();
  const prisma = createPrisma(database.url);
  const closing: { close(): Promise<unknown> }[] = [];
  /** Ends what was started, last first: the api and its clients, then the database client, emulator and database. */
  const teardown = async () => {
    for (const resource of closing.reverse()) await resource.close();
    await prisma.$disconnect();
    await emulator.close();
    await database.drop();
  };
  try {
    await untilSqlReady(emulator);
    const tenant = await createTenant(prisma, 'Bench tenant');
    await connectEmulator(prisma, new SecretBox(ENV.SECRETS_KEY), {
      customerId: tenant.customer.id,
      mappings: [{ workspaceId: '1001001001001001' }],
      config: { host: emulator.url },
      token: emulator.token,
    });
    const authorization = `Bearer ${await new SessionTokens(ENV.JWT_SECRET, '1h').sign(tenant.users.DATA_ENGINEER.id)}`;
    const gateway = await startServer(await bundledWorker('gateway-server.ts', database.url), {
      ...ENV,
      NODE_EXTRA_CA_CERTS: emulator.caFile,
      BENCH_SYNC: '1',
      ...env,
    });
    closing.push(gateway);
    const pool = new Pool(gateway.url, { connections: 1 });
    closing.push(pool);
    const agent = new Agent({ connect: { ca: emulator.caPem }, bodyTimeout: 600_000, headersTimeout: 600_000 });
    closing.push(agent);

    const callEmulator: TenantGateway['callEmulator'] = async (method, path, body) => {
      const response = await request(`${emulator.url}${path}`, {
        method,
        dispatcher: agent,
        headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.body.text();
      if (response.statusCode >= 300) throw new Error(`${path} answered ${response.statusCode}: ${text}`);
      return text ? JSON.parse(text) : {};
    };
    const graphql: TenantGateway['graphql'] = async (query, variables = {}) => {
      const text = await post(pool, {
        label: 'gateway',
        url: gateway.url,
        headers: { authorization },
        body: JSON.stringify({ query, variables }),
      });
      const answer = JSON.parse(text);
      if (answer.errors) throw new Error(`The gateway failed: ${text.slice(0, 400)}`);
      return answer.data;
    };
    return {
      emulator,
      prisma,
      gateway,
      tenant,
      graphql,
      callEmulator,
      async uploadCsv(path, name) {
        const body = new FormData();
        body.set(
          'operations',
          JSON.stringify({
            query: 'mutation($input: UploadDatasetInput!) { uploadDataset(input: $input) { id } }',
            variables: { input: { customerId: tenant.ids.customer, name, file: null } },
          }),
        );
        body.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
        body.set('0', await openAsBlob(path, { type: 'text/csv' }), `${name}.csv`);
        const response = await fetch(`${gateway.url}/graphql`, {
          method: 'POST',
          headers: { authorization, 'graphql-require-preflight': '1' },
          body,
        });
        const answer = (await response.json()) as { data?: { uploadDataset: { id: string } }; errors?: unknown };
        if (!answer.data) throw new Error(`uploadDataset failed: ${JSON.stringify(answer.errors)}`);
        return answer.data.uploadDataset.id;
      },
      statement: (sql, parameters = []) => runStatement(callEmulator, sql, { parameters }),
      close: teardown,
    };
  } catch (error) {
    await teardown();
    throw error;
  }
}

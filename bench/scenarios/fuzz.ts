import { generateServiceToken } from '@cop-os/api/auth/service-tokens';
import { schema } from '@cop-os/api/schema';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Agent, fetch as undiciFetch } from 'undici';
import { connectEmulator } from '../../api/test/support/databricks.js';
import { createPlatformAdmin, createTenant } from '../../api/test/support/fixtures.js';
import { fuzzOperations, httpSender, runFuzz } from '../../api/test/support/fuzz.js';
import { createBenchDatabase } from '../lib/database.js';
import { startBenchEmulator, untilSqlReady } from '../lib/emulator.js';
import { startBenchGateway } from '../lib/gateway.js';
import type { Scenario } from './scenario.js';

const SEED = 20261203;

/**
 * The schema-driven fuzzer of `api/test/fuzz.test.ts`, long: operations generated from the schema (every query,
 * mutation and subscription field, every role, anonymous and a service token) sent over real HTTP to a production
 * build of the api. Passes with 0 INTERNAL_SERVER_ERROR, 0 5xx, 0 failed requests and a code on every error.
 */
export const fuzz: Scenario = {
  name: 'fuzz',
  title: 'Schema-driven fuzzing: every error typed, no 5xx, no crash',
  defaultIterations: 10_000,
  async run({ iterations }) {
    const database = await createBenchDatabase();
    const emulator = await startBenchEmulator();
    await untilSqlReady(emulator);
    const gateway = await startBenchGateway(database, emulator);
    const { deps, server } = gateway;
    const agent = new Agent({ connections: 8 });
    try {
      const tenant = await createTenant(deps.prisma, 'Fuzzed');
      const integration = await connectEmulator(deps.prisma, deps.secretBox, {
        customerId: tenant.customer.id,
        mappings: [{ workspaceId: '1444828305810485', copId: tenant.cop.id }],
        config: { host: emulator.url },
        token: emulator.token,
      });
      const { token: serviceToken, tokenHash, prefix } = generateServiceToken();
      const service = await deps.prisma.serviceToken.create({
        data: { customerId: tenant.customer.id, name: 'fuzzed usage job', tokenHash, prefix, scopes: ['usage:write'] },
      });
      const admin = await createPlatformAdmin(deps.prisma);
      const ids = [
        tenant.ids.customer,
        tenant.ids.cop,
        encodeGlobalID('Integration', integration.id),
        encodeGlobalID('DatabricksWorkspace', integration.workspaceMappings[0]!.id),
        encodeGlobalID('ServiceToken', service.id),
        ...Object.values(tenant.users).map((user) => encodeGlobalID('User', user.id)),
      ];
      const tokens = [
        null,
        await deps.sessions.sign(admin.id),
        ...(await Promise.all(Object.values(tenant.users).map((user) => deps.sessions.sign(user.id)))),
        serviceToken,
      ];
      const operations = fuzzOperations(schema, { ids, callers: tokens.length, seed: SEED, count: iterations });
      const send = httpSender(
        (url, init) => undiciFetch(url, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>,
        `${server.url}/graphql`,
        tokens,
      );
      const started = performance.now();
      const report = await runFuzz(operations, send, 4);
      const seconds = (performance.now() - started) / 1000;
      const codes = Object.entries(report.codes).sort(([, a], [, b]) => b - a);
      return [
        `Seed ${SEED}; ${report.operations} operations over ${report.fields} root fields in ${seconds.toFixed(1)} s ` +
          `(${(report.operations / seconds).toFixed(0)} operations/s, 4 in flight), ${tokens.length} callers ` +
          '(anonymous, platform admin, customer admin, data engineer, analyst, member, usage service token).',
        '',
        '| figure | value |',
        '| --- | --- |',
        `| operations | ${report.operations} (${Object.entries(report.byKind)
          .map(([kind, n]) => `${kind} ${n}`)
          .join(', ')}) |`,
        `| answered without error | ${report.clean} |`,
        `| failures (5xx, INTERNAL_SERVER_ERROR, error without code, failed request) | ${report.failures.length} |`,
        ...codes.map(([code, n]) => `| errors ${code} | ${n} |`),
        '',
        ...(report.failures.length
          ? [
              'First failures:',
              '',
              ...report.failures.slice(0, 10).map((f) => `- ${f.problem}: \`${f.operation.query}\``),
            ]
          : []),
        '',
        'Method: `api/test/support/fuzz.ts` draws operations with fast-check from the schema: a root field, arguments',
        'from their types (half the operations well-formed, half hostile: NUL bytes, 10,001-character strings, wrong',
        'types, unknown enum values, forged global ids), a selection three levels deep; subscriptions over SSE.',
      ].join('\n');
    } finally {
      await agent.close();
      await gateway.close();
    }
  },
};

import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateServiceToken } from '../src/auth/service-tokens.js';
import { schema } from '../src/schema/index.js';
import { connectEmulator } from './support/databricks.js';
import { createPlatformAdmin, createTenant } from './support/fixtures.js';
import { fuzzOperations, httpSender, runFuzz } from './support/fuzz.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let ids: string[] = [];
let tokens: (string | null)[] = [];

beforeAll(async () => {
  const tenant = await createTenant(api.prisma, 'Fuzzed');
  const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: '1444828305810485', copId: tenant.cop.id }],
  });
  const { token: serviceToken, tokenHash, prefix } = generateServiceToken();
  const service = await api.prisma.serviceToken.create({
    data: { customerId: tenant.customer.id, name: 'fuzzed usage job', tokenHash, prefix, scopes: ['usage:write'] },
  });
  const admin = await createPlatformAdmin(api.prisma);
  ids = [
    tenant.ids.customer,
    tenant.ids.cop,
    encodeGlobalID('Integration', integration.id),
    encodeGlobalID('DatabricksWorkspace', integration.workspaceMappings[0]!.id),
    encodeGlobalID('ServiceToken', service.id),
    ...Object.values(tenant.users).map((user) => encodeGlobalID('User', user.id)),
  ];
  tokens = [
    null,
    await api.tokenFor(admin.id),
    ...(await Promise.all(Object.values(tenant.users).map((user) => api.tokenFor(user.id)))),
    serviceToken,
  ];
});
afterAll(() => api.close());

it('answers 250 schema-generated operations from every role with typed errors only: no 5xx, no INTERNAL_SERVER_ERROR', async () => {
  const operations = fuzzOperations(schema, { ids, callers: tokens.length, seed: 17, count: 250 });
  const send = httpSender((url, init) => Promise.resolve(api.app.fetch(url, init)), 'http://localhost/graphql', tokens);
  const report = await runFuzz(operations, send);
  expect(report.failures.slice(0, 5)).toEqual([]);
  expect(report.operations).toBe(250);
  expect(Object.keys(report.byKind).sort()).toEqual(['mutation', 'query', 'subscription']);
  expect(report.codes.BAD_USER_INPUT).toBeGreaterThan(0);
  expect(report.clean).toBeGreaterThan(0);
}, 90_000);

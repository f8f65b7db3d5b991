import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabricksConfig } from '../src/integrations/databricks-config.js';
import { connectEmulator, EMULATOR_WAREHOUSE_ID } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
const emulator = testEmulator();
type Tenant = Awaited<ReturnType<typeof createTenant>>;
let tenant: Tenant;
let admin: string;

const testIntegration = `mutation($id: ID!) { testIntegration(id: $id) { ok checkedAt steps { step ok message durationMs code } } }`;
const STEPS = ['credentials', 'workspace', 'warehouse', 'sqlQuery', 'servingEndpoints'];

interface Step {
  step: string;
  ok: boolean;
  message: string;
  durationMs: number;
  code: string | null;
}

async function check(integrationId: string, token = admin) {
  const result = await api.graphql(testIntegration, { id: encodeGlobalID('Integration', integrationId) }, token);
  expect(result.errors).toBeUndefined();
  const report = result.data?.testIntegration as { ok: boolean; steps: Step[] };
  expect(report.steps.map((s) => s.step)).toEqual(STEPS);
  return { ok: report.ok, steps: Object.fromEntries(report.steps.map((s) => [s.step, s])) as Record<string, Step> };
}

const integrationWith = (options: { config?: Partial<DatabricksConfig>; token?: string }) =>
  connectEmulator(api.prisma, api.deps.secretBox, { customerId: tenant.customer.id, mappings: [], ...options });

/** An OAuth M2M integration on the emulator's service principal, sealed as the API stores it. */
const oauthIntegration = (clientSecret: string) =>
  api.prisma.integration.create({
    data: {
      customerId: tenant.customer.id,
      type: 'DATABRICKS',
      displayName: 'Emulator OAuth',
      config: {
        host: emulator.url,
        authType: 'OAUTH_M2M',
        clientId: 'emulator-sp',
        warehouseId: EMULATOR_WAREHOUSE_ID,
      },
      secrets: { clientSecret: api.deps.secretBox.seal(clientSecret) },
    },
  });

function expectSkipped(steps: Record<string, Step>, names: string[]) {
  for (const name of names) expect(steps[name]).toMatchObject({ ok: false, code: 'SKIPPED' });
}

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Integration check');
  admin = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
});
afterEach(() => emulator.clearFaults());
afterAll(() => api.close());

describe('testIntegration', () => {
  it('passes every step for a working PAT integration and says who we are', async () => {
    const integration = await integrationWith({});
    const { ok, steps } = await check(integration.id);
    expect(ok).toBe(true);
    for (const name of STEPS) expect(steps[name]).toMatchObject({ ok: true, code: null });
    expect(steps.credentials?.message).toBe('The workspace accepted the personal access token.');
    expect(steps.workspace?.message).toMatch(new RegExp(`^Reached ${emulator.url.replace(/[.]/g, '\\.')} as \\S+`));
    expect(steps.warehouse?.message).toMatch(/^SQL warehouse ".+" is [A-Z]+/);
    expect(steps.servingEndpoints?.message).toBe('Serving endpoints cop_advisor and survey_summarizer are ready.');
  });

  it('obtains an OAuth token for a service principal, and reports a refused secret as DATABRICKS_AUTH', async () => {
    const good = await check((await oauthIntegration('emulator-sp-secret')).id);
    expect(good.ok).toBe(true);
    expect(good.steps.credentials?.message).toMatch(/^Obtained an OAuth token/);
    const bad = await check((await oauthIntegration('not-the-secret')).id);
    expect(bad.ok).toBe(false);
    expect(bad.steps.credentials).toMatchObject({ ok: false, code: 'DATABRICKS_AUTH' });
    expectSkipped(bad.steps, ['workspace', 'warehouse', 'sqlQuery', 'servingEndpoints']);
  });

  it('reports a refused access token as DATABRICKS_AUTH and skips the remaining steps', async () => {
    const integration = await integrationWith({ token: 'dapi-not-a-valid-token' });
    const { ok, steps } = await check(integration.id);
    expect(ok).toBe(false);
    expect(steps.credentials).toMatchObject({ ok: false, code: 'DATABRICKS_AUTH' });
    expectSkipped(steps, ['workspace', 'warehouse', 'sqlQuery', 'servingEndpoints']);
  });

  it('reports an unreachable workspace as DATABRICKS_UNAVAILABLE instead of failing the request', async () => {
    const integration = await integrationWith({});
    await emulator.injectFaults([{ kind: 'error', status: 503, pathPrefix: '/api/2.0/preview/scim' }]);
    const { ok, steps } = await check(integration.id);
    expect(ok).toBe(false);
    expect(steps.credentials).toMatchObject({ ok: false, code: 'DATABRICKS_UNAVAILABLE' });
  });

  it('names a missing serving endpoint and a missing warehouse while the other steps pass', async () => {
    const noEndpoint = await check(
      (await integrationWith({ config: { servingEndpoints: { advisor: 'no_such_advisor' } } })).id,
    );
    expect(noEndpoint.steps.servingEndpoints).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(noEndpoint.steps.servingEndpoints?.message).toContain('no_such_advisor');
    expect(noEndpoint.steps.sqlQuery?.ok).toBe(true);

    const noWarehouse = await check((await integrationWith({ config: { warehouseId: undefined } })).id);
    expect(noWarehouse.steps.warehouse).toMatchObject({ ok: false, code: 'NOT_CONFIGURED' });
    expect(noWarehouse.steps.sqlQuery).toMatchObject({ ok: false, code: 'SKIPPED' });
    expect(noWarehouse.steps.servingEndpoints?.ok).toBe(true);

    const unknownWarehouse = await check((await integrationWith({ config: { warehouseId: 'ffffffffffffffff' } })).id);
    expect(unknownWarehouse.steps.warehouse).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(unknownWarehouse.ok).toBe(false);
  });

  it('reports a Slack integration without a webhook URL as a failed webhook step (notifications.test.ts sends one)', async () => {
    const slack = await api.prisma.integration.create({
      data: { customerId: tenant.customer.id, type: 'SLACK', displayName: 'Slack', config: {} },
    });
    const result = await api.graphql(testIntegration, { id: encodeGlobalID('Integration', slack.id) }, admin);
    expect(result.data?.testIntegration).toMatchObject({
      ok: false,
      steps: [{ step: 'webhook', ok: false, message: 'No incoming-webhook URL is set.' }],
    });
  });

  it('is for admins of the integration’s own customer only', async () => {
    const integration = await integrationWith({});
    const id = encodeGlobalID('Integration', integration.id);
    const analyst = await api.graphql(testIntegration, { id }, await api.tokenFor(tenant.users.ANALYST.id));
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await createTenant(api.prisma, 'Other admin');
    const intruder = await api.graphql(testIntegration, { id }, await api.tokenFor(other.users.CUSTOMER_ADMIN.id));
    expect(intruder.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

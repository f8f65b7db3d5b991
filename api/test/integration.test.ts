import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabricksCredentials } from '../src/integrations/credentials.js';
import { createPlatformAdmin, createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
let adminToken: string;
let otherAdminToken: string;

const INTEGRATION_FIELDS = `
  id type displayName isActive createdAt updatedAt customer { id }
  databricks {
    host authType clientId azureTenantId azureAuthority warehouseId pipelineJobId catalogPrefix
    accountId accountConsoleUrl region
    notebookPaths { bronze silver gold } servingEndpoints { advisor summarizer }
  }
  secrets { name isSet updatedAt }
  workspaceMappings { totalCount }`;
const CREATE = `mutation($input: CreateIntegrationInput!) { createIntegration(input: $input) { ${INTEGRATION_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateIntegrationInput!) {
  updateIntegration(id: $id, input: $input) { ${INTEGRATION_FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteIntegration(id: $id) }';
const NODE = `query($id: ID!) { node(id: $id) { ... on Integration { ${INTEGRATION_FIELDS} } } }`;

let sequence = 0;
/** A unique, secret-looking value, so a leak is found by searching for it. */
const secretValue = (label: string) => `dapi-${label}-${Date.now().toString(36)}-${++sequence}-do-not-leak`;

const patInput = (token: string) => ({
  customerId: tenant.ids.customer,
  type: 'DATABRICKS',
  displayName: `Production workspace ${++sequence}`,
  databricks: {
    host: 'https://adb-1444828305810485.5.azuredatabricks.net/',
    authType: 'PAT',
    warehouseId: 'wh-123',
    notebookPaths: { bronze: '/Repos/cop/bronze', gold: '/Repos/cop/gold' },
    servingEndpoints: { advisor: 'cop-advisor' },
    catalogPrefix: 'copos',
  },
  secrets: { token },
});

async function createPat(token = secretValue('pat')) {
  const result = await api.graphql(CREATE, { input: patInput(token) }, adminToken);
  expect(result.errors).toBeUndefined();
  return { integration: result.data?.createIntegration, token };
}

const storedRow = (globalId: string) =>
  api.prisma.integration.findUniqueOrThrow({ where: { id: decodeGlobalID(globalId).id } });

const integrationCount = () => api.prisma.integration.count({ where: { customerId: tenant.customer.id } });

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTenant(api.prisma), createTenant(api.prisma, 'Other')]);
  [adminToken, otherAdminToken] = await Promise.all([
    api.tokenFor(tenant.users.CUSTOMER_ADMIN.id),
    api.tokenFor(other.users.CUSTOMER_ADMIN.id),
  ]);
});
afterAll(() => api.close());

describe('createIntegration', () => {
  it('stores the settings and reports the token as set without returning it', async () => {
    const { integration } = await createPat();
    expect(integration).toMatchObject({
      type: 'DATABRICKS',
      isActive: true,
      customer: { id: tenant.ids.customer },
      databricks: {
        host: 'https://adb-1444828305810485.5.azuredatabricks.net',
        authType: 'PAT',
        clientId: null,
        warehouseId: 'wh-123',
        notebookPaths: { bronze: '/Repos/cop/bronze', silver: null, gold: '/Repos/cop/gold' },
        servingEndpoints: { advisor: 'cop-advisor', summarizer: null },
        catalogPrefix: 'copos',
      },
      workspaceMappings: { totalCount: 0 },
    });
    expect(integration.secrets).toEqual([
      { name: 'token', isSet: true, updatedAt: expect.any(String) },
      { name: 'clientSecret', isSet: false, updatedAt: null },
    ]);
  });

  it('stores the token as AES-GCM ciphertext that only the credentials reader opens', async () => {
    const { integration, token } = await createPat();
    const row = await storedRow(integration.id);
    const sealed = (row.secrets as { token: string }).token;
    expect(sealed).toMatch(/^v1:/);
    expect(JSON.stringify(row.secrets)).not.toContain(token);
    expect(JSON.stringify(row.config)).not.toContain(token);
    expect(readDatabricksCredentials(row, api.deps.secretBox)).toMatchObject({
      token,
      config: { authType: 'PAT', host: 'https://adb-1444828305810485.5.azuredatabricks.net' },
    });
  });

  it('accepts an OAuth M2M service principal with a client id and secret', async () => {
    const clientSecret = secretValue('m2m');
    const result = await api.graphql(
      CREATE,
      {
        input: {
          customerId: tenant.ids.customer,
          displayName: 'Service principal workspace',
          databricks: { host: 'https://dbc-1234.cloud.databricks.com', authType: 'OAUTH_M2M', clientId: 'sp-app-id' },
          secrets: { clientSecret },
        },
      },
      adminToken,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.createIntegration.secrets).toEqual([
      { name: 'token', isSet: false, updatedAt: null },
      { name: 'clientSecret', isSet: true, updatedAt: expect.any(String) },
    ]);
    const row = await storedRow(result.data?.createIntegration.id);
    const credentials = readDatabricksCredentials(row, api.deps.secretBox);
    expect(credentials).toMatchObject({ clientSecret, config: { clientId: 'sp-app-id' } });
    expect(credentials.token).toBeUndefined();
  });

  it.each([
    ['a PAT without a token', { authType: 'PAT' }, {}, ['input.secrets.token']],
    [
      'OAuth M2M without a client secret',
      { authType: 'OAUTH_M2M', clientId: 'app' },
      {},
      ['input.secrets.clientSecret'],
    ],
    [
      'an Azure SP without a tenant id or client id',
      { authType: 'AZURE_SP' },
      { clientSecret: 'x-secret' },
      ['input.databricks.clientId', 'input.databricks.azureTenantId'],
    ],
    [
      'a plain-HTTP host',
      { authType: 'PAT', host: 'http://adb-1.azuredatabricks.net' },
      { token: 't' },
      ['input.databricks.host'],
    ],
    ['a missing host', { authType: 'PAT', host: undefined }, { token: 't' }, ['input.databricks.host']],
    ['an empty token', { authType: 'PAT' }, { token: '  ' }, ['input.secrets.token']],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, settings, secrets, fields) => {
    const before = await integrationCount();
    const result = await api.graphql(
      CREATE,
      {
        input: {
          customerId: tenant.ids.customer,
          displayName: 'Broken workspace',
          databricks: { host: 'https://adb-1.azuredatabricks.net', ...settings },
          secrets,
        },
      },
      adminToken,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields });
    expect(result.errors?.[0]?.message).toMatch(/needs|https|required|empty/);
    expect(await integrationCount()).toBe(before);
  });

  it('names what a PAT integration is missing in the error message', async () => {
    const result = await api.graphql(CREATE, { input: { ...patInput('unused'), secrets: undefined } }, adminToken);
    expect(result.errors?.[0]?.message).toBe('PAT authentication needs a personal access token (secrets.token).');
  });

  it('refuses Databricks settings on a Slack integration, and stores one with only its webhook URL', async () => {
    const webhookUrl = 'https://hooks.slack.com/services/T000/B000/do-not-leak';
    const refused = await api.graphql(
      CREATE,
      { input: { ...patInput('t'), type: 'SLACK', secrets: { webhookUrl } } },
      adminToken,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const slack = await api.graphql(
      CREATE,
      {
        input: { customerId: tenant.ids.customer, type: 'SLACK', displayName: 'CoP channel', secrets: { webhookUrl } },
      },
      adminToken,
    );
    expect(slack.data?.createIntegration).toMatchObject({ type: 'SLACK', databricks: null });
    expect(slack.data?.createIntegration.secrets).toEqual([
      { name: 'webhookUrl', isSet: true, updatedAt: expect.any(String) },
    ]);
    expect(JSON.stringify(slack)).not.toContain(webhookUrl);
  });
});

describe('updateIntegration secrets', () => {
  it('keeps a secret that the input omits', async () => {
    const { integration, token } = await createPat();
    const before = await storedRow(integration.id);
    const result = await api.graphql(
      UPDATE,
      { id: integration.id, input: { displayName: 'Renamed workspace' } },
      adminToken,
    );
    expect(result.data?.updateIntegration).toMatchObject({ displayName: 'Renamed workspace' });
    const after = await storedRow(integration.id);
    expect(after.secrets).toEqual(before.secrets);
    expect(readDatabricksCredentials(after, api.deps.secretBox).token).toBe(token);
  });

  it('replaces a secret given as a string and moves its updatedAt', async () => {
    const { integration } = await createPat();
    const replacement = secretValue('rotated');
    const result = await api.graphql(
      UPDATE,
      { id: integration.id, input: { secrets: { token: replacement } } },
      adminToken,
    );
    const tokenState = result.data?.updateIntegration.secrets[0];
    expect(tokenState.isSet).toBe(true);
    expect(new Date(tokenState.updatedAt).getTime()).toBeGreaterThan(
      new Date(integration.secrets[0].updatedAt).getTime(),
    );
    expect(JSON.stringify(result)).not.toContain(replacement);
    const row = await storedRow(integration.id);
    expect(JSON.stringify(row.secrets)).not.toContain(replacement);
    expect(readDatabricksCredentials(row, api.deps.secretBox).token).toBe(replacement);
  });

  it('clears a secret given as null when the auth type no longer needs it', async () => {
    const { integration } = await createPat();
    const clientSecret = secretValue('m2m');
    const result = await api.graphql(
      UPDATE,
      {
        id: integration.id,
        input: { databricks: { authType: 'OAUTH_M2M', clientId: 'sp-app' }, secrets: { token: null, clientSecret } },
      },
      adminToken,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateIntegration.secrets).toEqual([
      { name: 'token', isSet: false, updatedAt: null },
      { name: 'clientSecret', isSet: true, updatedAt: expect.any(String) },
    ]);
    const credentials = readDatabricksCredentials(await storedRow(integration.id), api.deps.secretBox);
    expect(credentials).toMatchObject({ clientSecret, config: { authType: 'OAUTH_M2M', clientId: 'sp-app' } });
    expect(credentials.token).toBeUndefined();
  });

  it('refuses to clear the token a PAT integration needs, leaving the row unchanged', async () => {
    const { integration } = await createPat();
    const before = await storedRow(integration.id);
    const result = await api.graphql(UPDATE, { id: integration.id, input: { secrets: { token: null } } }, adminToken);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.secrets.token'] });
    expect(await storedRow(integration.id)).toEqual(before);
  });

  it('clears a setting given as null and keeps the omitted ones', async () => {
    const { integration } = await createPat();
    const result = await api.graphql(
      UPDATE,
      { id: integration.id, input: { databricks: { warehouseId: null, servingEndpoints: { summarizer: 'sum' } } } },
      adminToken,
    );
    expect(result.data?.updateIntegration.databricks).toMatchObject({
      warehouseId: null,
      catalogPrefix: 'copos',
      notebookPaths: { bronze: '/Repos/cop/bronze' },
      servingEndpoints: { advisor: null, summarizer: 'sum' },
    });
  });
});

describe('secrets never leave the API', () => {
  it('returns neither the value nor the ciphertext in any query of the integration', async () => {
    const { integration, token } = await createPat();
    const sealed = ((await storedRow(integration.id)).secrets as { token: string }).token;
    const responses = await Promise.all([
      api.graphql(NODE, { id: integration.id }, adminToken),
      api.graphql(
        `query($id: ID!) { customer(id: $id) { integrations { nodes { ${INTEGRATION_FIELDS} } } } }`,
        { id: tenant.ids.customer },
        adminToken,
      ),
      api.graphql(
        '{ auditLogs(first: 50, action: "createIntegration") { nodes { details entityId } } }',
        {},
        adminToken,
      ),
    ]);
    for (const response of responses) {
      expect(response.errors).toBeUndefined();
      const json = JSON.stringify(response);
      expect(json).not.toContain(token);
      expect(json).not.toContain(sealed);
      expect(json).not.toContain(sealed.split(':')[3]);
    }
    expect(JSON.stringify(responses[0])).toContain(integration.id);
  });
});

describe('deleteIntegration', () => {
  it('deletes the integration with its workspace mappings', async () => {
    const { integration } = await createPat();
    const rowId = decodeGlobalID(integration.id).id;
    await api.prisma.workspaceMapping.create({
      data: { integrationId: rowId, workspaceUrl: 'https://x.net', workspaceName: 'x', workspaceId: '1' },
    });
    const result = await api.graphql(DELETE, { id: integration.id }, adminToken);
    expect(result.data?.deleteIntegration).toBe(integration.id);
    expect(await api.prisma.integration.count({ where: { id: rowId } })).toBe(0);
    expect(await api.prisma.workspaceMapping.count({ where: { integrationId: rowId } })).toBe(0);
  });

  it('answers NOT_FOUND for an id that does not exist', async () => {
    const { integration } = await createPat();
    await api.graphql(DELETE, { id: integration.id }, adminToken);
    const again = await api.graphql(DELETE, { id: integration.id }, adminToken);
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('who may see and change integrations', () => {
  it('gives other roles FORBIDDEN on the field and the mutations, without hiding the customer', async () => {
    const { integration } = await createPat();
    const token = await api.tokenFor(tenant.users.ANALYST.id);
    const list = await api.graphql(
      'query($id: ID!) { customer(id: $id) { name integrations { totalCount } } }',
      { id: tenant.ids.customer },
      token,
    );
    expect(list.data?.customer).toEqual({ name: tenant.customer.name, integrations: null });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const node = await api.graphql(NODE, { id: integration.id }, token);
    expect(node.data?.node).toBeNull();
    expect(node.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const before = await integrationCount();
    const create = await api.graphql(CREATE, { input: patInput('t') }, token);
    const update = await api.graphql(UPDATE, { id: integration.id, input: { displayName: 'Mine now' } }, token);
    const remove = await api.graphql(DELETE, { id: integration.id }, token);
    for (const result of [create, update, remove]) expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await integrationCount()).toBe(before);
    expect((await storedRow(integration.id)).displayName).toBe(integration.displayName);
  });

  it('hides integrations from another tenant’s admin and refuses their writes', async () => {
    const { integration } = await createPat();
    const node = await api.graphql(NODE, { id: integration.id }, otherAdminToken);
    expect(node.data?.node).toBeNull();
    const customer = await api.graphql(
      'query($id: ID!) { customer(id: $id) { integrations { nodes { id } } } }',
      { id: tenant.ids.customer },
      otherAdminToken,
    );
    expect(JSON.stringify(customer)).not.toContain(integration.id);

    const update = await api.graphql(
      UPDATE,
      { id: integration.id, input: { secrets: { token: 'stolen' } } },
      otherAdminToken,
    );
    const remove = await api.graphql(DELETE, { id: integration.id }, otherAdminToken);
    expect(update.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(remove.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const create = await api.graphql(CREATE, { input: patInput('t') }, otherAdminToken);
    expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const row = await storedRow(integration.id);
    expect(readDatabricksCredentials(row, api.deps.secretBox).token).not.toBe('stolen');
  });

  it('lets the platform admin manage any customer’s integrations', async () => {
    const { integration } = await createPat();
    const platformToken = await api.tokenFor((await createPlatformAdmin(api.prisma)).id);
    const node = await api.graphql(NODE, { id: integration.id }, platformToken);
    expect(node.data?.node).toMatchObject({ id: integration.id });
    const update = await api.graphql(UPDATE, { id: integration.id, input: { isActive: false } }, platformToken);
    expect(update.data?.updateIntegration.isActive).toBe(false);
  });
});

describe('account settings', () => {
  it('stores the account id, account console and region, and clears them with null', async () => {
    const { integration } = await createPat();
    const settings = {
      accountId: '7f1d2c3b-0000-4000-8000-00000000abcd',
      accountConsoleUrl: 'https://accounts.azuredatabricks.net/',
      region: 'westeurope',
    };
    const set = await api.graphql(UPDATE, { id: integration.id, input: { databricks: settings } }, adminToken);
    expect(set.errors).toBeUndefined();
    expect(set.data?.updateIntegration.databricks).toMatchObject({
      ...settings,
      accountConsoleUrl: 'https://accounts.azuredatabricks.net',
    });
    const cleared = await api.graphql(
      UPDATE,
      { id: integration.id, input: { databricks: { region: null } } },
      adminToken,
    );
    expect(cleared.data?.updateIntegration.databricks).toMatchObject({ accountId: settings.accountId, region: null });
  });

  it('refuses a plain-http account console and a region that is not one', async () => {
    const { integration } = await createPat();
    for (const databricks of [
      { accountConsoleUrl: 'http://accounts.cloud.databricks.com' },
      { region: 'West Europe' },
    ]) {
      const result = await api.graphql(UPDATE, { id: integration.id, input: { databricks } }, adminToken);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await storedRow(integration.id)).config).not.toHaveProperty('region');
  });
});

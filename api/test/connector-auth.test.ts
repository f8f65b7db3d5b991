import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../emulator/src/app.js';
import { createCredentialProvider } from '../src/databricks/credentials.js';
import { DatabricksRestClient } from '../src/databricks/rest-client.js';
import type { DatabricksConfig } from '../src/integrations/databricks-config.js';
import { connectEmulator } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const CLIENT_ID = 'emulator-sp';
const CLIENT_SECRET = 'emulator-sp-secret';
const OIDC_TOKEN_ROUTE = 'POST /oidc/v1/token';
const AZURE_TOKEN_ROUTE = 'POST /:tenant/oauth2/v2.0/token';
const CLUSTERS_ROUTE = 'GET /api/2.1/clusters/list';

const api = createTestApi();
const emulator = testEmulator();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let token: string;

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Connector auth');
  token = await api.tokenFor(tenant.users.DATA_ENGINEER.id);
});
afterEach(() => emulator.clearFaults());
afterAll(() => api.close());

/**
 * A new CoP of the tenant whose only workspace sits behind a new integration with these credentials;
 * returns the workspace's and the CoP's global ids.
 */
async function workspaceWith(config: Partial<DatabricksConfig>, secrets: { token?: string; clientSecret?: string }) {
  const cop = await api.prisma.cop.create({
    data: { customerId: tenant.customer.id, name: `Auth ${randomUUID()}`, startDate: new Date('2026-01-05') },
  });
  const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: '1444828305810485', copId: cop.id }],
    config,
    token: secrets.token,
  });
  if (secrets.clientSecret) {
    await api.prisma.integration.update({
      where: { id: integration.id },
      data: { secrets: { clientSecret: api.deps.secretBox.seal(secrets.clientSecret) } },
    });
  }
  return {
    id: encodeGlobalID('DatabricksWorkspace', integration.workspaceMappings[0]!.id),
    copId: encodeGlobalID('Cop', cop.id),
  };
}

/** Reads remote fields of the workspace, skipping the cross-request cache so every read reaches the emulator. */
async function readWorkspace(id: string, fields = 'clusters { nodes { clusterId } }') {
  await api.deps.databricksGateway.cache.invalidate('');
  return api.graphql(
    `query($id: ID!) { node(id: $id) { ... on DatabricksWorkspace { name ${fields} } } }`,
    { id },
    token,
  );
}

describe('personal access token', () => {
  it('reads the workspace with the stored PAT', async () => {
    const result = await readWorkspace((await workspaceWith({ authType: 'PAT' }, {})).id);
    expect(result.errors).toBeUndefined();
    expect(result.data?.node.clusters.nodes.length).toBeGreaterThan(0);
  });

  it('answers DATABRICKS_AUTH on the remote field for a wrong PAT, and the local fields still', async () => {
    const result = await readWorkspace((await workspaceWith({ authType: 'PAT' }, { token: 'dapi-not-a-token' })).id);
    expect(result.data?.node.name).toBe('Workspace 1444828305810485');
    expect(result.data?.node.clusters).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('DATABRICKS_AUTH');
  });
});

describe('Databricks OAuth M2M', () => {
  it('fetches one token and reuses it for REST calls and SQL statements', async () => {
    const { id, copId } = await workspaceWith(
      { authType: 'OAUTH_M2M', clientId: CLIENT_ID },
      { clientSecret: CLIENT_SECRET },
    );
    await emulator.resetStats();
    for (const fields of ['clusters { stale }', 'warehouses { stale }', 'jobs { stale }']) {
      const result = await readWorkspace(id, fields);
      expect(result.errors).toBeUndefined();
    }
    const usage = await api.graphql(
      `query($id: ID!) { cop(id: $id) { platformUsage(from: "2026-08-01", to: "2026-08-07") { series { total } } } }`,
      { id: copId },
      token,
    );
    expect(usage.errors).toBeUndefined();
    expect(await emulator.callsTo(CLUSTERS_ROUTE)).toBe(1);
    expect(await emulator.callsTo(OIDC_TOKEN_ROUTE)).toBe(1);
  });

  it('answers DATABRICKS_AUTH when the client secret is wrong', async () => {
    const { id } = await workspaceWith(
      { authType: 'OAUTH_M2M', clientId: CLIENT_ID },
      { clientSecret: 'wrong-secret' },
    );
    const result = await readWorkspace(id);
    expect(result.data?.node.clusters).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('DATABRICKS_AUTH');
  });
});

describe('Azure AD service principal', () => {
  it("signs in at the configured authority with the tenant's GUID and reads the workspace", async () => {
    const azureTenantId = randomUUID();
    const { id } = await workspaceWith(
      { authType: 'AZURE_SP', clientId: CLIENT_ID, azureTenantId, azureAuthority: emulator.url },
      { clientSecret: CLIENT_SECRET },
    );
    await emulator.resetStats();
    const first = await readWorkspace(id);
    const second = await readWorkspace(id, 'warehouses { nodes { id } }');
    expect(first.errors).toBeUndefined();
    expect(first.data?.node.clusters.nodes.length).toBeGreaterThan(0);
    expect(second.errors).toBeUndefined();
    expect(await emulator.callsTo(AZURE_TOKEN_ROUTE)).toBe(1);
  });

  it('answers DATABRICKS_AUTH when Azure AD refuses the client secret', async () => {
    const { id } = await workspaceWith(
      { authType: 'AZURE_SP', clientId: CLIENT_ID, azureTenantId: randomUUID(), azureAuthority: emulator.url },
      { clientSecret: 'wrong-secret' },
    );
    const result = await readWorkspace(id);
    expect(result.errors?.[0]?.extensions?.code).toBe('DATABRICKS_AUTH');
  });
});

describe('OAuth tokens that expire (an emulator issuing 2-second tokens)', () => {
  let shortLived: RunningEmulator;
  let rest: DatabricksRestClient;
  let dispatcher: Agent;

  beforeAll(async () => {
    shortLived = await startEmulator({
      port: 0,
      oauthTtlSeconds: 2,
      caFile: join(tmpdir(), `copos-short-ttl-${process.pid}.pem`),
      quiet: true,
    });
    // This emulator's CA is not in NODE_EXTRA_CA_CERTS: trust it for the token endpoint and the REST pool.
    dispatcher = new Agent({ connect: { ca: shortLived.caPem } });
    const credentials = createCredentialProvider(
      { authType: 'OAUTH_M2M', host: shortLived.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      dispatcher,
    );
    rest = new DatabricksRestClient({ host: shortLived.url, credentials, caPem: shortLived.caPem });
  });
  afterEach(() => {
    shortLived.stats.reset();
    shortLived.faults.clear();
  });
  afterAll(async () => {
    await rest.close();
    await dispatcher.close();
    await shortLived.close();
    await rm(shortLived.caFile, { force: true });
  });

  const calls = (route: string) => shortLived.stats.snapshot().calls[route] ?? 0;

  it('fetches a new token after the old one expired, without sending the expired one', async () => {
    await rest.get('/api/2.1/clusters/list');
    await sleep(2_200);
    await rest.get('/api/2.1/clusters/list');
    expect(calls(OIDC_TOKEN_ROUTE)).toBe(2);
    // Two calls, two requests: no request was refused with the stale token and retried.
    expect(calls(CLUSTERS_ROUTE)).toBe(2);
  });

  it('retries once with a new token when the token expires while the request is in flight', async () => {
    shortLived.faults.add([{ kind: 'latency', ms: 2_500, count: 1, pathPrefix: '/api/2.1/clusters' }]);
    const clusters = await rest.get<{ clusters?: unknown[] }>('/api/2.1/clusters/list');
    expect(clusters.clusters?.length).toBeGreaterThan(0);
    expect(calls(CLUSTERS_ROUTE)).toBe(2);
    // The refused request fetched a new token (the first one may still have been cached from the test before).
    expect(calls(OIDC_TOKEN_ROUTE)).toBeGreaterThanOrEqual(1);
  });
});

import { encodeGlobalID } from '@pothos/plugin-relay';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { createPlatformAdmin, createTenant, TEST_PASSWORD } from './support/fixtures.js';
import { fuzzOperations, httpSender, runFuzz } from './support/fuzz.js';
import { createTestApi } from './support/test-api.js';

/** Every log line the app writes during the run, at the most verbose level. */
const logLines: string[] = [];
const log = pino({ level: 'trace' }, { write: (line: string) => void logLines.push(line) });
const JWT_SECRET = 'leak-scan-jwt-secret-0123456789';
const api = createTestApi({ JWT_SECRET, NODE_ENV: 'development' }, { log });

/** Every response body, except the one that shows a new service token (it must show it, once). */
const bodies: string[] = [];
const fetchRecorded = async (url: string, init: RequestInit, record = true) => {
  const response = await api.app.fetch(url, init);
  if (response.body && response.headers.get('content-type')?.includes('text/event-stream')) {
    // A quiet subscription's stream stays open until its reader aborts: record its chunks as they pass.
    const decoder = new TextDecoder();
    const recorded = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          if (record) bodies.push(decoder.decode(chunk));
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(recorded, { status: response.status, headers: response.headers });
  }
  const body = await response.text();
  if (record) bodies.push(body);
  return new Response(body, { status: response.status, headers: response.headers });
};
const graphql = async (query: string, variables: Record<string, unknown>, token?: string, record = true) => {
  const response = await fetchRecorded(
    'http://localhost/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    },
    record,
  );
  return response.json();
};

const pat = `dapi${crypto.randomUUID().replaceAll('-', '')}`;
const replacedPat = `dapi${crypto.randomUUID().replaceAll('-', '')}`;
const clientSecret = `dose${crypto.randomUUID().replaceAll('-', '')}`;
let secrets: string[] = [];

beforeAll(async () => {
  const tenant = await createTenant(api.prisma, 'Leaky');
  const admin = await createPlatformAdmin(api.prisma);
  const signIn = await graphql('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }', {
    e: tenant.users.CUSTOMER_ADMIN.email,
    p: TEST_PASSWORD,
  });
  const adminToken = signIn.data.signIn.token as string;
  await graphql('mutation($e: String!) { signIn(email: $e, password: "wrong one") { token } }', {
    e: tenant.users.MEMBER.email,
  });

  const created = await graphql(
    `mutation($input: CreateIntegrationInput!) { createIntegration(input: $input) { id secrets { name isSet } } }`,
    {
      input: {
        customerId: tenant.ids.customer,
        displayName: 'Leak-scanned workspace',
        databricks: { host: process.env.EMULATOR_URL, authType: 'PAT', warehouseId: 'ab12cd34ef56ab78' },
        secrets: { token: pat, clientSecret },
      },
    },
    adminToken,
  );
  if (!created.data) throw new Error(JSON.stringify(created));
  const integrationId = created.data.createIntegration.id as string;
  await graphql(
    'mutation($id: ID!, $pat: String) { updateIntegration(id: $id, input: { secrets: { token: $pat } }) { id } }',
    { id: integrationId, pat: replacedPat },
    adminToken,
  );
  await graphql(
    'mutation($id: ID!) { testIntegration(id: $id) { ok steps { name ok message } } }',
    { id: integrationId },
    adminToken,
  );
  const issued = await graphql(
    'mutation($input: CreateServiceTokenInput!) { createServiceToken(input: $input) { token } }',
    { input: { customerId: tenant.ids.customer, name: 'Leak-scanned job' } },
    adminToken,
    false,
  );
  const serviceToken = issued.data.createServiceToken.token as string;
  await graphql('{ viewer { kind role } }', {}, serviceToken);
  await graphql('{ customers { nodes { name } } }', {}, serviceToken);
  await graphql('{ auditLogs(first: 50) { nodes { action details } } }', {}, adminToken);
  await graphql(
    'query($id: ID!) { customer(id: $id) { integrations { nodes { displayName secrets { name isSet } } } serviceTokens { nodes { prefix } } } }',
    { id: tenant.ids.customer },
    adminToken,
  );

  const tokens = [null, await api.tokenFor(admin.id), adminToken, serviceToken];
  const ids = [tenant.ids.customer, tenant.ids.cop, integrationId, encodeGlobalID('User', tenant.users.MEMBER.id)];
  const send = httpSender((url, init) => fetchRecorded(url, init), 'http://localhost/graphql', tokens);
  await runFuzz(fuzzOperations(schema, { ids, callers: tokens.length, seed: 5, count: 120 }), send);

  const hashes = (await api.prisma.user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash);
  secrets = [
    pat,
    replacedPat,
    clientSecret,
    JWT_SECRET,
    api.deps.config.SECRETS_KEY,
    serviceToken,
    TEST_PASSWORD,
    ...new Set(hashes),
  ];
}, 120_000);
afterAll(() => api.close());

it('shows no PAT, client secret, JWT secret, secrets key, service token, password or hash in any response or log line', () => {
  expect(bodies.length).toBeGreaterThan(100);
  expect(logLines.length).toBeGreaterThan(0);
  const hits = secrets.flatMap((secret) =>
    [...bodies.map((text) => ['response', text]), ...logLines.map((text) => ['log', text])]
      .filter(([, text]) => text!.includes(secret))
      .map(([where, text]) => `${where} contains ${secret.slice(0, 8)}…: ${text!.slice(0, 200)}`),
  );
  expect(hits).toEqual([]);
});

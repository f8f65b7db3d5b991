import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectEmulator } from './support/databricks.js';
import { createTenant, TEST_PASSWORD } from './support/fixtures.js';
import { serve } from './support/live-clients.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi({}, { signInThrottle: { failuresPerAccount: 5, failuresPerAddress: 12 } });
let tenant: Awaited<ReturnType<typeof createTenant>>;
let token: string;

beforeAll(async () => {
  tenant = await createTenant(api.prisma);
  token = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
  await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: '1444828305810485', copId: tenant.cop.id }],
  });
});
afterAll(() => api.close());

const post = async (body: BodyInit, headers: Record<string, string> = {}, address?: string): Promise<Response> =>
  api.app.fetch(
    new URL('http://localhost/graphql'),
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      duplex: 'half',
    } as RequestInit,
    (address ? { req: { socket: { remoteAddress: address } } } : {}) as never,
  );
const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (result.errors ?? []).map((error) => error.extensions?.code);
const UPDATE_INDUSTRY = 'mutation($id: ID!, $v: String) { updateCop(id: $id, input: { industry: $v }) { id } }';

describe('bad input answers a typed error, never INTERNAL_SERVER_ERROR', () => {
  it.each([
    ['a NUL byte in a variable', UPDATE_INDUSTRY, { v: 'a\u0000b' }],
    [
      'a NUL byte in a literal',
      'mutation($id: ID!) { updateCop(id: $id, input: { industry: "a\\u0000b" }) { id } }',
      {},
    ],
    ['a string over 10,000 characters', UPDATE_INDUSTRY, { v: 'x'.repeat(10_001) }],
    [
      'a Float literal beyond a double',
      'mutation($id: ID!) { upsertKpi(input: { copId: $id, metricName: "DBU", metricDate: "2026-01-01", metricValue: 1e309 }) { id } }',
      {},
    ],
    [
      'JSON nested 40 levels',
      'mutation($id: ID!, $m: JSON) { upsertKpi(input: { copId: $id, metricName: "DBU", metricDate: "2026-01-01", metricValue: 1, metadata: $m }) { id } }',
      { m: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) },
    ],
    [
      'JSON of 900 KB',
      'mutation($id: ID!, $m: JSON) { upsertKpi(input: { copId: $id, metricName: "DBU", metricDate: "2026-01-01", metricValue: 1, metadata: $m }) { id } }',
      { m: { blob: Array.from({ length: 100 }, () => 'x'.repeat(9_000)) } },
    ],
    ['a non-numeric run id', 'query($id: ID!) { cop(id: $id) { workspaces { run(runId: "abc") { runId } } } }', {}],
    ['a negative job id', 'query($id: ID!) { cop(id: $id) { workspaces { job(jobId: "-1") { jobId } } } }', {}],
    [
      'a variable that does not coerce',
      'query($id: ID!, $n: Int) { cop(id: $id) { events(first: $n) { totalCount } } }',
      { n: 'abc' },
    ],
    ['a node id of an unknown type', `{ node(id: "${Buffer.from('__proto__:x').toString('base64')}") { id } }`, {}],
  ])('%s', async (_label, query, variables) => {
    const result = await api.graphql(query, { id: tenant.ids.cop, ...variables }, token);
    expect(codes(result).length).toBeGreaterThan(0);
    expect(codes(result)).toEqual(codes(result).map(() => 'BAD_USER_INPUT'));
    expect(await api.prisma.cop.findUniqueOrThrow({ where: { id: tenant.cop.id } })).toMatchObject({
      industry: null,
    });
  });

  it('rejects 5,000 levels of nesting in the parser, with a code', async () => {
    const response = await post(JSON.stringify({ query: `{ ${'viewer { '.repeat(5_000)}${'}'.repeat(5_000)} }` }));
    expect(response.status).toBeLessThan(500);
    expect(codes(await response.json())).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('reports usage of an integration without a SQL warehouse as a typed error on platformUsage', async () => {
    const other = await createTenant(api.prisma);
    await connectEmulator(api.prisma, api.deps.secretBox, {
      customerId: other.customer.id,
      mappings: [{ workspaceId: '1444828305810485', copId: other.cop.id }],
      config: { warehouseId: undefined },
    });
    const result = await api.graphql(
      'query($id: ID!) { cop(id: $id) { name platformUsage { stale } } }',
      { id: other.ids.cop },
      await api.tokenFor(other.users.CUSTOMER_ADMIN.id),
    );
    expect(result.data?.cop.name).toBe(other.cop.name);
    expect(result.errors?.[0]).toMatchObject({
      path: ['cop', 'platformUsage'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('request size and shape limits', () => {
  it('answers 413 with a GraphQL error for a body over the limit, declared or chunked', async () => {
    const declared = await post('x'.repeat(1_000_001), { 'content-length': '1000001' });
    expect(declared.status).toBe(413);
    expect(codes(await declared.json())).toEqual(['PAYLOAD_TOO_LARGE']);
    const chunk = new TextEncoder().encode('x'.repeat(100_000));
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const chunked = await post(stream);
    expect(chunked.status).toBe(413);
    expect(codes(await chunked.json())).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('closes a WebSocket whose message is over the limit (1009), as an HTTP body over it answers 413', async () => {
    const server = await serve(api);
    try {
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(1_000_001) } }));
      expect(await closed).toBe(1009);
    } finally {
      await server.close();
    }
  });

  it('still reads a small chunked body', async () => {
    const body = new TextEncoder().encode(JSON.stringify({ query: '{ __typename }' }));
    const stream = new ReadableStream({ start: (c) => (c.enqueue(body), c.close()) });
    expect(await (await post(stream)).json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses anonymous introspection amplification: many aliases, or __schema twice', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: __schema { types { name } }`).join(' ');
    for (const query of [`{ ${aliases} }`, '{ a: __schema { types { name } } b: __schema { types { name } } }']) {
      const response = await post(JSON.stringify({ query }));
      expect(response.status).toBeLessThan(500);
      const result = await response.json();
      expect(result.data).toBeUndefined();
      expect(codes(result)).toContain('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('still answers GraphiQL’s introspection query', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const result = await (await post(JSON.stringify({ query: getIntrospectionQuery() }))).json();
    expect(result.errors).toBeUndefined();
    expect(result.data.__schema.queryType.name).toBe('Query');
  });
});

describe('audit log', () => {
  it('redacts a secret by its schema position, whatever the variable is called, and logs inline arguments', async () => {
    const pat = `dapi-${crypto.randomUUID()}`;
    const integration = await api.prisma.integration.findFirstOrThrow({ where: { customerId: tenant.customer.id } });
    const { encodeGlobalID } = await import('@pothos/plugin-relay');
    const id = encodeGlobalID('Integration', integration.id);
    await api.graphql(
      'mutation($id: ID!, $pat: String) { updateIntegration(id: $id, input: { secrets: { token: $pat } }) { id } }',
      { id, pat },
      token,
    );
    await api.graphql(`mutation { updateIntegration(id: "${id}", input: { isActive: true }) { id } }`, {}, token);
    const rows = await api.prisma.auditLog.findMany({
      where: { customerId: tenant.customer.id, action: 'updateIntegration' },
      orderBy: { createdAt: 'asc' },
    });
    expect(JSON.stringify(rows)).not.toContain(pat);
    expect(rows.map((row) => [row.entityType, row.entityId, row.details])).toEqual([
      ['Integration', id, { succeeded: true, arguments: { id, input: { secrets: '[redacted]' } } }],
      ['Integration', id, { succeeded: true, arguments: { id, input: { isActive: true } } }],
    ]);
  });
});

describe('sign-in', () => {
  const SIGN_IN =
    'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }';
  const signIn = async (email: string, password: string, address: string) =>
    post(JSON.stringify({ query: SIGN_IN, variables: { email, password } }), {}, address).then((r) => r.json());

  it('refuses an account after repeated failures, even with the right password, and audits the failures', async () => {
    const email = tenant.users.ANALYST.email;
    for (let i = 0; i < 5; i++)
      expect(codes(await signIn(email, `wrong-${i}`, '10.0.0.1'))).toEqual(['UNAUTHENTICATED']);
    const refused = await signIn(email, TEST_PASSWORD, '10.0.0.2');
    expect(refused.data).toBeNull();
    expect(refused.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.errors[0].extensions.retryAfterMs).toBeGreaterThan(0);
    const failures = await api.prisma.auditLog.findMany({ where: { action: 'signIn', actorType: 'anonymous' } });
    const forEmail = failures.filter((row) => JSON.stringify(row.details).includes(email));
    expect(forEmail.length).toBeGreaterThanOrEqual(6);
    expect(forEmail[0]!.details).toMatchObject({ succeeded: false, arguments: { email, password: '[redacted]' } });
    expect(JSON.stringify(failures)).not.toContain(TEST_PASSWORD);
  });

  it('refuses a client address that tries many accounts', async () => {
    for (let i = 0; i < 12; i++) await signIn(`nobody-${i}@example.test`, 'wrong', '10.0.0.3');
    const refused = await signIn(tenant.users.MEMBER.email, TEST_PASSWORD, '10.0.0.3');
    expect(codes(refused)).toEqual(['RATE_LIMITED']);
    const elsewhere = await signIn(tenant.users.MEMBER.email, TEST_PASSWORD, '10.0.0.4');
    expect(elsewhere.data.signIn.token).toEqual(expect.any(String));
  });

  it('takes as long for an unknown e-mail as for a known one (both derive a key)', async () => {
    const time = async (email: string) => {
      const started = performance.now();
      await signIn(email, 'wrong password', `10.1.0.${Math.floor(Math.random() * 250)}`);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(tenant.users.DATA_ENGINEER.email));
      unknown.push(await time(`ghost-${i}@example.test`));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[1]!;
    // The key derivation (~50 ms) dominates both; without it an unknown e-mail answered in a tenth of the time.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });
});

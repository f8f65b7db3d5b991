import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from './support/database-url.js';
import { connectEmulator } from './support/databricks.js';
import { createTenant } from './support/fixtures.js';
import { waitFor } from './support/live-workspace.js';
import { createTestApi } from './support/test-api.js';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const TRACING = fileURLToPath(new URL('../src/tracing.ts', import.meta.url));

interface OtlpSpan {
  traceId: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}
interface OtlpExport {
  resourceSpans: { scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[] }[];
}

const api = createTestApi();
/** A stand-in OpenTelemetry collector: what arrives on `/v1/traces` (OTLP/HTTP, JSON). */
const received: { scope: string; span: OtlpSpan }[] = [];
let collector: Server;
let child: ChildProcess | undefined;

/** The api as its own process, preloaded with tracing the way `npm start` runs it; resolves to its URL. */
async function startTracedApi(env: Record<string, string>): Promise<{ process: ChildProcess; url: string }> {
  const started = spawn(process.execPath, ['--import', 'tsx', '--import', TRACING, MAIN], {
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: testDatabaseUrl(), PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  started.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitFor(async () => output.includes('CoP OS api listening'), 30_000);
  const url = /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1];
  if (!url) throw new Error(`No URL in the api's log: ${output.slice(-500)}`);
  return { process: started, url };
}

beforeAll(async () => {
  collector = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        for (const resource of (JSON.parse(body) as OtlpExport).resourceSpans)
          for (const scope of resource.scopeSpans)
            for (const span of scope.spans) received.push({ scope: scope.scope.name, span });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
}, 60_000);

afterAll(async () => {
  child?.kill('SIGKILL');
  await new Promise((resolve) => collector.close(resolve));
  await api.close();
});

describe('OpenTelemetry traces', () => {
  it('follow one GraphQL request through the HTTP server, GraphQL, PostgreSQL and the call to Databricks', async () => {
    const tenant = await createTenant(api.prisma, 'Traced');
    await connectEmulator(api.prisma, api.deps.secretBox, {
      customerId: tenant.customer.id,
      mappings: [{ workspaceId: '1444828305810485', copId: tenant.cop.id }],
    });
    const { port } = collector.address() as AddressInfo;
    const traced = await startTracedApi({
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    child = traced.process;
    const response = await fetch(`${traced.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await api.tokenFor(tenant.users.DATA_ENGINEER.id)}`,
      },
      body: JSON.stringify({
        query: 'query TracedJobs($id: ID!) { cop(id: $id) { name workspaces { jobs { nodes { jobId } } } } }',
        variables: { id: tenant.ids.cop },
      }),
    });
    const answer = (await response.json()) as { data?: any; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    expect(answer.data.cop.workspaces[0].jobs.nodes.length).toBeGreaterThan(0);

    const serverSpan = () =>
      received.find(({ scope, span }) => scope.includes('instrumentation-http') && span.kind === 2);
    await waitFor(async () => {
      const server = serverSpan();
      if (!server) return false;
      const inTrace = received.filter(({ span }) => span.traceId === server.span.traceId);
      return ['graphql', 'pg', 'undici'].every((name) => inTrace.some(({ scope }) => scope.includes(name)));
    }, 15_000).catch(() => {});
    const server = serverSpan();
    expect(
      server,
      `spans received: ${received.map(({ scope, span }) => `${scope}:${span.name}`).join(', ')}`,
    ).toBeTruthy();
    const trace = received.filter(({ span }) => span.traceId === server!.span.traceId);
    const scopes = new Set(trace.map(({ scope }) => scope));
    expect([...scopes].some((scope) => scope.includes('instrumentation-graphql'))).toBe(true);
    expect([...scopes].some((scope) => scope.includes('instrumentation-pg'))).toBe(true);
    expect([...scopes].some((scope) => scope.includes('instrumentation-undici'))).toBe(true);
    expect(trace.map(({ span }) => span.name)).toContain('graphql.execute TracedJobs');
  }, 60_000);
});

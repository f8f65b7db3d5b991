/**
 * Starts a real emulator over HTTPS for a test: the full app, or only the routes a test mounts (plus the
 * core's OAuth, fault and stats routes). Calls go through undici trusting the generated certificate.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import type { FaultRule } from '../src/faults/rules.js';
import { startCoreServer } from '../src/http/core-server.js';
import type { Route } from '../src/http/types.js';
import type { ScenarioOverrides } from '../src/scenario/types.js';

export interface TestEmulatorOptions {
  /** Mount only these routes; omit to start the full emulator (all services, SQL engine, scenario). */
  routes?: Route[];
  /** Emulated-time speed of the full emulator (default 200, so runs take well under a second or two). */
  speed?: number;
  /** Fault rules active from the start. */
  faults?: FaultRule[];
  /** Changes to the built-in scenario (full emulator only). */
  scenario?: ScenarioOverrides;
  /** OAuth token lifetime (default 3600). */
  oauthTtlSeconds?: number;
  seed?: number;
  /** More personal access tokens to accept, besides `dapi-emulator-token`. */
  extraTokens?: string[];
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

export interface CallOptions {
  /** Bearer token; `null` sends none. Defaults to the emulator's PAT. */
  token?: string | null;
  headers?: Record<string, string>;
  /** Raw body (e.g. form-encoded); JSON-encodes `body` otherwise. */
  rawBody?: string;
  signal?: AbortSignal;
}

export interface TestEmulator {
  url: string;
  token: string;
  caPem: string;
  /** A dispatcher trusting the emulator's certificate. */
  agent: Agent;
  /** One HTTPS call; the answer's JSON is parsed when it is JSON. */
  call(method: string, path: string, body?: unknown, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
}

async function startServer(options: TestEmulatorOptions) {
  const settings = {
    port: 0,
    seed: options.seed ?? 360,
    tokens: ['dapi-emulator-token', ...(options.extraTokens ?? [])],
    clientId: 'emulator-sp',
    clientSecret: 'emulator-sp-secret',
    oauthTtlSeconds: options.oauthTtlSeconds ?? 3600,
  };
  if (options.routes) {
    return startCoreServer({
      settings,
      routes: options.routes,
      faults: options.faults,
    });
  }
  const { startEmulator } = await import('../src/app.js');
  return startEmulator({
    ...settings,
    speed: options.speed ?? 200,
    caFile: join(tmpdir(), `cop-os-emulator-test-${process.pid}-${Date.now()}.pem`),
    faults: options.faults,
    scenario: options.scenario,
    quiet: true,
  });
}

export async function startTestEmulator(options: TestEmulatorOptions = {}): Promise<TestEmulator> {
  const server = await startServer(options);
  const agent = new Agent({ connect: { ca: server.caPem } });
  return {
    url: server.url,
    token: server.token,
    caPem: server.caPem,
    agent,
    async call(method, path, body, callOptions = {}) {
      const token = callOptions.token === undefined ? server.token : callOptions.token;
      const headers: Record<string, string> = { ...callOptions.headers };
      if (token) headers.authorization = `Bearer ${token}`;
      const payload = callOptions.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
      if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
      const response = await request(`${server.url}${path}`, {
        method: method as 'GET',
        headers,
        body: payload,
        dispatcher: agent,
        signal: callOptions.signal,
      });
      const text = await response.body.text();
      const isJson = String(response.headers['content-type'] ?? '').includes('json');
      return { status: response.statusCode, headers: response.headers, body: isJson && text ? JSON.parse(text) : text };
    },
    async close() {
      await agent.close();
      await server.close();
    },
  };
}

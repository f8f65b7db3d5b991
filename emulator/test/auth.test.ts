import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { Route } from '../src/http/types.js';
import { startTestEmulator, type TestEmulator } from './harness.js';

const whoAmI: Route[] = [
  { method: 'GET', path: '/api/2.0/whoami', handler: (req) => req.principal },
  { method: 'GET', path: '/api/2.0/sql/warehouses', handler: () => ({ warehouses: [] }) },
];
const AZURE_SCOPE = '2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default';
const form = (fields: Record<string, string>) => ({
  rawBody: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  token: null,
});
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('personal access tokens', () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ routes: whoAmI, extraTokens: ['dapi-second-token'] });
  });
  afterAll(() => emulator.close());

  it('accepts the default PAT and the extra ones', async () => {
    expect((await emulator.call('GET', '/api/2.0/whoami')).body).toEqual({
      userName: 'admin@cop-os.example.com',
      kind: 'pat',
    });
    expect((await emulator.call('GET', '/api/2.0/whoami', undefined, { token: 'dapi-second-token' })).status).toBe(200);
  });

  it('answers 401 UNAUTHENTICATED without a token and with an unknown one', async () => {
    const missing = await emulator.call('GET', '/api/2.0/whoami', undefined, { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body.error_code).toBe('UNAUTHENTICATED');
    const wrong = await emulator.call('GET', '/api/2.0/whoami', undefined, { token: 'dapi-nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error_code: 'UNAUTHENTICATED', message: 'Invalid access token.' });
  });

  it('reads extra PATs from EMULATOR_TOKENS and rejects ones that are not dapi tokens', () => {
    expect(loadConfig({ EMULATOR_TOKENS: 'dapi-a, dapi-b' }).tokens).toEqual([
      'dapi-emulator-token',
      'dapi-a',
      'dapi-b',
    ]);
    expect(() => loadConfig({ EMULATOR_TOKENS: 'secret' })).toThrow(/must start with "dapi"/);
  });
});

describe('OAuth machine-to-machine', () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ routes: whoAmI, oauthTtlSeconds: 1 });
  });
  afterAll(() => emulator.close());

  const fetchToken = async (extra: Record<string, string> = {}, authorization?: string) => {
    const options = form({ grant_type: 'client_credentials', scope: 'all-apis', ...extra });
    return emulator.call('POST', '/oidc/v1/token', undefined, {
      ...options,
      headers: { ...options.headers, ...(authorization ? { authorization } : {}) },
    });
  };

  it('issues a bearer token for client credentials sent by HTTP Basic, which the API accepts', async () => {
    const discovery = await emulator.call('GET', '/oidc/.well-known/oauth-authorization-server', undefined, {
      token: null,
    });
    expect(discovery.body.token_endpoint).toBe(`${emulator.url}/oidc/v1/token`);
    const res = await fetchToken({}, basic('emulator-sp', 'emulator-sp-secret'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 1, scope: 'all-apis' });
    const me = await emulator.call('GET', '/api/2.0/whoami', undefined, { token: res.body.access_token });
    expect(me.body).toEqual({ userName: 'emulator-sp', kind: 'oauth' });
  });

  it('accepts client credentials as form fields and rejects a wrong secret with invalid_client', async () => {
    expect((await fetchToken({ client_id: 'emulator-sp', client_secret: 'emulator-sp-secret' })).status).toBe(200);
    const wrong = await fetchToken({ client_id: 'emulator-sp', client_secret: 'guess' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
  });

  it('expires tokens after their lifetime (401) and a new token works', async () => {
    const first = (await fetchToken({}, basic('emulator-sp', 'emulator-sp-secret'))).body.access_token;
    expect((await emulator.call('GET', '/api/2.0/whoami', undefined, { token: first })).status).toBe(200);
    await delay(1100);
    const expired = await emulator.call('GET', '/api/2.0/whoami', undefined, { token: first });
    expect(expired.status).toBe(401);
    expect(expired.body.error_code).toBe('UNAUTHENTICATED');
    const second = (await fetchToken({}, basic('emulator-sp', 'emulator-sp-secret'))).body.access_token;
    expect((await emulator.call('GET', '/api/2.0/whoami', undefined, { token: second })).status).toBe(200);
  });

  it('limits a sql-scoped token to the SQL APIs (403 PERMISSION_DENIED elsewhere)', async () => {
    const token = (await fetchToken({ scope: 'sql' }, basic('emulator-sp', 'emulator-sp-secret'))).body.access_token;
    expect((await emulator.call('GET', '/api/2.0/sql/warehouses', undefined, { token })).status).toBe(200);
    const denied = await emulator.call('GET', '/api/2.0/whoami', undefined, { token });
    expect(denied.status).toBe(403);
    expect(denied.body.error_code).toBe('PERMISSION_DENIED');
  });

  it('issues Azure AD tokens for the Azure Databricks scope that the API accepts', async () => {
    const credentials = {
      grant_type: 'client_credentials',
      client_id: 'emulator-sp',
      client_secret: 'emulator-sp-secret',
    };
    const res = await emulator.call(
      'POST',
      '/tenant-123/oauth2/v2.0/token',
      undefined,
      form({ ...credentials, scope: AZURE_SCOPE }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 1 });
    expect((await emulator.call('GET', '/api/2.0/whoami', undefined, { token: res.body.access_token })).status).toBe(
      200,
    );
    const badScope = await emulator.call(
      'POST',
      '/tenant-123/oauth2/v2.0/token',
      undefined,
      form({ ...credentials, scope: 'all-apis' }),
    );
    expect(badScope.status).toBe(400);
    expect(badScope.body.error).toBe('invalid_scope');
  });
});

import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScimService } from '../src/services/scim.js';
import { startTestEmulator, type TestEmulator } from './harness.js';

describe('SCIM Me', () => {
  let emulator: TestEmulator;

  beforeAll(async () => {
    emulator = await startTestEmulator({ routes: createScimService() });
  });
  afterAll(() => emulator.close());

  it('describes the PAT user as a SCIM user', async () => {
    const { status, body } = await emulator.call('GET', '/api/2.0/preview/scim/v2/Me');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      schemas: expect.arrayContaining(['urn:ietf:params:scim:schemas:core:2.0:User']),
      userName: 'admin@cop-os.example.com',
      displayName: 'Admin',
      active: true,
      emails: [{ type: 'work', value: 'admin@cop-os.example.com', primary: true }],
      groups: [expect.objectContaining({ display: 'users' })],
    });
    expect(body.id).toMatch(/^\d{16}$/);
    expect((await emulator.call('GET', '/api/2.0/preview/scim/v2/Me')).body.id).toBe(body.id);
  });

  it('describes an OAuth service principal by its client id', async () => {
    const tokenResponse = await request(`${emulator.url}/oidc/v1/token`, {
      method: 'POST',
      dispatcher: emulator.agent,
      headers: {
        authorization: `Basic ${Buffer.from('emulator-sp:emulator-sp-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials&scope=all-apis',
    });
    const { access_token: accessToken } = (await tokenResponse.body.json()) as { access_token: string };
    const { body } = await emulator.call('GET', '/api/2.0/preview/scim/v2/Me', undefined, { token: accessToken });
    expect(body).toMatchObject({ userName: 'emulator-sp', displayName: 'Emulator Sp', emails: [] });
  });

  it('refuses a call without a token', async () => {
    const { status } = await emulator.call('GET', '/api/2.0/preview/scim/v2/Me', undefined, { token: null });
    expect(status).toBe(401);
  });
});

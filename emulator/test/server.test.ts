import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../src/app.js';
import { DatabricksApiError, RawResponse, type Route } from '../src/http/types.js';
import { startTestEmulator, type TestEmulator } from './harness.js';

const routes: Route[] = [
  {
    method: 'POST',
    path: '/api/2.0/things/:id/echo',
    handler: (req) => ({ id: req.params.id, q: req.query.get('q'), body: req.body, user: req.principal.userName }),
  },
  { method: 'GET', path: '/api/2.0/things/list', handler: () => ({ literal: true }) },
  { method: 'GET', path: '/api/2.0/things/:id', handler: (req) => ({ param: req.params.id }) },
  { method: 'GET', path: '/api/2.0/files/*path', handler: (req) => ({ path: req.params.path }) },
  {
    method: 'GET',
    path: '/api/2.0/things/:id/missing',
    handler: (req) => {
      throw new DatabricksApiError(404, 'RESOURCE_DOES_NOT_EXIST', `Thing ${req.params.id} does not exist.`);
    },
  },
  {
    method: 'GET',
    path: '/api/2.0/boom',
    handler: () => {
      throw new TypeError('a bug in a handler');
    },
  },
  {
    method: 'GET',
    path: '/api/2.0/raw',
    handler: () => new RawResponse(202, 'plain', { 'content-type': 'text/plain' }),
  },
];

describe('the HTTPS core', () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ routes });
  });
  afterAll(() => emulator.close());

  it('routes by method and :param, passing query, JSON body and the caller', async () => {
    const res = await emulator.call('POST', '/api/2.0/things/42/echo?q=yes', { a: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: '42', q: 'yes', body: { a: 1 }, user: 'admin@cop-os.example.com' });
  });

  it('prefers a literal segment over a parameter and matches a trailing wildcard', async () => {
    expect((await emulator.call('GET', '/api/2.0/things/list')).body).toEqual({ literal: true });
    expect((await emulator.call('GET', '/api/2.0/things/7')).body).toEqual({ param: '7' });
    expect((await emulator.call('GET', '/api/2.0/files/a/b%20c/d.csv')).body).toEqual({ path: 'a/b c/d.csv' });
  });

  it('answers an unknown route with 404 ENDPOINT_NOT_FOUND', async () => {
    const res = await emulator.call('GET', '/api/2.0/nothing/here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error_code: 'ENDPOINT_NOT_FOUND',
      message: "No API found for 'GET /api/2.0/nothing/here'",
    });
  });

  it('answers malformed JSON with 400 MALFORMED_REQUEST', async () => {
    const res = await emulator.call('POST', '/api/2.0/things/1/echo', undefined, { rawBody: '{"a":' });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('MALFORMED_REQUEST');
  });

  it('renders a thrown DatabricksApiError with its status and shape', async () => {
    const res = await emulator.call('GET', '/api/2.0/things/9/missing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Thing 9 does not exist.' });
  });

  it('turns any other exception into 500 INTERNAL_ERROR and keeps serving', async () => {
    const res = await emulator.call('GET', '/api/2.0/boom');
    expect(res.status).toBe(500);
    expect(res.body.error_code).toBe('INTERNAL_ERROR');
    expect((await emulator.call('GET', '/api/2.0/things/list')).status).toBe(200);
  });

  it('lets a handler answer with a raw status, body and headers', async () => {
    const res = await emulator.call('GET', '/api/2.0/raw');
    expect(res.status).toBe(202);
    expect(res.body).toBe('plain');
  });

  it('serves a certificate that is only trusted with its CA, for 127.0.0.1 and localhost', async () => {
    await expect(request(`${emulator.url}/api/2.0/things/list`)).rejects.toThrow(/self[- ]signed|certificate/i);
    const viaLocalhost = emulator.url.replace('127.0.0.1', 'localhost');
    const res = await request(`${viaLocalhost}/api/2.0/things/list`, {
      dispatcher: emulator.agent,
      headers: { authorization: `Bearer ${emulator.token}` },
    });
    expect(res.statusCode).toBe(200);
    await res.body.dump();
  });
});

describe('startEmulator (the full app)', () => {
  // Start-up time is measured by `npm start -w emulator` ("Started in … ms"), not asserted in a parallel suite.
  it('writes its CA file and serves the REST routes and the Thrift endpoint on one port', async () => {
    const caFile = join(tmpdir(), `cop-os-emulator-${process.pid}-ca.pem`);
    const emulator = await startEmulator({ port: 0, caFile, quiet: true });
    try {
      expect(await readFile(caFile, 'utf8')).toBe(emulator.caPem);
      expect(emulator.url).toBe(`https://127.0.0.1:${emulator.port}`);
      const { Agent } = await import('undici');
      const dispatcher = new Agent({ connect: { ca: emulator.caPem } });
      const jobs = await request(`${emulator.url}/api/2.2/jobs/list`, {
        dispatcher,
        headers: { authorization: `Bearer ${emulator.token}` },
      });
      expect(jobs.statusCode).toBe(200);
      const names = ((await jobs.body.json()) as { jobs: { settings: { name: string } }[] }).jobs.map(
        (j) => j.settings.name,
      );
      expect(names).toEqual(['PetInsure360 Pipeline', 'CoP OS daily usage collection']);
      // The Thrift endpoint is mounted and authenticated like the REST API.
      const thrift = await request(`${emulator.url}/sql/1.0/warehouses/abc`, { method: 'POST', dispatcher, body: '' });
      expect(thrift.statusCode).toBe(401);
      await thrift.body.dump();
      await dispatcher.close();
    } finally {
      await emulator.close();
    }
  });
});

import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '../src/http/types.js';
import { startTestEmulator, type TestEmulator } from './harness.js';

const notes: string[] = [];
const routes: Route[] = [
  { method: 'GET', path: '/api/2.0/notes', handler: () => ({ notes }) },
  {
    method: 'POST',
    path: '/api/2.0/notes',
    handler: (req) => {
      notes.push((req.body as { text: string }).text);
      return {};
    },
  },
];

describe('emulator views', () => {
  let emulator: TestEmulator;
  let viewUrl: string;
  /** One call to the view, with the emulator's token and certificate. */
  const onView = async (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => {
    const response = await request(`${viewUrl}${path}`, {
      method,
      dispatcher: emulator.agent,
      headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.statusCode, body: (await response.body.json()) as any };
  };

  beforeAll(async () => {
    emulator = await startTestEmulator({ routes });
    const opened = await emulator.call('POST', '/emulator/views', undefined, { token: null });
    viewUrl = opened.body.url;
  });
  afterAll(() => emulator.close());

  it('serves the same state on another port, with the same certificate', async () => {
    expect(new URL(viewUrl).port).not.toBe(new URL(emulator.url).port);
    await onView('POST', '/api/2.0/notes', { text: 'written through the view' });
    expect((await emulator.call('GET', '/api/2.0/notes')).body.notes).toEqual(['written through the view']);
  });

  it("keeps its own fault rules: the view's faults do not touch the emulator, nor the other way round", async () => {
    await onView('POST', '/emulator/faults', { kind: 'error', status: 503, pathPrefix: '/api/2.0/notes' });
    expect((await onView('GET', '/api/2.0/notes')).status).toBe(503);
    expect((await emulator.call('GET', '/api/2.0/notes')).status).toBe(200);
    await onView('DELETE', '/emulator/faults');

    await emulator.call('POST', '/emulator/faults', { kind: 'error', status: 503 }, { token: null });
    expect((await onView('GET', '/api/2.0/notes')).status).toBe(200);
    await emulator.call('DELETE', '/emulator/faults', undefined, { token: null });
  });

  it('counts only the calls it received', async () => {
    await onView('POST', '/emulator/stats/reset');
    await emulator.call('POST', '/emulator/stats/reset', undefined, { token: null });
    await onView('GET', '/api/2.0/notes');
    await onView('GET', '/api/2.0/notes');
    await emulator.call('GET', '/api/2.0/notes');
    expect((await onView('GET', '/emulator/stats')).body.calls).toEqual({ 'GET /api/2.0/notes': 2 });
    expect((await emulator.call('GET', '/emulator/stats', undefined, { token: null })).body.calls).toEqual({
      'GET /api/2.0/notes': 1,
    });
  });
});

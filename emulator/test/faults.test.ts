import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '../src/http/types.js';
import { startTestEmulator, type TestEmulator } from './harness.js';

const routes: Route[] = [
  { method: 'GET', path: '/api/2.2/jobs/list', handler: () => ({ jobs: [] }) },
  { method: 'GET', path: '/api/2.2/jobs/runs/get', handler: (req) => ({ run_id: Number(req.query.get('run_id')) }) },
  { method: 'GET', path: '/api/2.0/clusters/list', handler: () => ({ clusters: [] }) },
];

describe('fault injection', () => {
  let emulator: TestEmulator;
  const addFaults = (body: unknown) => emulator.call('POST', '/emulator/faults', body, { token: null });
  beforeAll(async () => {
    emulator = await startTestEmulator({ routes });
  });
  afterEach(async () => {
    await emulator.call('DELETE', '/emulator/faults', undefined, { token: null });
  });
  afterAll(() => emulator.close());

  it('adds latency, only under the given path prefix', async () => {
    await addFaults({ kind: 'latency', ms: 300, pathPrefix: '/api/2.2/jobs' });
    let startedAt = performance.now();
    expect((await emulator.call('GET', '/api/2.2/jobs/list')).status).toBe(200);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(295);
    startedAt = performance.now();
    await emulator.call('GET', '/api/2.0/clusters/list');
    expect(performance.now() - startedAt).toBeLessThan(250);
  });

  it('answers the next N calls with 429 and Retry-After, then recovers', async () => {
    await addFaults({ kind: 'error', status: 429, count: 2, retryAfterSeconds: 7 });
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await emulator.call('GET', '/api/2.2/jobs/list');
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('7');
      expect(res.body.error_code).toBe('TOO_MANY_REQUESTS');
    }
    expect((await emulator.call('GET', '/api/2.2/jobs/list')).status).toBe(200);
  });

  it('answers 503 TEMPORARILY_UNAVAILABLE for a ratio of calls', async () => {
    await addFaults({ kind: 'error', status: 503, ratio: 0.5 });
    const statuses = await Promise.all(
      Array.from({ length: 40 }, () => emulator.call('GET', '/api/2.2/jobs/list').then((res) => res.status)),
    );
    const failed = statuses.filter((status) => status === 503).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
    const one = await emulator.call('DELETE', '/emulator/faults', undefined, { token: null });
    expect(one.body.rules).toEqual([]);
  });

  it('answers 500 INTERNAL_ERROR for the next call', async () => {
    await addFaults({ kind: 'error', status: 500, count: 1 });
    const res = await emulator.call('GET', '/api/2.2/jobs/list');
    expect(res.status).toBe(500);
    expect(res.body.error_code).toBe('INTERNAL_ERROR');
  });

  it('drops the connection, which the client sees as a socket error', async () => {
    await addFaults({ kind: 'drop', count: 1 });
    await expect(emulator.call('GET', '/api/2.2/jobs/list')).rejects.toThrow(/other side closed|socket|ECONNRESET/i);
    expect((await emulator.call('GET', '/api/2.2/jobs/list')).status).toBe(200);
  });

  it('hangs requests until the faults are cleared, so clients time out', async () => {
    await addFaults({ kind: 'hang' });
    await expect(
      emulator.call('GET', '/api/2.2/jobs/list', undefined, { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow(/abort|timeout/i);
    const pending = emulator.call('GET', '/api/2.2/jobs/runs/get?run_id=5');
    await emulator.call('DELETE', '/emulator/faults', undefined, { token: null });
    expect((await pending).body).toEqual({ run_id: 5 });
  });

  it('rate-limits per token with 429 REQUEST_LIMIT_EXCEEDED and Retry-After', async () => {
    await addFaults({ kind: 'rateLimit', requestsPerSecond: 5 });
    const results = [];
    for (let call = 0; call < 8; call++) results.push(await emulator.call('GET', '/api/2.2/jobs/list'));
    const limited = results.filter((res) => res.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(limited[0].body.error_code).toBe('REQUEST_LIMIT_EXCEEDED');
    expect(Number(limited[0].headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Each token has its own budget: another token is not limited (and is then rejected as unknown).
    expect((await emulator.call('GET', '/api/2.2/jobs/list', undefined, { token: 'dapi-unknown' })).status).toBe(401);
  });

  it('lists active rules with what remains of their count, and rejects invalid ones', async () => {
    await addFaults({
      rules: [
        { kind: 'error', status: 503, count: 3 },
        { kind: 'latency', ms: 10 },
      ],
    });
    await emulator.call('GET', '/api/2.2/jobs/list');
    const listed = await emulator.call('GET', '/emulator/faults', undefined, { token: null });
    expect(listed.body.rules).toEqual([
      { id: expect.any(Number), kind: 'error', status: 503, count: 3, remaining: 2 },
      { id: expect.any(Number), kind: 'latency', ms: 10 },
    ]);
    const invalid = await addFaults({ kind: 'error', status: 418 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error_code).toBe('INVALID_PARAMETER_VALUE');
  });
});

describe('call statistics', () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ routes });
  });
  afterAll(() => emulator.close());

  it('counts calls per method and route pattern, and resets', async () => {
    await emulator.call('POST', '/emulator/stats/reset', undefined, { token: null });
    await emulator.call('GET', '/api/2.2/jobs/runs/get?run_id=1');
    await emulator.call('GET', '/api/2.2/jobs/runs/get?run_id=2');
    await emulator.call('GET', '/api/2.2/jobs/list');
    await emulator.call('GET', '/api/9/unknown');
    const stats = await emulator.call('GET', '/emulator/stats', undefined, { token: null });
    expect(stats.body).toEqual({
      total: 4,
      calls: { 'GET /api/2.2/jobs/list': 1, 'GET /api/2.2/jobs/runs/get': 2, 'GET <unmatched>': 1 },
    });
    await emulator.call('POST', '/emulator/stats/reset', undefined, { token: null });
    expect((await emulator.call('GET', '/emulator/stats', undefined, { token: null })).body).toEqual({
      total: 0,
      calls: {},
    });
  });
});

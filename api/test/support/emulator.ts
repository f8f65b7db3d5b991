import { Agent, request } from 'undici';

/** The emulator the global setup started for this test run, and its admin API (faults, call statistics). */
export function testEmulator() {
  const url = process.env.EMULATOR_URL;
  const token = process.env.EMULATOR_TOKEN;
  if (!url || !token) throw new Error('The emulator is started by the api global setup; run tests through vitest');
  const dispatcher = new Agent();

  async function admin(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<any> {
    const response = await request(`${url}${path}`, {
      method,
      dispatcher,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.body.json();
  }

  return {
    url,
    token,
    /** Adds fault rules (latency, error, drop, hang, rateLimit); see the emulator README. */
    injectFaults: (rules: object[]) => admin('POST', '/emulator/faults', { rules }),
    clearFaults: () => admin('DELETE', '/emulator/faults'),
    /** Changes how a notebook behaves from now on (e.g. `{ path, failureRate: 1, failureMessage }`). */
    setNotebook: (behaviour: { path: string } & Record<string, unknown>) =>
      admin('POST', '/emulator/scenario/notebooks', behaviour),
    resetStats: () => admin('POST', '/emulator/stats/reset'),
    /** Calls received since the last reset, by `METHOD /path/pattern`. */
    stats: () => admin('GET', '/emulator/stats'),
    /** Calls to one route since the last reset (0 when none). */
    async callsTo(routeKey: string): Promise<number> {
      const snapshot = (await admin('GET', '/emulator/stats')) as { calls: Record<string, number> };
      return snapshot.calls[routeKey] ?? 0;
    },
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from './support/database-url.js';

const mainModule = fileURLToPath(new URL('../src/main.ts', import.meta.url));
let child: ChildProcess | undefined;
afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
});

/** Spawns the api process as `npm start` and Docker do; collects its JSON log lines. */
function startApi(env: Record<string, string>) {
  child = spawn(process.execPath, ['--import', 'tsx', mainModule], {
    env: { ...process.env, DATABASE_URL: testDatabaseUrl(), PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, any>[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const listening = new Promise<string>((resolve, reject) => {
    createInterface({ input: child!.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line);
      logs.push(entry);
      if (entry.msg === 'CoP OS api listening') resolve(entry.url);
    });
    child!.once('exit', (code) =>
      reject(new Error(`api exited with ${code}: ${stderr}${JSON.stringify(logs.at(-1))}`)),
    );
  });
  listening.catch(() => undefined);
  return { process: child, logs, listening };
}

describe('api process', () => {
  it('serves /health and /ready, and exits 0 within seconds of SIGTERM', async () => {
    const api = startApi({});
    const url = await api.listening;
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await fetch(`${url}/ready`)).status).toBe(200);

    const stoppedAt = Date.now();
    api.process.kill('SIGTERM');
    const [code] = await once(api.process, 'exit');
    expect(code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    expect(api.logs.map((entry) => entry.msg)).toContain('Stopped');
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('refuses to start in production with the default JWT secret and secrets key', async () => {
    const api = startApi({ NODE_ENV: 'production' });
    const [code] = await once(api.process, 'exit');
    expect(code).toBe(1);
    expect(api.logs.at(-1)).toMatchObject({ level: 60, settings: ['JWT_SECRET', 'SECRETS_KEY'] });
  });
});

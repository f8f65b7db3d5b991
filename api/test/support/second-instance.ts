import { randomUUID } from 'node:crypto';
import type { RunWatcherOptions } from '../../src/runs/watcher.js';
import { serve } from './live-clients.js';
import { createTestApi } from './test-api.js';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * One api instance of a scaled-out deployment: its own app, watcher, instance id and port, sharing the
 * test database and Redis with the other instances.
 */
export async function startInstance(
  name: string,
  watcher: Partial<RunWatcherOptions> = {},
  env: Record<string, string> = {},
) {
  const instanceId = `${name}-${randomUUID().slice(0, 8)}`;
  const api = createTestApi({ REDIS_URL: TEST_REDIS_URL, ...env }, { watcher: { instanceId, ...watcher } });
  const server = await serve(api);
  let serving = true;
  return {
    api,
    instanceId,
    url: server.url,
    watcher: api.deps.runs.watcher,
    /** Stops answering on its port (its subscribers are disconnected); the watcher is left as it is. */
    async stopServing() {
      if (serving) await server.close();
      serving = false;
    },
    async close() {
      await this.stopServing();
      await api.close();
    },
  };
}

export type Instance = Awaited<ReturnType<typeof startInstance>>;

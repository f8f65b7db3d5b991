import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DatabricksRegistry } from '../databricks/registry.js';
import type { PrismaClient } from '../db/prisma.js';
import { createRunPubSub, type RunPubSub } from './pubsub.js';
import { RunWatcher, type RunWatcherOptions } from './watcher.js';

/** The live-run machinery of one api instance: pub/sub (Redis when configured) and the run watcher. */
export interface RunRuntime {
  pubsub: RunPubSub;
  watcher: RunWatcher;
  instanceId: string;
  close(): Promise<void>;
}

export function createRunRuntime(
  deps: { prisma: PrismaClient; registry: DatabricksRegistry; log: Logger },
  options: { redisUrl?: string } & Partial<RunWatcherOptions> = {},
): RunRuntime {
  const instanceId = options.instanceId ?? `api-${randomUUID().slice(0, 8)}`;
  const pubsub = createRunPubSub(options.redisUrl);
  const watcher = new RunWatcher(
    { ...deps, pubsub },
    {
      instanceId,
      activeIntervalMs: options.activeIntervalMs ?? 1_000,
      idleIntervalMs: options.idleIntervalMs ?? 5_000,
      leaseTtlMs: options.leaseTtlMs ?? 15_000,
    },
  );
  return {
    pubsub,
    watcher,
    instanceId,
    close: async () => {
      await watcher.stop();
      await pubsub.close();
    },
  };
}

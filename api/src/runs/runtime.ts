import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DatabricksRegistry } from '../databricks/registry.js';
import type { PrismaClient } from '../db/prisma.js';
import type { JobRun } from '../generated/prisma/client.js';
import { createRunPubSub, type RunPubSub } from './pubsub.js';
import { RunWatcher, type RunWatcherOptions } from './watcher.js';

/** The live-run machinery of one api instance: pub/sub (Redis when configured) and the run watcher. */
export interface RunRuntime {
  pubsub: RunPubSub;
  watcher: RunWatcher;
  instanceId: string;
  /** Run starts in progress on this instance, by idempotency token (see `startRun`). */
  starting: Map<string, Promise<JobRun>>;
  /**
   * Makes the watcher that holds the lease poll now, whichever instance it runs on (through pub/sub), e.g.
   * when a Databricks job notification reached this instance.
   */
  requestPoll(reason: string): void;
  close(): Promise<void>;
}

export function createRunRuntime(
  deps: { prisma: PrismaClient; registry: DatabricksRegistry; log: Logger },
  options: { redisUrl?: string; redisChannelPrefix?: string } & Partial<RunWatcherOptions> = {},
): RunRuntime {
  const instanceId = options.instanceId ?? `api-${randomUUID().slice(0, 8)}`;
  const pubsub = createRunPubSub({
    redisUrl: options.redisUrl,
    channelPrefix: options.redisChannelPrefix,
    onRedisError: (error) => deps.log.warn({ err: error }, 'Redis connection problem'),
  });
  const watcher = new RunWatcher(
    { ...deps, pubsub },
    {
      instanceId,
      activeIntervalMs: options.activeIntervalMs ?? 1_000,
      idleIntervalMs: options.idleIntervalMs ?? 5_000,
      leaseTtlMs: options.leaseTtlMs ?? 15_000,
    },
  );
  const pollRequests = pubsub.subscribe('runs:poll');
  void (async () => {
    for await (const _request of pollRequests) watcher.pollNow();
  })().catch((error: unknown) => deps.log.error({ err: error }, 'poll requests stopped; the watcher keeps its ticks'));
  return {
    pubsub,
    watcher,
    instanceId,
    starting: new Map(),
    requestPoll: (reason) => pubsub.publish('runs:poll', { reason }),
    close: async () => {
      await pollRequests.return?.();
      await watcher.stop();
      await pubsub.close();
    },
  };
}

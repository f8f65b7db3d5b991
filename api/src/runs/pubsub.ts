import { setMaxListeners } from 'node:events';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';

/** What a run event carries to subscribers: enough to order, de-duplicate and display it. */
export interface RunEventMessage {
  id: string;
  jobRunId: string;
  seq: number;
  type: 'RUN_STARTED' | 'RUN_PROGRESS' | 'RUN_COMPLETED' | 'RUN_FAILED' | 'RUN_CANCELED';
  payload: Record<string, unknown>;
  createdAt: string;
}

export interface RunChangedMessage {
  jobRunId: string;
  copId: string | null;
  workspaceMappingId: string;
  type: RunEventMessage['type'];
}

type Topics = {
  /** Every event of one run. */
  'run:event': [jobRunId: string, event: RunEventMessage];
  /** A run of a CoP or workspace changed (for dashboards). */
  'runs:changed': [scope: string, change: RunChangedMessage];
  /** Someone (a webhook) asks every instance to poll now; only the lease holder's poll reaches Databricks. */
  'runs:poll': [request: { reason: string }];
  /** What a viewer (user or service-token id) may do changed: every instance forgets its cached viewer. */
  'viewers:changed': [viewerId: string];
};

export type RunPubSub = ReturnType<typeof createPubSub<Topics>> & { close(): Promise<void> };

/**
 * In-memory pub/sub for one instance; with `redisUrl`, events travel through Redis so a subscriber on
 * one instance hears runs watched by another.
 */
export function createRunPubSub(redisUrl?: string, onRedisError: (error: Error) => void = () => {}): RunPubSub {
  if (!redisUrl) {
    // All subscribers of a run listen to one event name: hundreds of listeners are expected, not a leak.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return Object.assign(createPubSub<Topics>({ eventTarget }), { close: async () => {} });
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  // ioredis reconnects by itself; an 'error' event without a listener would crash the process.
  publishClient.on('error', onRedisError);
  subscribeClient.on('error', onRedisError);
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return Object.assign(createPubSub<Topics>({ eventTarget }), {
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  });
}

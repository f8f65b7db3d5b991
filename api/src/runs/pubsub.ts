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

/** An alert that fired or resolved, whole (subscribers read nothing from the database). Dates are ISO strings. */
export interface AlertMessage {
  id: string;
  customerId: string;
  kind: 'JOB_FAILURES' | 'DAILY_DBU_OVER_BUDGET' | 'SERVING_P95';
  state: 'FIRING' | 'RESOLVED';
  evidence: Record<string, unknown>;
  firedAt: string;
  resolvedAt: string | null;
  updatedAt: string;
}

/**
 * Told to a run's subscribers when Redis is back after an outage: events published meanwhile may never have
 * arrived, so the subscriber reads what it missed from the database.
 */
export interface RunStreamResync {
  resync: true;
}

type Topics = {
  /** Every event of one run. */
  'run:event': [jobRunId: string, event: RunEventMessage | RunStreamResync];
  /** A run of a CoP or workspace changed (for dashboards). */
  'runs:changed': [scope: string, change: RunChangedMessage];
  /** Someone (a webhook) asks every instance to poll now; only the lease holder's poll reaches Databricks. */
  'runs:poll': [request: { reason: string }];
  /** What a viewer (user or service-token id) may do changed: every instance forgets its cached viewer. */
  'viewers:changed': [viewerId: string];
  /** An integration was edited or deleted: every instance drops what it cached from its workspace. */
  'integration:changed': [change: { integrationId: string }];
  /** An alert of a customer fired or resolved. */
  'alerts:changed': [customerId: string, alert: AlertMessage];
};

export type RunPubSub = ReturnType<typeof createPubSub<Topics>> & { close(): Promise<void> };

export interface PubSubOptions {
  /** Redis for events across instances; in-memory (one instance) when unset. */
  redisUrl?: string;
  /** Starts every Redis channel, so deployments sharing one Redis never hear each other. */
  channelPrefix?: string;
  onRedisError?: (error: Error) => void;
}

/**
 * In-memory pub/sub for one instance; with `redisUrl`, events travel through Redis so a subscriber on
 * one instance hears runs watched by another.
 */
export function createRunPubSub({
  redisUrl,
  channelPrefix = '',
  onRedisError = () => {},
}: PubSubOptions = {}): RunPubSub {
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
  const eventTarget = redisEventTarget(publishClient, subscribeClient, channelPrefix, onRedisError);
  return Object.assign(createPubSub<Topics>({ eventTarget }), {
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  });
}

type RedisEventTarget = ReturnType<typeof createRedisEventTarget>;
/** A DOM-style listener: a function or an object with `handleEvent`. */
type Listener = ((event: Event) => void) | { handleEvent(event: Event): void };

const RESYNC: RunStreamResync = { resync: true };
const RUN_EVENT_TOPIC = 'run:event:';

/**
 * yoga's Redis event target, with three changes: every channel name starts with `prefix`; a publish that fails
 * while Redis is away is reported, not left as an unhandled rejection that would end the process; and when the
 * subscriber connection is back after an outage, each run's subscribers are told to resync from the database.
 */
function redisEventTarget(
  publishClient: Redis,
  subscribeClient: Redis,
  prefix: string,
  onError: (error: Error) => void,
) {
  // yoga's target does not catch its SUBSCRIBE/UNSUBSCRIBE calls: while Redis is down they would reject unhandled.
  const target = createRedisEventTarget({
    publishClient,
    subscribeClient: withCaughtSubscriptions(subscribeClient, onError),
  });
  const listeners = new Map<string, Set<Listener>>();
  let connectedBefore = false;
  subscribeClient.on('ready', () => {
    if (connectedBefore) {
      // A SUBSCRIBE that failed during the outage left its channel out of ioredis' automatic re-subscription.
      const channels = [...listeners.keys()].map((topic) => `${prefix}${topic}`);
      if (channels.length > 0) subscribeClient.subscribe(...channels).catch(onError);
      for (const [topic, set] of listeners) {
        if (!topic.startsWith(RUN_EVENT_TOPIC)) continue;
        for (const listener of set) deliver(listener, new CustomEvent(topic, { detail: RESYNC }));
      }
    }
    connectedBefore = true;
  });
  const add = (topic: string, listener: Listener | null) => {
    if (!listener) return;
    listeners.set(topic, (listeners.get(topic) ?? new Set()).add(listener));
    target.addEventListener(`${prefix}${topic}`, listener as never);
  };
  const remove = (topic: string, listener: Listener | null) => {
    if (!listener) return;
    listeners.get(topic)?.delete(listener);
    if (listeners.get(topic)?.size === 0) listeners.delete(topic);
    target.removeEventListener(`${prefix}${topic}`, listener as never);
  };
  const dispatch = (event: CustomEvent) => {
    publishClient
      .publish(`${prefix}${event.type}`, event.detail === undefined ? '' : JSON.stringify(event.detail))
      .catch((error: Error) => onError(error));
    return true;
  };
  return { addEventListener: add, removeEventListener: remove, dispatchEvent: dispatch } as RedisEventTarget;
}

function deliver(listener: Listener, event: Event): void {
  if (typeof listener === 'function') listener(event);
  else listener.handleEvent(event);
}

/** `client` whose `subscribe` and `unsubscribe` report their failures to `onError` instead of rejecting. */
function withCaughtSubscriptions(client: Redis, onError: (error: Error) => void): Redis {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'subscribe' && property !== 'unsubscribe') return value;
      return (...channels: string[]) =>
        (value as (...names: string[]) => Promise<unknown>).apply(target, channels).catch(onError);
    },
  });
}

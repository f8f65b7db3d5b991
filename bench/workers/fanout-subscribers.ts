/**
 * Child process of the `run-fanout` scenario: opens the graphql-ws subscriptions to the runs (so the api's own
 * process only serves them), timestamps every event on receipt and sends the streams back when all completed.
 */
import { performance } from 'node:perf_hooks';
import { fingerprint } from '@cop-os/api/runs/snapshot';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { DeliveredEvent, SubscribeOrder, SubscriberMessage, SubscriptionStream } from './fanout-messages.js';

const RUN_EVENTS = `subscription($runId: ID!) {
  runEvents(runId: $runId) {
    snapshot { id lastSeq }
    event { seq type createdAt state resultState tasks { taskKey state resultState } }
  }
}`;

interface EventItem {
  seq: number;
  type: string;
  createdAt: string;
  state: string | null;
  resultState: string | null;
  tasks: { taskKey: string; state: string; resultState: string | null }[] | null;
}

const send = (message: SubscriberMessage) => process.send!(message);
const now = () => performance.timeOrigin + performance.now();

/** Follows one run on a shared connection; `onSnapshot` fires when the api has attached the subscription. */
function follow(
  client: Client,
  order: SubscribeOrder,
  run: number,
  events: Map<string, DeliveredEvent>,
  onSnapshot: () => void,
): Promise<SubscriptionStream> {
  const stream: SubscriptionStream = { run, received: [] };
  return new Promise((resolve, reject) => {
    client.subscribe<{ runEvents: { snapshot: unknown; event: EventItem | null } }>(
      { query: RUN_EVENTS, variables: { runId: order.runIds[run] } },
      {
        next: ({ data, errors }) => {
          const at = now();
          if (errors || !data) return reject(new Error(JSON.stringify(errors)));
          const event = data.runEvents.event;
          if (!event) return onSnapshot();
          stream.received.push([event.seq, at]);
          const key = `${run}:${event.seq}`;
          if (events.has(key)) return;
          events.set(key, {
            run,
            seq: event.seq,
            type: event.type,
            createdAt: Date.parse(event.createdAt),
            fingerprint: fingerprint(
              event.state ?? '',
              event.resultState,
              (event.tasks ?? []).map((task) => ({ key: task.taskKey, state: task.state, result: task.resultState })),
            ),
          });
        },
        error: (error) => reject(describeError(error)),
        complete: () => resolve(stream),
      },
    );
  });
}

/** graphql-ws reports a closed socket as a CloseEvent (code and reason), which JSON shows as `{}`. */
function describeError(error: unknown): Error {
  if (error instanceof Error) return error;
  const { code, reason } = error as { code?: number; reason?: string };
  return new Error(code === undefined ? JSON.stringify(error) : `socket closed: ${code} ${reason ?? ''}`);
}

async function subscribeAll(order: SubscribeOrder): Promise<void> {
  const clients = Array.from({ length: order.sockets }, () =>
    createClient({
      url: order.graphqlUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${order.token}` },
      retryAttempts: 0,
    }),
  );
  const total = order.runIds.length * order.perRun;
  const events = new Map<string, DeliveredEvent>();
  const started = performance.now();
  let attached = 0;
  const onSnapshot = () => {
    if (++attached === total) send({ kind: 'attached', ms: performance.now() - started });
  };
  try {
    // Subscription i follows run i mod runs on socket i mod sockets: every socket carries every run.
    const streams = await Promise.all(
      Array.from({ length: total }, (_item, i) =>
        follow(clients[i % clients.length]!, order, i % order.runIds.length, events, onSnapshot),
      ),
    );
    send({ kind: 'done', events: [...events.values()], streams });
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
  }
}

process.once('message', (order: SubscribeOrder) => {
  subscribeAll(order)
    .catch((error: Error) => send({ kind: 'failed', error: error.message }))
    .finally(() => process.disconnect());
});

import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type {
  DeliveredEvent,
  PollerMessage,
  PollOrder,
  SubscribeOrder,
  SubscriberMessage,
  SubscriptionStream,
} from '../workers/fanout-messages.js';

const worker = (name: string) => fileURLToPath(new URL(`../workers/${name}.ts`, import.meta.url));

/** Starts a worker under tsx with an IPC channel; rejects `failed` when it reports an error or dies early. */
function startWorker<M extends { kind: string }>(name: string, order: object, onMessage: (message: M) => void) {
  const child: ChildProcess = fork(worker(name), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const failed = new Promise<never>((_resolve, reject) => {
    child.on('message', (message: M) => {
      if (message.kind === 'failed') reject(new Error(`${name}: ${(message as { error?: string }).error}`));
      else onMessage(message);
    });
    child.on('exit', (code) => reject(new Error(`${name} exited (code ${code}) before reporting`)));
  });
  failed.catch(() => {});
  child.send(order);
  return { child, failed };
}

/** Opens the subscriptions in a child process: `attached()` resolves once every snapshot arrived (ms taken). */
export function startSubscribers(order: SubscribeOrder) {
  let attached!: (ms: number) => void;
  let done!: (result: { events: DeliveredEvent[]; streams: SubscriptionStream[] }) => void;
  const attachedP = new Promise<number>((resolve) => (attached = resolve));
  const doneP = new Promise<{ events: DeliveredEvent[]; streams: SubscriptionStream[] }>((resolve) => (done = resolve));
  const { child, failed } = startWorker<SubscriberMessage>('fanout-subscribers', order, (message) => {
    if (message.kind === 'attached') attached(message.ms);
    if (message.kind === 'done') done(message);
  });
  return {
    attached: () => Promise.race([attachedP, failed]),
    done: () => Promise.race([doneP, failed]),
    kill: () => child.kill(),
  };
}

export type PollerResult = Extract<PollerMessage, { kind: 'seen' }>;

/** Polls the emulator in a child process until `stop()`, which resolves with what it saw. */
export function startPoller(order: PollOrder) {
  let seen!: (result: PollerResult) => void;
  const seenP = new Promise<PollerResult>((resolve) => (seen = resolve));
  const { child, failed } = startWorker<PollerMessage>('fanout-poller', order, (message) => {
    if (message.kind === 'seen') seen(message);
  });
  return {
    stop: () => {
      child.send({ kind: 'stop' });
      return Promise.race([seenP, failed]);
    },
    kill: () => child.kill(),
  };
}

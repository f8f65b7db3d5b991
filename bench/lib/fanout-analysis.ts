import type { DeliveredEvent, SubscriptionStream } from '../workers/fanout-messages.js';
import { type Summary, summarize } from './stats.js';

/** `summarize` plus p95, which the fan-out report needs between p50 and p99 (nearest rank, as `summarize`). */
export type LatencySummary = Summary & { p95: number };

export function summarizeWithP95(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { ...summarize(sorted), p95: sorted[Math.max(1, Math.ceil(0.95 * sorted.length)) - 1]! };
}

export interface Deliveries {
  /** Client receipt − `RunEvent.createdAt` (the watcher wrote the event), per delivery, ms. */
  fromWatcher: number[];
  /** Client receipt − first poll that showed the state in the emulator, per delivery, ms. */
  fromEmulator: number[];
  /** `RunEvent.createdAt` − first poll that showed the state, per event, ms: how long the watcher took to notice. */
  watcherLag: number[];
  /** Events written after every subscription was attached, and how many deliveries they should make. */
  events: number;
  expected: number;
  delivered: number;
  /** Deliveries of events written while subscriptions were still attaching (left out of the latencies). */
  duringAttach: number;
  /** Events whose state no poll saw (the state lasted less than a poll). */
  unmatched: number;
  /** Subscriptions whose sequence numbers differ from another subscriber's of the same run. */
  inconsistent: number;
}

/**
 * Latencies and completeness of one phase. `attachedSeq[run]` is the run's last sequence number once every
 * subscription was attached: later events must reach all `perRun` subscribers of the run.
 */
export function analyzeDeliveries(input: {
  events: DeliveredEvent[];
  streams: SubscriptionStream[];
  perRun: number;
  attachedSeq: number[];
  databricksRunIds: string[];
  firstSeen: Record<string, Record<string, number>>;
}): Deliveries {
  const byKey = new Map(input.events.map((event) => [`${event.run}:${event.seq}`, event]));
  const changedAt = (event: DeliveredEvent) => input.firstSeen[input.databricksRunIds[event.run]!]?.[event.fingerprint];
  const measured = input.events.filter((event) => event.seq > input.attachedSeq[event.run]!);
  const result: Deliveries = {
    fromWatcher: [],
    fromEmulator: [],
    watcherLag: [],
    events: measured.length,
    expected: measured.length * input.perRun,
    delivered: 0,
    duringAttach: 0,
    unmatched: measured.filter((event) => changedAt(event) === undefined).length,
    inconsistent: 0,
  };
  for (const event of measured) {
    const seen = changedAt(event);
    if (seen !== undefined) result.watcherLag.push(event.createdAt - seen);
  }
  const reference = new Map<number, string>();
  for (const stream of input.streams) {
    const seqs = stream.received
      .map(([seq]) => seq)
      .filter((seq) => seq > input.attachedSeq[stream.run]!)
      .join(',');
    if ((reference.get(stream.run) ?? seqs) !== seqs) result.inconsistent++;
    reference.set(stream.run, seqs);
    for (const [seq, at] of stream.received) {
      const event = byKey.get(`${stream.run}:${seq}`)!;
      if (seq <= input.attachedSeq[stream.run]!) {
        result.duringAttach++;
        continue;
      }
      result.delivered++;
      result.fromWatcher.push(at - event.createdAt);
      const seen = changedAt(event);
      if (seen !== undefined) result.fromEmulator.push(at - seen);
    }
  }
  return result;
}

/** The api's Databricks calls by route (Jobs 2.2; the poller's 2.1 calls are its own) and its ticks. */
export function apiCalls(calls: Record<string, number>) {
  const api = Object.fromEntries(Object.entries(calls).filter(([route]) => route.includes('/api/2.2/')));
  // A tick with active runs lists them once (20 runs fit one page of 25); idle ticks call nothing.
  return { calls: api, ticks: api['GET /api/2.2/jobs/runs/list'] ?? 0 };
}

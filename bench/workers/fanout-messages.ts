/** What the `run-fanout` scenario and its worker processes tell each other over IPC. */

/** The subscriber worker's orders: subscribe `perRun` times to each run, spread over `sockets` connections. */
export interface SubscribeOrder {
  graphqlUrl: string;
  token: string;
  /** Relay ids of the runs, in the scenario's order. */
  runIds: string[];
  perRun: number;
  sockets: number;
}

/** One event of a run as every subscriber receives it (identical for all subscribers of that run). */
export interface DeliveredEvent {
  run: number;
  seq: number;
  type: string;
  /** When the watcher wrote it (`RunEvent.createdAt`), epoch ms. */
  createdAt: number;
  /** The run's states in the event, as the api fingerprints a Databricks run (`fingerprint`). */
  fingerprint: string;
}

/** One subscription's stream: `[seq, received at (epoch ms, fractional)]` per event, in arrival order. */
export interface SubscriptionStream {
  run: number;
  received: [seq: number, at: number][];
}

export type SubscriberMessage =
  | { kind: 'attached'; ms: number }
  | { kind: 'done'; events: DeliveredEvent[]; streams: SubscriptionStream[] }
  | { kind: 'failed'; error: string };

/** The poller's orders: list the job's runs straight from the emulator every `intervalMs`. */
export interface PollOrder {
  emulatorUrl: string;
  token: string;
  caPem: string;
  jobId: string;
  intervalMs: number;
}

export type PollerMessage =
  | {
      kind: 'seen';
      /** Databricks run id → fingerprint → when a poll first showed it (epoch ms, on receipt). */
      firstSeen: Record<string, Record<string, number>>;
      polls: number;
      /** Round-trip of each poll, ms. */
      roundTrips: number[];
    }
  | { kind: 'failed'; error: string };

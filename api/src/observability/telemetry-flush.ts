/**
 * How the api's shutdown waits for spans still in the batch. Tracing is preloaded as its own module (its own
 * bundle under `npm start`), so the two meet through the global symbol registry, not a shared module instance.
 */
const FLUSH = Symbol.for('cop-os.telemetry-flush');

type Holder = { [FLUSH]?: () => Promise<void> };

export function setTelemetryFlush(flush: () => Promise<void>): void {
  (globalThis as Holder)[FLUSH] = flush;
}

/** Sends what telemetry is pending; nothing to do when tracing is off. */
export async function flushTelemetry(): Promise<void> {
  await (globalThis as Holder)[FLUSH]?.().catch(() => {});
}

/**
 * How the api's shutdown waits for spans still in the batch. The tracing preload and the api import this same
 * module (under `npm start` it sits in a chunk both bundles share), so the preload leaves its flush here.
 */
let flush: (() => Promise<void>) | undefined;

export function setTelemetryFlush(next: () => Promise<void>): void {
  flush = next;
}

/** Sends what telemetry is pending; nothing to do when tracing is off. */
export async function flushTelemetry(): Promise<void> {
  await flush?.().catch(() => {});
}

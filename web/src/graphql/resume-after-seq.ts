/** A subscription payload as graphql-ws sends it (and sends again, the same object, after a reconnect). */
export interface SubscriptionPayload {
  query: string;
  variables?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * The highest sequence number a run stream item carries: an event's `seq` or a snapshot's `lastSeq`
 * (the first item of a stream). Undefined when the result is not a sequenced stream item.
 */
export function deliveredSeq(result: { data?: unknown }): number | undefined {
  for (const item of Object.values(result.data ?? {}) as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { event, snapshot } = item as { event?: { seq?: unknown } | null; snapshot?: { lastSeq?: unknown } | null };
    if (typeof event?.seq === 'number') return event.seq;
    if (typeof snapshot?.lastSeq === 'number') return snapshot.lastSeq;
  }
  return undefined;
}

/**
 * graphql-ws re-sends a subscription's payload object unchanged when it reconnects. For a subscription that
 * takes `afterSeq`, keeping that variable at the last sequence number delivered makes the server resume the
 * stream where it broke off instead of replaying it from the start. Returns the result to forward.
 */
export function advanceAfterSeq<Result extends { data?: unknown }>(
  payload: SubscriptionPayload,
  result: Result,
): Result {
  if (payload.variables && 'afterSeq' in payload.variables) {
    const seq = deliveredSeq(result);
    const current = payload.variables.afterSeq;
    if (seq !== undefined && (typeof current !== 'number' || seq > current)) payload.variables.afterSeq = seq;
  }
  return result;
}

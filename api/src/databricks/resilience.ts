import {
  bulkhead,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleWhen,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
  retry,
  wrap,
} from 'cockatiel';
import { DatabricksError } from './errors.js';
import type { ConnectorStats } from './stats.js';

export interface ResilienceOptions {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** Consecutive failures that open the circuit. */
  breakerThreshold: number;
  /** How long an open circuit waits before letting one trial call through. */
  halfOpenAfterMs: number;
  /** Calls in flight per workspace; more wait in a queue of `maxQueued`. */
  maxConcurrent: number;
  maxQueued: number;
  /** Longest wait a `Retry-After` may impose before we give up instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RESILIENCE: ResilienceOptions = {
  maxAttempts: 3,
  breakerThreshold: 5,
  halfOpenAfterMs: 10_000,
  maxConcurrent: 16,
  maxQueued: 256,
  maxRetryAfterMs: 5_000,
};

/**
 * The policy every call to one workspace runs through: bounded concurrency, then a circuit breaker,
 * then retries with exponential backoff that honour `Retry-After`. Only transient failures count.
 */
export function createWorkspacePolicy(options: ResilienceOptions = DEFAULT_RESILIENCE, stats?: ConnectorStats) {
  const transient = handleWhen((error) => error instanceof DatabricksError && error.retryable);
  const breaker = circuitBreaker(transient, {
    halfOpenAfter: options.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(options.breakerThreshold),
  });
  const retries = retry(transient, {
    maxAttempts: options.maxAttempts - 1,
    backoff: new RetryAfterBackoff(
      new ExponentialBackoff({ initialDelay: 100, maxDelay: 2_000 }),
      options.maxRetryAfterMs,
    ),
  });
  if (stats) {
    retries.onRetry(() => stats.retry());
    breaker.onBreak(() => stats.circuitBreak());
  }
  return { policy: wrap(bulkhead(options.maxConcurrent, options.maxQueued), retries, breaker), breaker };
}

/** Waits what the server asked for (`Retry-After`), else what the fallback backoff says. */
class RetryAfterBackoff implements IBackoffFactory<IRetryBackoffContext<unknown>> {
  constructor(
    private readonly fallback: IBackoffFactory<IRetryBackoffContext<unknown>>,
    private readonly maxMs: number,
  ) {}

  next(context: IRetryBackoffContext<unknown>): IBackoff<IRetryBackoffContext<unknown>> {
    const fallback = this.fallback.next(context);
    const error = 'error' in context.result ? context.result.error : undefined;
    const asked = error instanceof DatabricksError ? error.details.retryAfterMs : undefined;
    const duration = asked === undefined ? fallback.duration : Math.min(asked, this.maxMs);
    return { duration, next: (nextContext) => new RetryAfterBackoff(fallback, this.maxMs).next(nextContext) };
  }
}

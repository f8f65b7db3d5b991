import { setTimeout as delay } from 'node:timers/promises';
import { sendApiError } from '../http/errors.js';
import type { GateContext, RequestGate } from '../http/pipeline.js';
import { DatabricksApiError } from '../http/types.js';
import type { Random } from '../scenario/random.js';
import { RateLimiter } from './rate-limiter.js';
import type { FaultRule } from './rules.js';

interface ActiveRule {
  id: number;
  rule: FaultRule;
  /** Requests this rule still affects when it was given a `count`. */
  remaining?: number;
  limiter?: RateLimiter;
}

const DEFAULT_ERRORS: Record<number, { errorCode: string; message: string }> = {
  429: { errorCode: 'TOO_MANY_REQUESTS', message: 'Too many requests. Please wait a moment and try again.' },
  500: { errorCode: 'INTERNAL_ERROR', message: 'Internal error. Please try again later.' },
  502: { errorCode: 'BAD_GATEWAY', message: 'Bad gateway.' },
  503: { errorCode: 'TEMPORARILY_UNAVAILABLE', message: 'The service is temporarily unavailable.' },
  504: { errorCode: 'DEADLINE_EXCEEDED', message: 'The request timed out.' },
};

/**
 * Injects the faults a flaky or busy workspace shows: latency, error statuses, dropped connections, requests
 * that hang until the faults are cleared, and per-token rate limits.
 */
export class FaultInjector implements RequestGate {
  private rules: ActiveRule[] = [];
  private nextId = 1;
  private releaseHung: Array<() => void> = [];
  /** Aborted by `clear()`: delayed requests carry on at once rather than holding the process for minutes. */
  private delays = new AbortController();

  constructor(private readonly random: Random) {}

  add(rules: FaultRule[]): void {
    for (const rule of rules) {
      const remaining = 'count' in rule ? rule.count : undefined;
      const limiter = rule.kind === 'rateLimit' ? new RateLimiter(rule.requestsPerSecond) : undefined;
      this.rules.push({ id: this.nextId++, rule, remaining, limiter });
    }
  }

  list() {
    return this.rules.map(({ id, rule, remaining }) => ({
      id,
      ...rule,
      ...(remaining === undefined ? {} : { remaining }),
    }));
  }

  /** Removes every rule and lets hung and delayed requests carry on. */
  clear(): void {
    this.rules = [];
    this.delays.abort();
    this.delays = new AbortController();
    for (const release of this.releaseHung) release();
    this.releaseHung = [];
  }

  /** The first rule of `kind` that applies to this request, consuming one of its `count`. */
  private take(kind: FaultRule['kind'], path: string): ActiveRule | undefined {
    const active = this.rules.find(
      ({ rule }) => rule.kind === kind && (rule.pathPrefix === undefined || path.startsWith(rule.pathPrefix)),
    );
    if (!active) return undefined;
    if ('ratio' in active.rule && active.rule.ratio !== undefined && this.random() >= active.rule.ratio)
      return undefined;
    if (active.remaining !== undefined) {
      active.remaining -= 1;
      if (active.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== active);
    }
    return active;
  }

  async admit({ req, res, path, token }: GateContext): Promise<boolean> {
    const latency = this.take('latency', path);
    if (latency?.rule.kind === 'latency')
      await delay(latency.rule.ms, undefined, { signal: this.delays.signal }).catch(() => {});
    if (this.take('hang', path)) {
      await new Promise<void>((resolve) => this.releaseHung.push(resolve));
      if (req.destroyed) return false;
    }
    if (this.take('drop', path)) {
      req.socket.destroy();
      return false;
    }
    const error = this.take('error', path);
    if (error?.rule.kind === 'error') {
      const fallback = DEFAULT_ERRORS[error.rule.status];
      const retryAfter = error.rule.retryAfterSeconds ?? (error.rule.status === 429 ? 1 : undefined);
      const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
      const apiError = new DatabricksApiError(
        error.rule.status,
        error.rule.errorCode ?? fallback.errorCode,
        error.rule.message ?? fallback.message,
      );
      sendApiError(res, apiError, headers);
      return false;
    }
    return this.checkRateLimit(res, path, token);
  }

  private checkRateLimit(res: GateContext['res'], path: string, token: string | undefined): boolean {
    for (const { rule, limiter } of this.rules) {
      if (rule.kind !== 'rateLimit' || !limiter) continue;
      if (rule.pathPrefix !== undefined && !path.startsWith(rule.pathPrefix)) continue;
      const verdict = limiter.take(token ?? 'anonymous');
      if (!verdict.allowed) {
        const message = `The request rate exceeded the limit of ${rule.requestsPerSecond} requests per second for this token.`;
        sendApiError(res, new DatabricksApiError(429, 'REQUEST_LIMIT_EXCEEDED', message), {
          'retry-after': String(verdict.retryAfterSeconds),
        });
        return false;
      }
    }
    return true;
  }
}

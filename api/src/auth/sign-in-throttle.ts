import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterRes,
} from 'rate-limiter-flexible';

/** How many failed sign-ins are tolerated before further attempts are refused for a while. */
export interface SignInThrottleOptions {
  /** Failed attempts on one e-mail address (known or not) per `windowSeconds`; a success resets them. */
  failuresPerAccount: number;
  /** Failed attempts from one client address per `windowSeconds`, over every e-mail it tries. */
  failuresPerAddress: number;
  windowSeconds: number;
  /** Prefix of the Redis keys, so deployments sharing a Redis keep their own counts. */
  keyPrefix: string;
}

const DEFAULTS: SignInThrottleOptions = {
  failuresPerAccount: 10,
  failuresPerAddress: 100,
  windowSeconds: 15 * 60,
  keyPrefix: 'copos:',
};

/**
 * Counts failed sign-ins per account and per client address, in Redis when there is one (so every instance
 * shares the counts) and in memory otherwise. With Redis unreachable it falls back to memory instead of
 * refusing every sign-in.
 */
export class SignInThrottle {
  private readonly byAccount: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;
  private readonly redis: Redis | null;

  constructor(redisUrl: string | undefined, log: Logger, options: Partial<SignInThrottleOptions> = {}) {
    const { failuresPerAccount, failuresPerAddress, windowSeconds, keyPrefix } = { ...DEFAULTS, ...options };
    // Its own connection: a limiter must fail fast (no offline queue) rather than wait behind pub/sub traffic.
    const redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
    redis?.on('error', (error) => log.warn({ err: error }, 'sign-in throttle: Redis unavailable, counting in memory'));
    this.redis = redis;
    const limiter = (keyPrefix: string, points: number) => {
      const memory = new RateLimiterMemory({ keyPrefix, points, duration: windowSeconds });
      return redis
        ? new RateLimiterRedis({
            storeClient: redis,
            keyPrefix,
            points,
            duration: windowSeconds,
            insuranceLimiter: memory,
          })
        : memory;
    };
    this.byAccount = limiter(`${keyPrefix}sign-in:account`, failuresPerAccount);
    this.byAddress = limiter(`${keyPrefix}sign-in:address`, failuresPerAddress);
  }

  /** Milliseconds until another attempt is allowed, or 0 when this account and address may try now. */
  async retryAfterMs(email: string, address: string): Promise<number> {
    const [account, client] = await Promise.all([this.byAccount.get(email), this.byAddress.get(address)]);
    return Math.max(blockedFor(account, this.byAccount.points), blockedFor(client, this.byAddress.points));
  }

  async recordFailure(email: string, address: string): Promise<void> {
    // consume() rejects once the points are spent; that is the state retryAfterMs reads, not an error here.
    await Promise.allSettled([this.byAccount.consume(email), this.byAddress.consume(address)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(email).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

const blockedFor = (state: RateLimiterRes | null, points: number) =>
  state && state.consumedPoints >= points ? state.msBeforeNext : 0;

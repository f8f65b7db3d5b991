import { LRUCache } from 'lru-cache';
import { DatabricksError } from './errors.js';

export interface Remote<T> {
  value: T;
  /** True when Databricks could not be reached and this is the last value we had. */
  stale: boolean;
  fetchedAt: Date;
}

interface Entry {
  value: unknown;
  fetchedAt: number;
  /** Milliseconds the value is fresh; Infinity for values that never change (terminal runs). */
  ttlMs: number;
}

/**
 * Cross-request cache of remote reads. Fresh values are served as they are; a value past its TTL but
 * within twice of it is served at once while one background reload refreshes it (stale-while-revalidate);
 * an older value is reloaded, and if Databricks is unavailable the old value is served marked `stale`.
 */
export class RemoteCache {
  private readonly entries = new LRUCache<string, Entry>({ max: 10_000 });
  private readonly inFlight = new Map<string, Promise<unknown>>();

  /** `now` is injectable so tests can age entries without waiting. */
  constructor(private readonly now: () => number = Date.now) {}

  async read<T>(
    key: string,
    ttlMs: number,
    load: () => Promise<T>,
    keepForever?: (value: T) => boolean,
  ): Promise<Remote<T>> {
    const entry = this.entries.get(key);
    const age = entry ? this.now() - entry.fetchedAt : Number.POSITIVE_INFINITY;
    if (entry && age < entry.ttlMs) return fresh(entry);
    if (entry && age < entry.ttlMs * 2) {
      this.reload(key, ttlMs, load, keepForever).catch(() => {});
      return fresh(entry);
    }
    try {
      const value = await this.reload(key, ttlMs, load, keepForever);
      return { value, stale: false, fetchedAt: new Date(this.now()) };
    } catch (error) {
      const servable = entry && error instanceof DatabricksError && error.retryable;
      if (!servable) throw error;
      return { value: entry.value as T, stale: true, fetchedAt: new Date(entry.fetchedAt) };
    }
  }

  /** The last value read for `key`, whatever its age, marked stale (for a caller out of time); none if never read. */
  lastKnown<T>(key: string): Remote<T> | undefined {
    const entry = this.entries.get(key);
    return entry && { value: entry.value as T, stale: true, fetchedAt: new Date(entry.fetchedAt) };
  }

  /** Drops entries whose key starts with `prefix` (after a write that changes them). */
  invalidate(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  private reload<T>(
    key: string,
    ttlMs: number,
    load: () => Promise<T>,
    keepForever?: (value: T) => boolean,
  ): Promise<T> {
    const pending = this.inFlight.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const started = load()
      .then((value) => {
        const ttl = keepForever?.(value) ? Number.POSITIVE_INFINITY : ttlMs;
        this.entries.set(key, { value, fetchedAt: this.now(), ttlMs: ttl });
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }
}

const fresh = <T>(entry: Entry): Remote<T> => ({
  value: entry.value as T,
  stale: false,
  fetchedAt: new Date(entry.fetchedAt),
});

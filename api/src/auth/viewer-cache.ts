import type { RunPubSub } from '../runs/pubsub.js';
import type { Viewer } from './viewer.js';

export interface ViewerCacheOptions {
  /** How long a looked-up viewer is reused; bounds how stale a change made outside the api can be. Default 30 s. */
  ttlMs?: number;
  /** Most viewers kept; the oldest go first. Default 10,000. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * The viewers behind valid tokens, kept for a short while so that a request with a valid token costs no SQL
 * statement for authentication. Whoever changes what a viewer may do (a user's role or tenant, a deleted user,
 * a revoked service token) calls `invalidate`, which every instance hears through the pub/sub.
 */
export class ViewerCache {
  private readonly entries = new Map<string, { viewer: Promise<Viewer | null>; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private changes?: AsyncIterableIterator<string>;

  constructor(
    private readonly pubsub: RunPubSub,
    options: ViewerCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Starts forgetting what other instances say changed; `close()` stops. */
  listen(onError: (error: unknown) => void): void {
    const changes = this.pubsub.subscribe('viewers:changed');
    this.changes = changes;
    void (async () => {
      for await (const key of changes) this.entries.delete(key);
    })().catch(onError);
  }

  /** The viewer cached under `key` (a user or service-token id), else what `load` finds, cached. */
  get(key: string, load: () => Promise<Viewer | null>): Promise<Viewer | null> {
    const now = this.now();
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > now) return cached.viewer;
    const viewer = load();
    this.entries.delete(key);
    this.entries.set(key, { viewer, expiresAt: now + this.ttlMs });
    // A failed lookup is not an answer: the next request asks again.
    viewer.catch(() => this.entries.delete(key));
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return viewer;
  }

  /** Forgets `key` here at once and on every other instance through the pub/sub. */
  invalidate(key: string): void {
    this.entries.delete(key);
    this.pubsub.publish('viewers:changed', key);
  }

  async close(): Promise<void> {
    await this.changes?.return?.();
  }
}

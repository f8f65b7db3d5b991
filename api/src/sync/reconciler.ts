import type { Logger } from 'pino';
import type { PrismaClient } from '../db/prisma.js';
import { releaseLeases, tryHoldLease } from '../runs/lease.js';

/** One kind of owned resource (datasets, notebooks, pipelines) as the reconciler drives it. */
export interface SyncHandler {
  /** Names the kind in logs. */
  kind: string;
  /** Ids of up to `limit` resources due now (see `dueForSync`). */
  due(now: Date, limit: number): Promise<string[]>;
  /**
   * Brings one resource's Databricks copy in line with its row, or finishes deleting a tombstone, and records
   * the outcome in its sync columns (success or failure); throws only when even that record failed.
   */
  reconcile(id: string): Promise<void>;
}

export interface ReconcilerOptions {
  instanceId: string;
  intervalMs: number;
  leaseTtlMs: number;
  /** Resources of one kind handled per tick. */
  batchSize?: number;
}

/**
 * The lease key: the reconciler is one per deployment, so it holds one deployment-wide lease in the run
 * watcher's lease table (whose key is a free string), the same take-over-on-expiry rule.
 */
const LEASE_KEY = 'sync-reconciler';

/**
 * Converges every owned resource with Databricks: each tick, the instance holding the lease asks every handler
 * for what is due and reconciles it. Retries are spaced by each row's own `syncNextAttemptAt` (back-off),
 * and remote names derive from row ids, so a repeated attempt never creates a second remote object.
 */
export class SyncReconciler {
  private stopped = true;
  private wake?: () => void;
  private pokeRequested = false;
  private loop?: Promise<void>;

  constructor(
    private readonly deps: { prisma: PrismaClient; log: Logger; handlers: SyncHandler[] },
    private readonly options: ReconcilerOptions,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await releaseLeases(this.deps.prisma, this.options.instanceId).catch(() => {});
  }

  /** Reconciles at once instead of at the next tick (after a write queued something). */
  poke(): void {
    this.pokeRequested = true;
    this.wake?.();
  }

  /** One pass under the lease; returns how many resources it reconciled (0 when another instance holds it). */
  async tick(): Promise<number> {
    if (!(await this.holdLease())) return 0;
    let lost = false;
    const renewal = setInterval(
      () =>
        void this.holdLease()
          .then((held) => {
            lost ||= !held;
          })
          // Postgres unreachable is not a lost lease: this pass's writes fail the same way.
          .catch(() => {}),
      Math.max(50, this.options.leaseTtlMs / 3),
    );
    try {
      let done = 0;
      for (const handler of this.deps.handlers) {
        const ids = await handler.due(new Date(), this.options.batchSize ?? 50);
        for (const id of ids) {
          if (lost || this.stopped) return done;
          await handler
            .reconcile(id)
            .catch((error: unknown) =>
              this.deps.log.error({ err: error, kind: handler.kind, id }, 'recording a sync outcome failed'),
            );
          done++;
        }
      }
      return done;
    } finally {
      clearInterval(renewal);
    }
  }

  private holdLease(): Promise<boolean> {
    return tryHoldLease(this.deps.prisma, LEASE_KEY, this.options.instanceId, this.options.leaseTtlMs);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.pokeRequested = false;
      const done = await this.tick().catch((error: unknown) => {
        this.deps.log.error({ err: error }, 'sync reconciler tick failed');
        return 0;
      });
      // A full batch may mean more is due: go on at once.
      if (done === 0) await this.sleep(this.options.intervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.pokeRequested || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

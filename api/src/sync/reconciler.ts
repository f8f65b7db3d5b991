import type { Logger } from 'pino';
import type { PrismaClient } from '../db/prisma.js';
import { LeasedLoop, type PassControl } from '../runs/leased-loop.js';

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
  /** What `/metrics` reports: passes this instance ran under the lease, attempts by kind, unrecorded outcomes. */
  readonly stats = { passes: 0, attempts: new Map<string, number>(), unrecorded: 0 };
  private readonly loop: LeasedLoop;

  constructor(
    private readonly deps: { prisma: PrismaClient; log: Logger; handlers: SyncHandler[] },
    private readonly options: ReconcilerOptions,
  ) {
    this.loop = new LeasedLoop(deps, { ...options, leaseKey: LEASE_KEY }, (control) => this.reconcileDue(control));
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Reconciles at once instead of at the next tick (after a write queued something). */
  poke(): void {
    this.loop.poke();
  }

  /** One pass under the lease; returns how many resources it reconciled (0 when another instance holds it). */
  async tick(): Promise<number> {
    return (await this.loop.tick()).done;
  }

  private async reconcileDue(control: PassControl): Promise<number> {
    this.stats.passes++;
    let done = 0;
    for (const handler of this.deps.handlers) {
      const ids = await handler.due(new Date(), this.options.batchSize ?? 50);
      for (const id of ids) {
        if (control.shouldStop()) return done;
        await handler.reconcile(id).catch((error: unknown) => {
          this.stats.unrecorded++;
          this.deps.log.error({ err: error, kind: handler.kind, id }, 'recording a sync outcome failed');
        });
        this.stats.attempts.set(handler.kind, (this.stats.attempts.get(handler.kind) ?? 0) + 1);
        done++;
      }
    }
    return done;
  }
}

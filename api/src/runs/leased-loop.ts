import type { Logger } from 'pino';
import type { PrismaClient } from '../db/prisma.js';
import { releaseLeases, tryHoldLease } from './lease.js';

export interface LeasedLoopOptions {
  /** The lease's key in the lease table: one holder per key at a time across every instance. */
  leaseKey: string;
  /** This loop's holder name; its own, so stopping it releases no other loop's leases. */
  instanceId: string;
  intervalMs: number;
  leaseTtlMs: number;
}

/** What a pass may ask of its loop: whether it should stop early (lease lost, loop stopping). */
export interface PassControl {
  shouldStop(): boolean;
}

/**
 * A background loop of which one instance of a deployment runs a pass at a time: each tick takes (or renews) a
 * PostgreSQL lease, renews it while the pass runs, and skips the pass when another instance holds it. A holder
 * that dies stops renewing, and the next instance takes over once the lease expires. A pass that did work (> 0)
 * is followed at once by the next (more may be due); otherwise the loop sleeps `intervalMs` or until poked.
 */
export class LeasedLoop {
  private stopped = true;
  /** Set by `stop()`: a pass running then ends early. A pass asked for by `tick()` alone runs to its end. */
  private stopping = false;
  private wake?: () => void;
  private pokeRequested = false;
  private loop?: Promise<void>;

  constructor(
    private readonly deps: { prisma: PrismaClient; log: Logger },
    private readonly options: LeasedLoopOptions,
    private readonly pass: (control: PassControl) => Promise<number>,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await releaseLeases(this.deps.prisma, this.options.instanceId).catch(() => {});
  }

  /** Runs a pass at once instead of at the next tick. */
  poke(): void {
    this.pokeRequested = true;
    this.wake?.();
  }

  /** One pass under the lease; `held: false` (and nothing done) when another instance holds it. */
  async tick(): Promise<{ held: boolean; done: number }> {
    if (!(await this.holdLease())) return { held: false, done: 0 };
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
      return { held: true, done: await this.pass({ shouldStop: () => lost || this.stopping }) };
    } finally {
      clearInterval(renewal);
    }
  }

  private holdLease(): Promise<boolean> {
    return tryHoldLease(this.deps.prisma, this.options.leaseKey, this.options.instanceId, this.options.leaseTtlMs);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.pokeRequested = false;
      const { done } = await this.tick().catch((error: unknown) => {
        this.deps.log.error({ err: error, lease: this.options.leaseKey }, 'leased loop tick failed');
        return { done: 0 };
      });
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

import type { Cron } from 'croner';
import type { Clock } from '../contracts.js';
import type { JobStore } from './job-store.js';
import { quartzCron } from './schedule.js';
import type { Job } from './types.js';

/** How often (wall time) schedules are looked at; fires due meanwhile start at the next look. */
const TICK_MS = 50;

interface NextFire {
  /** The schedule it was computed for: a reset or update that changes it starts over. */
  signature: string;
  cron: Cron;
  at: number | undefined;
}

/**
 * Fires every UNPAUSED scheduled job on its Quartz cron, in its timezone, on the emulated clock (so
 * `EMULATOR_SPEED` speeds schedules up too). As in Databricks, a paused job does not fire, unpausing does not
 * catch up on missed times, and fires that fall within one look start one run (the rest is not backfilled).
 */
export class JobScheduler {
  private readonly next = new Map<number, NextFire>();
  private ticker?: NodeJS.Timeout;

  constructor(private readonly deps: { clock: Clock; jobs: JobStore; fire: (job: Job) => void }) {}

  start(): void {
    this.ticker = setInterval(() => this.tick(), TICK_MS);
    this.ticker.unref();
  }

  stop(): void {
    clearInterval(this.ticker);
  }

  /** Starts the runs that are due now; returns the jobs fired. */
  tick(): Job[] {
    const now = this.deps.clock.now();
    const fired: Job[] = [];
    const active = new Set<number>();
    for (const job of this.deps.jobs.all()) {
      const schedule = job.settings.schedule;
      if (!schedule || schedule.pause_status === 'PAUSED') continue;
      active.add(job.job_id);
      const signature = `${schedule.quartz_cron_expression}\u0000${schedule.timezone_id}`;
      let entry = this.next.get(job.job_id);
      if (entry?.signature !== signature) {
        const cron = quartzCron(schedule);
        entry = { signature, cron, at: nextAfter(cron, now) };
        this.next.set(job.job_id, entry);
      }
      if (entry.at === undefined || now < entry.at) continue;
      entry.at = nextAfter(entry.cron, now);
      this.deps.fire(job);
      fired.push(job);
    }
    // Paused, unscheduled or deleted: forgotten, so an unpause counts from then.
    for (const jobId of this.next.keys()) if (!active.has(jobId)) this.next.delete(jobId);
    return fired;
  }
}

const nextAfter = (cron: Cron, t: number) => cron.nextRun(new Date(t))?.getTime();

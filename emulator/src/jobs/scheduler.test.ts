import { describe, expect, it } from 'vitest';
import type { Clock } from '../contracts.js';
import { deriveRandom } from '../scenario/random.js';
import { IdSequence } from './ids.js';
import { JobStore } from './job-store.js';
import { JobScheduler } from './scheduler.js';
import { normalizeSettings } from './settings.js';
import type { Job } from './types.js';

/** A clock the test moves by hand. */
function manualClock(start: string) {
  let now = Date.parse(start);
  const clock: Clock = { speed: 1, now: () => now, sleep: async () => {} };
  return { clock, set: (iso: string) => (now = Date.parse(iso)) };
}

function setUp(start: string, schedule: Record<string, unknown>) {
  const time = manualClock(start);
  const jobs = new JobStore(new IdSequence(deriveRandom(1, 'ids'), 100));
  const fired: Job[] = [];
  const scheduler = new JobScheduler({ clock: time.clock, jobs, fire: (job) => fired.push(job) });
  const job = jobs.create(normalizeSettings({ name: 'nightly', tasks: [], schedule }), 'me', time.clock.now());
  return { time, scheduler, fired, job };
}

describe('JobScheduler', () => {
  it('fires a Quartz schedule in the job’s timezone, once per fire time', () => {
    // 09:00 on weekdays (Quartz: 2-6 = Monday-Friday) in New York, 14:00 UTC in December.
    const { time, scheduler, fired } = setUp('2026-12-12T13:00:00Z', {
      quartz_cron_expression: '0 0 9 ? * 2-6',
      timezone_id: 'America/New_York',
    });
    expect(scheduler.tick()).toEqual([]);
    // Saturday and Sunday do not fire.
    time.set('2026-12-12T14:00:00Z');
    expect(scheduler.tick()).toEqual([]);
    time.set('2026-12-13T14:00:00Z');
    expect(scheduler.tick()).toEqual([]);
    time.set('2026-12-14T13:59:59Z');
    expect(scheduler.tick()).toEqual([]);
    time.set('2026-12-14T14:00:00Z');
    expect(scheduler.tick()).toHaveLength(1);
    expect(scheduler.tick()).toEqual([]);
    time.set('2026-12-15T14:00:00Z');
    expect(scheduler.tick()).toHaveLength(1);
    expect(fired).toHaveLength(2);
  });

  it('does not fire while paused, and does not catch up after an unpause', () => {
    const { time, scheduler, job } = setUp('2026-12-07T00:00:00Z', {
      quartz_cron_expression: '0 * * * * ?',
      timezone_id: 'UTC',
      pause_status: 'PAUSED',
    });
    scheduler.tick();
    time.set('2026-12-07T00:05:00Z');
    expect(scheduler.tick()).toEqual([]);
    job.settings.schedule!.pause_status = 'UNPAUSED';
    expect(scheduler.tick()).toEqual([]);
    time.set('2026-12-07T00:06:00Z');
    expect(scheduler.tick()).toHaveLength(1);
  });

  it('follows a changed schedule from the moment it changed', () => {
    const { time, scheduler, job } = setUp('2026-12-07T00:00:00Z', {
      quartz_cron_expression: '0 0 12 * * ?',
      timezone_id: 'UTC',
    });
    scheduler.tick();
    job.settings.schedule!.quartz_cron_expression = '*/10 * * * * ?';
    time.set('2026-12-07T00:00:10Z');
    expect(scheduler.tick()).toEqual([]);
    time.set('2026-12-07T00:00:20Z');
    expect(scheduler.tick()).toHaveLength(1);
  });

  it('refuses what Quartz or the timezone database would not accept', () => {
    const create = (schedule: object) => () => normalizeSettings({ name: 'x', tasks: [], schedule });
    expect(create({ quartz_cron_expression: '0 0 25 * * ?', timezone_id: 'UTC' })).toThrow(
      /Invalid quartz_cron_expression/,
    );
    expect(create({ quartz_cron_expression: '0 0 * * *', timezone_id: 'UTC' })).toThrow(/Invalid quartz/);
    expect(create({ quartz_cron_expression: '0 0 1 * * ?', timezone_id: 'Mars/Olympus' })).toThrow(
      /Invalid timezone_id/,
    );
  });
});

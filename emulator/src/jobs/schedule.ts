import { Cron } from 'croner';
import { invalidParameter } from '../http/types.js';
import type { JobSettings } from './types.js';

export type JobSchedule = NonNullable<JobSettings['schedule']>;

/**
 * A job's schedule as the Jobs service reads it: a Quartz expression (seconds first, optional year, `?`,
 * day-of-week 1 = Sunday) in the job's `timezone_id`. Croner reads Quartz with `alternativeWeekdays`.
 */
export function quartzCron(schedule: JobSchedule): Cron {
  try {
    new Intl.DateTimeFormat('en', { timeZone: schedule.timezone_id });
  } catch {
    throw invalidParameter(`Invalid timezone_id: ${schedule.timezone_id}`);
  }
  try {
    return new Cron(schedule.quartz_cron_expression, {
      timezone: schedule.timezone_id,
      mode: '6-or-7-parts',
      alternativeWeekdays: true,
      // Quartz's `start/step` (e.g. `0/15`) is what croner calls a sloppy range.
      sloppyRanges: true,
      paused: true,
    });
  } catch (error) {
    throw invalidParameter(
      `Invalid quartz_cron_expression: ${schedule.quartz_cron_expression} (${(error as Error).message})`,
    );
  }
}

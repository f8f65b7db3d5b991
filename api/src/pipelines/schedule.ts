import { Cron } from 'croner';
import { PipelineError } from './errors.js';

/** A pipeline's schedule as Databricks takes it: a Quartz cron expression in an IANA timezone. */
export interface PipelineSchedule {
  quartzCron: string;
  timezone: string;
  paused: boolean;
}

/**
 * Croner reads Quartz: the seconds field, an optional year, `?`, `L`, `W`, `#`, and (with
 * `alternativeWeekdays`) Quartz's day numbers, 1 = Sunday … 7 = Saturday.
 */
const cronOf = (schedule: Pick<PipelineSchedule, 'quartzCron' | 'timezone'>) =>
  new Cron(schedule.quartzCron, {
    timezone: schedule.timezone,
    mode: '6-or-7-parts',
    alternativeWeekdays: true,
    // Quartz's `start/step` (e.g. `0/15`) is what croner calls a sloppy range.
    sloppyRanges: true,
    paused: true,
  });

/** Checks the timezone and the expression (Quartz needs `?` in one of day-of-month and day-of-week). */
export function checkSchedule(schedule: PipelineSchedule): PipelineSchedule {
  try {
    new Intl.DateTimeFormat('en', { timeZone: schedule.timezone });
  } catch {
    throw new PipelineError(
      'UNKNOWN_TIMEZONE',
      `"${schedule.timezone}" is not an IANA timezone (e.g. Europe/Berlin).`,
      'schedule.timezone',
    );
  }
  const fields = schedule.quartzCron.trim().split(/\s+/);
  const invalid = (why: string) =>
    new PipelineError(
      'INVALID_CRON',
      `"${schedule.quartzCron}" is not a Quartz cron expression: ${why}`,
      'schedule.quartzCron',
    );
  if (fields.length >= 6 && fields[3] !== '?' && fields[5] !== '?') {
    throw invalid('one of day-of-month and day-of-week must be "?".');
  }
  let cron: Cron;
  try {
    cron = cronOf(schedule);
  } catch (error) {
    throw invalid(`${(error as Error).message.replace(/^CronPattern: /, '')}.`);
  }
  if (!cron.nextRun()) throw invalid('it never fires.');
  return { ...schedule, quartzCron: fields.join(' ') };
}

/** The next `count` fire times after `from`; none when paused. */
export function nextFireTimes(schedule: PipelineSchedule, count: number, from = new Date()): Date[] {
  if (schedule.paused) return [];
  return cronOf(schedule).nextRuns(count, from);
}

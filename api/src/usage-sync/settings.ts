import { z } from 'zod';

export const USAGE_SCHEDULES = ['DAILY', 'HOURLY'] as const;
export type UsageSchedule = (typeof USAGE_SCHEDULES)[number];

/**
 * How platform usage is collected for one integration (`Integration.usageCollection`):
 * - `enabled`: whether the schedule collects it at all;
 * - `jobId`: the workspace's usage-collection job (it pushes its report to the usage endpoint); when set the schedule
 *   starts that job instead of reading the system tables itself;
 * - `schedule`: `DAILY` collects each finished day once (from 03:00 UTC, when system tables have settled);
 *   `HOURLY` also refreshes today's figures every hour.
 */
export const jobIdSchema = z
  .string()
  .trim()
  .regex(/^\d{1,19}$/, 'A Databricks job id is a number, e.g. 1001.');

export const usageCollectionSchema = z.object({
  enabled: z.boolean(),
  jobId: jobIdSchema.nullable(),
  schedule: z.enum(USAGE_SCHEDULES),
});

export type UsageCollection = z.infer<typeof usageCollectionSchema>;

/** What an integration without settings does: collect from the system tables once a day. */
export const DEFAULT_USAGE_COLLECTION: UsageCollection = { enabled: true, jobId: null, schedule: 'DAILY' };

/** The stored settings, or the defaults when none (or unreadable ones, written by hand) are stored. */
export function usageCollectionOf(stored: unknown): UsageCollection {
  return usageCollectionSchema.safeParse(stored).data ?? DEFAULT_USAGE_COLLECTION;
}

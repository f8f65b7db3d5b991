import { deriveRandom, randomInt } from '../scenario/random.js';
import type { Scenario } from '../scenario/types.js';
import type { JobsRuntime } from './runtime.js';
import { normalizeSettings } from './settings.js';

const DAY_MS = 24 * 3600_000;

/** The hour (UTC) a quartz expression like `0 0 2 * * ?` fires at, when it names one. */
function scheduledHour(cron: string | undefined): number | undefined {
  const hour = Number(cron?.split(/\s+/)[2]);
  return Number.isInteger(hour) ? hour : undefined;
}

/**
 * Creates the scenario's jobs and their completed history: one run a day going back, at the scheduled hour
 * for scheduled jobs (PERIODIC) and during working hours for the others (ONE_TIME).
 */
export function seedScenarioJobs(runtime: JobsRuntime, scenario: Scenario, seed: number): void {
  const now = runtime.clock.now();
  const today = now - (now % DAY_MS);
  for (const entry of scenario.jobs) {
    const settings = normalizeSettings(entry.settings);
    const job = runtime.jobs.create(settings, entry.creatorUserName, today - (entry.historicRuns + 30) * DAY_MS);
    void runtime.recorder?.recordJob(job);
    const random = deriveRandom(seed, 'history', settings.name);
    const hour = scheduledHour(settings.schedule?.quartz_cron_expression);
    for (let daysAgo = entry.historicRuns; daysAgo >= 1; daysAgo--) {
      const timeOfDay = hour === undefined ? randomInt(random, 6 * 3600_000, 18 * 3600_000) : hour * 3600_000;
      runtime.runner.create({
        jobId: job.job_id,
        runName: settings.name,
        tasks: settings.tasks,
        creatorUserName: entry.creatorUserName,
        runType: 'JOB_RUN',
        trigger: hour === undefined ? 'ONE_TIME' : 'PERIODIC',
        jobClusters: settings.job_clusters as unknown[] | undefined,
        jobParameters: settings.parameters?.map((parameter) => ({ ...parameter, value: parameter.default })),
        createdAt: today - daysAgo * DAY_MS + timeOfDay,
      });
    }
  }
}

import type { PipelineDefinition } from './remote.js';
import type { PipelineSchedule } from './schedule.js';
import type { PipelineTask } from './tasks.js';

/** The pipeline columns that define its job. */
export interface PipelineRow {
  id: string;
  name: string;
  tasks: unknown;
  scheduleCron: string | null;
  scheduleTimezone: string | null;
  schedulePaused: boolean;
}

export const pipelineRowSelect = {
  id: true,
  name: true,
  tasks: true,
  scheduleCron: true,
  scheduleTimezone: true,
  schedulePaused: true,
} as const;

export const scheduleOf = (row: PipelineRow): PipelineSchedule | null =>
  row.scheduleCron
    ? { quartzCron: row.scheduleCron, timezone: row.scheduleTimezone ?? 'UTC', paused: row.schedulePaused }
    : null;

export const tasksOf = (row: Pick<PipelineRow, 'tasks'>) => row.tasks as unknown as PipelineTask[];

export const definitionOf = (row: PipelineRow): PipelineDefinition => ({
  id: row.id,
  name: row.name,
  tasks: tasksOf(row),
  schedule: scheduleOf(row),
});

/** The columns a schedule is stored in (null: runs only when asked). */
export const scheduleColumns = (schedule: PipelineSchedule | null) => ({
  scheduleCron: schedule?.quartzCron ?? null,
  scheduleTimezone: schedule?.timezone ?? null,
  schedulePaused: schedule?.paused ?? false,
});

import type { PipelineTaskType } from '../../gql/graphql';

/** One task as the editor holds it: every field a string, parameters as `name=value` lines. */
export interface TaskDraft {
  key: string;
  type: PipelineTaskType;
  dependsOn: string[];
  notebookPath: string;
  query: string;
  warehouseId: string;
  pythonFile: string;
  parameters: string;
}

export interface ScheduleDraft {
  enabled: boolean;
  quartzCron: string;
  timezone: string;
  paused: boolean;
}

export interface PipelineDraft {
  name: string;
  workspaceId: string;
  tasks: TaskDraft[];
  schedule: ScheduleDraft;
}

export const TASK_TYPES: { type: PipelineTaskType; label: string }[] = [
  { type: 'NOTEBOOK', label: 'Notebook' },
  { type: 'SQL', label: 'SQL query' },
  { type: 'PYTHON', label: 'Python file' },
];

export const newTask = (index: number, dependsOn: string[] = []): TaskDraft => ({
  key: `task_${index + 1}`,
  type: 'NOTEBOOK',
  dependsOn,
  notebookPath: '',
  query: '',
  warehouseId: '',
  pythonFile: '',
  parameters: '',
});

const browserTimezone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const newDraft = (workspaceId: string): PipelineDraft => ({
  name: '',
  workspaceId,
  tasks: [newTask(0)],
  schedule: { enabled: false, quartzCron: '0 0 6 ? * 2-6', timezone: browserTimezone(), paused: false },
});

/** `name=value` per line; blank lines are skipped. */
export function parseParameters(text: string): Record<string, string> | null {
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf('=');
      return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    });
  return entries.length ? Object.fromEntries(entries) : null;
}

const formatParameters = (parameters: unknown) =>
  Object.entries((parameters ?? {}) as Record<string, string>)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');

/** Only the fields of the task's type, as the api wants them (it refuses the others). */
export function taskInput(task: TaskDraft) {
  const fields = {
    NOTEBOOK: { notebookPath: task.notebookPath.trim() },
    SQL: { query: task.query.trim(), warehouseId: task.warehouseId.trim() },
    PYTHON: { pythonFile: task.pythonFile.trim() },
  }[task.type];
  return {
    key: task.key.trim(),
    type: task.type,
    dependsOn: task.dependsOn,
    parameters: parseParameters(task.parameters),
    ...fields,
  };
}

export const scheduleInput = (schedule: ScheduleDraft) =>
  schedule.enabled
    ? { quartzCron: schedule.quartzCron.trim(), timezone: schedule.timezone.trim(), paused: schedule.paused }
    : null;

export const draftInput = (draft: PipelineDraft) => ({
  name: draft.name.trim(),
  tasks: draft.tasks.map(taskInput),
  schedule: scheduleInput(draft.schedule),
});

interface SavedPipeline {
  name: string;
  workspace: { id: string };
  tasks: {
    key: string;
    type: PipelineTaskType;
    dependsOn: string[];
    notebookPath?: string | null;
    query?: string | null;
    warehouseId?: string | null;
    pythonFile?: string | null;
    parameters?: unknown;
  }[];
  schedule?: { quartzCron: string; timezone: string; paused: boolean } | null;
}

export const draftOf = (pipeline: SavedPipeline): PipelineDraft => ({
  name: pipeline.name,
  workspaceId: pipeline.workspace.id,
  tasks: pipeline.tasks.map((task) => ({
    key: task.key,
    type: task.type,
    dependsOn: [...task.dependsOn],
    notebookPath: task.notebookPath ?? '',
    query: task.query ?? '',
    warehouseId: task.warehouseId ?? '',
    pythonFile: task.pythonFile ?? '',
    parameters: formatParameters(task.parameters),
  })),
  schedule: pipeline.schedule ? { enabled: true, ...pipeline.schedule } : { ...newDraft('').schedule, enabled: false },
});

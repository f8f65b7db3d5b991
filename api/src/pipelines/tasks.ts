import { PipelineError } from './errors.js';

export type PipelineTaskType = 'NOTEBOOK' | 'SQL' | 'PYTHON';

/** One task of a pipeline as it is stored (the `tasks` column) and given in the API. */
export interface PipelineTask {
  key: string;
  type: PipelineTaskType;
  dependsOn: string[];
  notebookPath?: string | null;
  parameters?: Record<string, string> | null;
  query?: string | null;
  warehouseId?: string | null;
  pythonFile?: string | null;
}

/** The fields each type needs; the others must be absent, so a task never says two things. */
const REQUIRED: Record<PipelineTaskType, (keyof PipelineTask)[]> = {
  NOTEBOOK: ['notebookPath'],
  SQL: ['query', 'warehouseId'],
  PYTHON: ['pythonFile'],
};
const SPECIFIC: (keyof PipelineTask)[] = ['notebookPath', 'query', 'warehouseId', 'pythonFile'];

/**
 * Checks a pipeline's tasks as Databricks would and more clearly: unique keys, fields that fit each type,
 * dependencies on tasks that exist, and no cycle (named, e.g. "a → b → a"). Returns the tasks in dependency
 * order, which is also the order they are sent in.
 */
export function checkTasks(tasks: PipelineTask[]): PipelineTask[] {
  const byKey = new Map<string, PipelineTask>();
  tasks.forEach((task, index) => {
    if (byKey.has(task.key)) {
      throw new PipelineError('DUPLICATE_TASK_KEY', `Two tasks have the key "${task.key}".`, `tasks.${index}.key`);
    }
    byKey.set(task.key, task);
    checkFields(task, index);
  });
  tasks.forEach((task, index) => {
    const unknown = task.dependsOn.find((key) => !byKey.has(key));
    if (unknown !== undefined) {
      throw new PipelineError(
        'UNKNOWN_DEPENDENCY',
        `Task "${task.key}" depends on "${unknown}", which is not a task of this pipeline.`,
        `tasks.${index}.dependsOn`,
      );
    }
  });
  return topologicalOrder(tasks, byKey);
}

function checkFields(task: PipelineTask, index: number): void {
  const required = REQUIRED[task.type];
  const missing = required.find((field) => !task[field]);
  if (missing) {
    throw new PipelineError(
      'TASK_FIELDS',
      `Task "${task.key}" (${task.type}) needs ${missing}.`,
      `tasks.${index}.${missing}`,
    );
  }
  const extra = SPECIFIC.find((field) => !required.includes(field) && task[field]);
  if (extra) {
    throw new PipelineError(
      'TASK_FIELDS',
      `Task "${task.key}" (${task.type}) takes no ${extra}.`,
      `tasks.${index}.${extra}`,
    );
  }
}

/** Depth-first order; a task met again while its own dependencies are being visited closes a cycle. */
function topologicalOrder(tasks: PipelineTask[], byKey: Map<string, PipelineTask>): PipelineTask[] {
  const ordered: PipelineTask[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (task: PipelineTask) => {
    if (done.has(task.key)) return;
    const seen = path.indexOf(task.key);
    if (seen >= 0) {
      const cycle = [...path.slice(seen), task.key].join(' → ');
      throw new PipelineError('CYCLE', `The tasks depend on each other in a cycle: ${cycle}.`, 'tasks');
    }
    path.push(task.key);
    for (const key of task.dependsOn) visit(byKey.get(key)!);
    path.pop();
    done.add(task.key);
    ordered.push(task);
  };
  for (const task of tasks) visit(task);
  return ordered;
}

export interface PipelineDag {
  nodes: { key: string; type: PipelineTaskType; layer: number }[];
  edges: { from: string; to: string }[];
}

/**
 * The task graph as data: edges from a dependency to its dependent, and each node's layer (0 for tasks
 * that depend on nothing, else one more than its deepest dependency), which is how the editor draws it.
 */
export function dagOf(tasks: PipelineTask[]): PipelineDag {
  const layers = new Map<string, number>();
  for (const task of checkTasks(tasks)) {
    layers.set(task.key, Math.max(-1, ...task.dependsOn.map((key) => layers.get(key) ?? 0)) + 1);
  }
  return {
    nodes: tasks.map((task) => ({ key: task.key, type: task.type, layer: layers.get(task.key)! })),
    edges: tasks.flatMap((task) => task.dependsOn.map((from) => ({ from, to: task.key }))),
  };
}

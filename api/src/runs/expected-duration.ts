import type { JobTaskSettings } from '../databricks/api/jobs.js';
import type { PrismaClient } from '../db/prisma.js';
import type { JobRunKind, PipelineLayer } from '../generated/prisma/client.js';

/** Mean duration of the gateway's last five successful runs of the same kind and layer; null before the first. */
export async function gatewayTypicalDuration(
  prisma: PrismaClient,
  integrationId: string,
  request: { kind: JobRunKind; layer?: PipelineLayer },
): Promise<number | null> {
  const history = await prisma.jobRun.findMany({
    where: {
      integrationId,
      kind: request.kind,
      layer: request.layer ?? null,
      resultState: 'SUCCESS',
      durationMs: { not: null },
    },
    orderBy: { createdAt: 'desc' },
    take: 5,
    select: { durationMs: true },
  });
  if (history.length === 0) return null;
  return Math.round(history.reduce((sum, run) => sum + run.durationMs!, 0) / history.length);
}

/**
 * How long the selected tasks take, from each task's median: the longest chain of dependencies among them
 * (independent tasks run side by side). Null when a task has no history: a partial sum would promise too little.
 */
export function durationFromTaskMedians(tasks: JobTaskSettings[], medians: ReadonlyMap<string, number>): number | null {
  if (tasks.length === 0 || tasks.some((task) => !medians.has(task.task_key))) return null;
  const selected = new Map(tasks.map((task) => [task.task_key, task]));
  const finish = new Map<string, number>();
  const finishOf = (task: JobTaskSettings, path: Set<string>): number => {
    const known = finish.get(task.task_key);
    if (known !== undefined) return known;
    if (path.has(task.task_key)) return 0; // a cycle: Databricks refuses those, so never reached
    path.add(task.task_key);
    const upstream = (task.depends_on ?? [])
      .map((dependency) => selected.get(dependency.task_key))
      .filter((dependency): dependency is JobTaskSettings => dependency !== undefined)
      .map((dependency) => finishOf(dependency, path));
    const value = Math.max(0, ...upstream) + medians.get(task.task_key)!;
    finish.set(task.task_key, value);
    return value;
  };
  return Math.max(...tasks.map((task) => finishOf(task, new Set())));
}

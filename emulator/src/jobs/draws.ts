import { deriveRandom, type Random, randomInt } from '../scenario/random.js';
import type { NotebookBehaviour, Scenario } from '../scenario/types.js';
import type { TaskDraw } from './plan.js';
import type { TaskOutput } from './records.js';
import { SQL_PENDING_MS } from './sql-tasks.js';
import type { TaskSettings } from './types.js';

export interface DrawContext {
  scenario: Scenario;
  seed: number;
  /** Whether a notebook exists in the workspace store. */
  notebookExists: (path: string) => boolean;
  /** What a notebook passes to `dbutils.notebook.exit` as a literal: its output when the scenario gives none. */
  notebookExit?: (path: string) => string | undefined;
  /** Whether an all-purpose cluster already runs (a task on it starts at once). */
  clusterRunning: (clusterId: string) => boolean;
  runAs: string;
  /** Generated history fails at the scenario's history rate on top of each notebook's own. */
  historic?: boolean;
}

const secondsBetween = (random: Random, [min, max]: [number, number]) => randomInt(random, min * 1000, max * 1000);

/** The `dbutils.notebook.exit` JSON of one run: `{min, max}` template values become seeded integers. */
function renderOutput(random: Random, template: NotebookBehaviour['output']): string {
  const values = Object.entries(template ?? {}).map(([key, value]) => [
    key,
    typeof value === 'object' ? randomInt(random, value.min, value.max) : value,
  ]);
  return JSON.stringify(Object.fromEntries(values));
}

function errorTrace(notebookPath: string, message: string): string {
  const exception = message.split(':')[0];
  return [
    '---------------------------------------------------------------------------',
    `${exception}                         Traceback (most recent call last)`,
    `File ${notebookPath}, line 14`,
    '     12 df = spark.read.table(source_table)',
    '---> 14 result = transform(df).write.mode("overwrite").saveAsTable(target_table)',
    '',
    message,
  ].join('\n');
}

/**
 * What each task of one run will do: set-up (a task waits for a cluster that has to start), execution
 * time, output or failure. Seeded by run id and task key, so a run replays identically.
 */
export function drawTasks(
  context: DrawContext,
  runId: number,
  tasks: TaskSettings[],
): { draws: TaskDraw[]; outputs: TaskOutput[] } {
  const { scenario } = context;
  const startedClusters = new Set<string>();
  const draws: TaskDraw[] = [];
  const outputs: TaskOutput[] = [];
  for (const task of tasks) {
    const random = deriveRandom(context.seed, 'run', runId, task.task_key);
    const path = task.notebook_task?.notebook_path;
    const behaviour = (path && scenario.notebooks[path]) || scenario.defaultNotebook;
    // Warm compute (a running cluster, a job cluster an earlier task started, serverless) starts in seconds.
    const warm = task.existing_cluster_id
      ? context.clusterRunning(task.existing_cluster_id)
      : task.job_cluster_key
        ? startedClusters.has(task.job_cluster_key)
        : !task.new_cluster;
    if (task.job_cluster_key) startedClusters.add(task.job_cluster_key);
    const base = {
      taskKey: task.task_key,
      dependsOn: (task.depends_on ?? []).map((dependency) => dependency.task_key),
      setupMs: warm ? randomInt(random, 1000, 3000) : secondsBetween(random, scenario.setupSeconds),
      cleanupMs: secondsBetween(random, scenario.cleanupSeconds),
    };
    const executionMs = secondsBetween(random, behaviour.durationSeconds);
    if (task.sql_task) {
      // Its outcome is its query's, known once the query has run (see sql-tasks.ts).
      draws.push({ ...base, executionMs: SQL_PENDING_MS + executionMs });
      outputs.push({});
      continue;
    }
    if (path && !context.notebookExists(path)) {
      const message = `Unable to access the notebook "${path}". Either it does not exist, or the identity used to run this job, ${context.runAs}, lacks the required permissions.`;
      draws.push({ ...base, executionMs: 1000, failure: { code: 'RESOURCE_NOT_FOUND', message } });
      outputs.push({ error: message });
      continue;
    }
    const failureRate = Math.max(behaviour.failureRate, context.historic ? scenario.historyFailureRate : 0);
    if (behaviour.forceFailure || random() < failureRate) {
      const message = behaviour.failureMessage;
      draws.push({
        ...base,
        executionMs: Math.round(executionMs * (0.2 + 0.6 * random())),
        failure: { code: 'RUN_EXECUTION_ERROR', message },
      });
      outputs.push({ error: message, errorTrace: errorTrace(path ?? task.task_key, message) });
      continue;
    }
    draws.push({ ...base, executionMs });
    const literal = path && !scenario.notebooks[path] ? context.notebookExit?.(path) : undefined;
    outputs.push({ result: literal ?? renderOutput(random, behaviour.output) });
  }
  return { draws, outputs };
}

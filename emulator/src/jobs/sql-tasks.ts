import type { Clock, SqlEngine, SqlParams } from '../contracts.js';
import type { QueryStore } from '../queries/store.js';
import { type PlannedTask, planTasks, type TaskDraw } from './plan.js';
import type { RunRecord, TaskRunRecord } from './records.js';

/**
 * How long a SQL task is planned to execute before its query has run: long enough to hold it (and its
 * dependents) RUNNING until the query's outcome replaces it.
 */
export const SQL_PENDING_MS = 24 * 3600_000;

interface SqlTaskSettings {
  warehouse_id: string;
  query?: { query_id: string };
  parameters?: Record<string, string>;
}

const drawOf = ({ taskKey, dependsOn, setupMs, executionMs, cleanupMs, failure }: PlannedTask): TaskDraw => ({
  taskKey,
  dependsOn,
  setupMs,
  executionMs,
  cleanupMs,
  ...(failure ? { failure } : {}),
});

/**
 * Runs the saved query of each `sql_task` (`query.query_id`, of the Queries API) on the workspace's SQL engine
 * when the task's execution begins (after every task it depends on), then ends the task with the query's
 * outcome: SUCCESS with the row count, or FAILED with the engine's error, and lays the rest of the run out
 * again from there.
 */
export class SqlTaskExecutor {
  private readonly started = new WeakSet<TaskRunRecord>();

  constructor(private readonly deps: { sql: SqlEngine; clock: Clock; queries: Pick<QueryStore, 'get'> }) {}

  advance(run: RunRecord, now: number): void {
    if (run.startedAt === undefined || run.cancel) return;
    for (const task of run.tasks) {
      const settings = task.settings.sql_task as SqlTaskSettings | undefined;
      const plan = task.plan;
      if (!settings || !plan || plan.startTime === undefined || this.started.has(task)) continue;
      const executionStart = plan.startTime + plan.setupMs;
      if (now < executionStart) continue;
      this.started.add(task);
      void this.execute(settings).then((outcome) => {
        plan.executionMs = Math.max(plan.executionMs - SQL_PENDING_MS, this.deps.clock.now() - executionStart, 1);
        if (outcome.error) plan.failure = { code: 'RUN_EXECUTION_ERROR', message: outcome.error };
        task.output = outcome;
        replan(run);
      });
    }
  }

  private async execute(settings: SqlTaskSettings): Promise<{ result?: string; error?: string }> {
    try {
      const saved = this.deps.queries.get(String(settings.query?.query_id));
      if (saved.lifecycle_state === 'TRASHED') throw new Error(`Query ${saved.id} is in the trash.`);
      const params: SqlParams | undefined = settings.parameters;
      const result = await this.deps.sql.execute(saved.query_text, params);
      return { result: JSON.stringify({ row_count: result.rows.length }) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }
}

/** The run's timeline again from its tasks' (changed) draws; finished tasks keep their times. */
function replan(run: RunRecord): void {
  const plans = planTasks(
    run.tasks.map((task) => drawOf(task.plan!)),
    run.startedAt!,
  );
  run.tasks.forEach((task, index) => {
    task.plan = plans[index];
  });
}

import type { SqlEngine } from '../contracts.js';
import { ACCOUNT_ID } from '../sql/system-tables/generation.js';
import type { RunRecord } from './records.js';
import { type StateView, taskStateView } from './run-state.js';
import type { Job } from './types.js';

/** `job_run_timeline.result_state` spells results differently from the Jobs API. */
const TIMELINE_RESULT: Record<string, string> = {
  SUCCESS: 'SUCCEEDED',
  FAILED: 'FAILED',
  CANCELED: 'CANCELLED',
  TIMEDOUT: 'TIMED_OUT',
};

const timelineResult = (view: StateView) =>
  view.state.life_cycle_state === 'SKIPPED' ? 'SKIPPED' : (TIMELINE_RESULT[view.state.result_state ?? ''] ?? 'FAILED');

/**
 * Mirrors the Jobs service into `system.lakeflow`, with plain SQL as any writer would: each job once, each
 * run when it finishes. Columns follow the sql helper's generated tables (sql/system-tables/lakeflow.ts).
 */
export class LakeflowRecorder {
  constructor(
    private readonly sql: SqlEngine,
    private readonly workspaceId: string,
    private readonly log: (message: string, error: unknown) => void = console.error,
  ) {}

  recordJob(job: Job): Promise<void> {
    return this.write(
      `INSERT INTO system.lakeflow.jobs (account_id, workspace_id, job_id, name, creator_id, change_time, run_as)
       VALUES (:account_id, :workspace_id, :job_id, :name, :creator_id, :change_time, :run_as)`,
      {
        account_id: ACCOUNT_ID,
        workspace_id: this.workspaceId,
        job_id: String(job.job_id),
        name: job.settings.name,
        creator_id: job.creator_user_name,
        change_time: new Date(job.created_time).toISOString(),
        run_as: job.run_as_user_name,
      },
    );
  }

  /** The run's row, then one row per task run that started (`job_task_run_timeline`), in one statement. */
  async recordRun(run: RunRecord, view: StateView, now: number): Promise<void> {
    await this.recordJobRun(run, view);
    const started = run.tasks.filter((task) => task.plan?.startTime !== undefined);
    if (started.length === 0) return;
    const params: Record<string, string | null> = {
      account_id: ACCOUNT_ID,
      workspace_id: this.workspaceId,
      job_id: String(run.jobId ?? run.runId),
      job_run_id: String(run.runId),
    };
    const rows = started.map((task, index) => {
      const taskView = taskStateView(run, task, now);
      Object.assign(params, {
        [`run_id_${index}`]: String(task.runId),
        [`start_${index}`]: new Date(task.plan!.startTime!).toISOString(),
        [`end_${index}`]: new Date(taskView.endTime).toISOString(),
        [`task_key_${index}`]: task.settings.task_key,
        [`result_${index}`]: timelineResult(taskView),
        [`code_${index}`]: taskView.status.termination_details?.code ?? null,
      });
      return `(:account_id, :workspace_id, :job_id, :run_id_${index}, :job_run_id, :job_run_id, :start_${index},
               :end_${index}, :task_key_${index}, [], :result_${index}, :code_${index})`;
    });
    await this.write(
      `INSERT INTO system.lakeflow.job_task_run_timeline
         (account_id, workspace_id, job_id, run_id, job_run_id, parent_run_id, period_start_time, period_end_time,
          task_key, compute_ids, result_state, termination_code)
       VALUES ${rows.join(', ')}`,
      params,
    );
  }

  private recordJobRun(run: RunRecord, view: StateView): Promise<void> {
    return this.write(
      `INSERT INTO system.lakeflow.job_run_timeline
         (account_id, workspace_id, job_id, run_id, period_start_time, period_end_time, trigger_type, run_type,
          run_name, result_state, termination_code)
       VALUES (:account_id, :workspace_id, :job_id, :run_id, :period_start_time, :period_end_time, :trigger_type,
          :run_type, :run_name, :result_state, :termination_code)`,
      {
        account_id: ACCOUNT_ID,
        workspace_id: this.workspaceId,
        job_id: String(run.jobId ?? run.runId),
        run_id: String(run.runId),
        period_start_time: new Date(run.createdAt).toISOString(),
        period_end_time: new Date(view.endTime).toISOString(),
        trigger_type: run.trigger === 'PERIODIC' ? 'CRON' : 'ONE_TIME',
        run_type: run.runType,
        run_name: run.runName,
        result_state: timelineResult(view),
        termination_code: view.status.termination_details?.code ?? null,
      },
    );
  }

  private async write(sql: string, params: Record<string, string | null>): Promise<void> {
    try {
      await this.sql.execute(sql, params);
    } catch (error) {
      this.log('emulator: could not record into system.lakeflow', error);
    }
  }
}

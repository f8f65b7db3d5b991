import type { Clock, SqlEngine } from '../contracts.js';
import type { QueryStore } from '../queries/store.js';
import { deriveRandom } from '../scenario/random.js';
import type { Scenario } from '../scenario/types.js';
import { literalExitValue } from '../workspace/notebook-exit.js';
import type { WorkspaceStore } from '../workspace/store.js';
import type { ComputeDirectory } from './compute.js';
import { IdSequence } from './ids.js';
import { JobStore } from './job-store.js';
import { DestinationStore, WebhookNotifier } from './notifications.js';
import { RunStore } from './records.js';
import { RunRunner } from './runner.js';
import { SqlTaskExecutor } from './sql-tasks.js';
import { LakeflowRecorder } from './timeline.js';
import type { WireContext } from './wire.js';

export interface JobsDeps {
  clock: Clock;
  /** Notebook tasks fail when their notebook is missing here. */
  workspace: Pick<WorkspaceStore, 'getNotebook'>;
  /** Finished runs and new jobs are written to `system.lakeflow` when given; SQL tasks run on it. */
  sql?: SqlEngine;
  /** The saved queries SQL tasks name (`sql_task.query.query_id`). */
  queries?: Pick<QueryStore, 'get'>;
  scenario: Scenario;
  seed: number;
  /** The emulator's base URL, known once it listens (for `run_page_url`). */
  host: () => string;
  /** Stops the run lifecycle ticker when aborted. */
  lifetime?: AbortSignal;
  /** All-purpose clusters tasks may name (`existing_cluster_id`). */
  clusterState: ComputeDirectory['clusterState'];
}

/** The Jobs service's state, shared by its job and run routes. */
export interface JobsRuntime {
  clock: Clock;
  jobs: JobStore;
  runs: RunStore;
  runner: RunRunner;
  wire: WireContext;
  recorder?: LakeflowRecorder;
  destinations: DestinationStore;
  compute: ComputeDirectory;
}

export function createJobsRuntime(deps: JobsDeps): JobsRuntime {
  const { clock, scenario, seed } = deps;
  const runs = new RunStore();
  const recorder = deps.sql ? new LakeflowRecorder(deps.sql, scenario.workspaceId) : undefined;
  const destinations = new DestinationStore();
  const runner = new RunRunner({
    clock,
    store: runs,
    runIds: new IdSequence(deriveRandom(seed, 'run-ids'), 500_000_000_000_000),
    draws: {
      scenario,
      seed,
      notebookExists: (path) => deps.workspace.getNotebook(path) !== undefined,
      notebookExit: (path) => literalExitValue(deps.workspace.getNotebook(path)?.content ?? ''),
      clusterRunning: (clusterId) => deps.clusterState(clusterId) === 'RUNNING',
    },
    recorder,
    notifier: new WebhookNotifier(destinations, scenario.workspaceId),
    sqlTasks:
      deps.sql && deps.queries ? new SqlTaskExecutor({ sql: deps.sql, clock, queries: deps.queries }) : undefined,
  });
  runner.start();
  deps.lifetime?.addEventListener('abort', () => runner.stop(), { once: true });
  return {
    clock,
    jobs: new JobStore(new IdSequence(deriveRandom(seed, 'job-ids'), 100_000_000_000_000)),
    runs,
    runner,
    wire: { host: deps.host, workspaceId: scenario.workspaceId },
    recorder,
    destinations,
    compute: { serverless: scenario.serverlessCompute, clusterState: deps.clusterState },
  };
}

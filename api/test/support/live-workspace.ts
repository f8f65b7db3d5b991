import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { connectEmulator } from './databricks.js';
import { testEmulator } from './emulator.js';
import { createTenant } from './fixtures.js';
import type { TestApi } from './test-api.js';

export const EMULATOR_WORKSPACE = '1444828305810485';

export const RUN_EVENTS = `subscription($runId: ID!, $afterSeq: Int) {
  runEvents(runId: $runId, afterSeq: $afterSeq) {
    snapshot { id state }
    event { seq type state currentTask recordsProcessed }
  }
}`;

const RUN_JOB = `mutation($input: RunJobInput!) { runJob(input: $input) { id databricksRunId } }`;

/**
 * A fresh tenant whose workspace is the emulator, with its own job: `steps` chained tasks running a notebook
 * of this tenant that takes exactly `stepSeconds` emulated seconds (so runs last long enough to act during
 * them, without touching the scenario's shared notebooks). With `webhookUrl` the job notifies it on start,
 * success and failure through a notification destination, as a Databricks job would.
 */
export async function createLiveWorkspace(
  api: TestApi,
  options: { steps?: number; stepSeconds?: number; webhookUrl?: string } = {},
) {
  const suffix = randomUUID().slice(0, 8);
  const tenant = await createTenant(api.prisma, 'Live runs');
  const engineer = await api.tokenFor(tenant.users.DATA_ENGINEER.id);
  const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: EMULATOR_WORKSPACE, copId: tenant.cop.id }],
  });
  const rest = api.deps.databricksGateway.registry.forIntegration(integration).rest;

  const notebookPath = `/Shared/copos-tests/step-${suffix}`;
  await rest.post('/api/2.0/workspace/mkdirs', { path: '/Shared/copos-tests' });
  await rest.post('/api/2.0/workspace/import', {
    path: notebookPath,
    format: 'SOURCE',
    language: 'PYTHON',
    content: Buffer.from('dbutils.notebook.exit(\'{"records_processed": 100}\')').toString('base64'),
  });
  const seconds = options.stepSeconds ?? 60;
  await testEmulator().setNotebook({
    path: notebookPath,
    durationSeconds: [seconds, seconds],
    output: { records_processed: 100 },
  });

  const destination = options.webhookUrl
    ? await rest.post<{ id: string }>('/api/2.0/notification-destinations', {
        display_name: `CoP OS ${suffix}`,
        config: { generic_webhook: { url: options.webhookUrl } },
      })
    : undefined;
  const notify = destination && [{ id: destination.id }];
  const steps = Array.from({ length: options.steps ?? 2 }, (_step, index) => `step_${index + 1}`);
  const { job_id: jobId } = await rest.post<{ job_id: number }>('/api/2.2/jobs/create', {
    name: `Live runs ${suffix}`,
    max_concurrent_runs: 100,
    tasks: steps.map((key, index) => ({
      task_key: key,
      notebook_task: { notebook_path: notebookPath },
      ...(index > 0 ? { depends_on: [{ task_key: steps[index - 1] }] } : {}),
    })),
    ...(notify ? { webhook_notifications: { on_start: notify, on_success: notify, on_failure: notify } } : {}),
  });

  const workspaceId = encodeGlobalID('DatabricksWorkspace', integration.workspaceMappings[0]!.id);
  return {
    tenant,
    engineer,
    integration,
    workspaceId,
    jobId: String(jobId),
    steps,
    /** This tenant's notebook, which every step runs (`stepSeconds` long, 100 records). */
    notebookPath,
    /** The emulator's REST API as this tenant's integration reaches it (to act "outside the gateway"). */
    rest,
    /** Starts the job through a gateway instance (any of the instances sharing the database). */
    async runJob(through: TestApi = api, idempotencyKey?: string): Promise<{ id: string; databricksRunId: string }> {
      const input = { workspaceId, jobId: String(jobId), idempotencyKey };
      const result = await through.graphql(RUN_JOB, { input }, engineer);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data?.runJob;
    },
  };
}

/** Event sequence numbers of a `runEvents` stream, after its snapshot. */
export const seqsOf = (items: any[]) => items.slice(1).map((item) => item.runEvents.event.seq as number);

/** 1, 2, …, n: what a stream without gaps or duplicates carries. */
export const consecutive = (n: number) => Array.from({ length: n }, (_value, index) => index + 1);

/** Polls `condition` every 50 ms until it holds; fails after `timeoutMs`. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/**
 * Waits until no run in the database is still followed (runs other test files left running end within
 * seconds at the emulator's speed), so Databricks call counts measure only the caller's runs. The caller's
 * watcher must be running.
 */
export const settleActiveRuns = (api: TestApi) =>
  waitFor(
    async () => (await api.prisma.jobRun.count({ where: { isTerminal: false, databricksRunId: { not: null } } })) === 0,
    20_000,
  );

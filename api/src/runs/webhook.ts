import { z } from 'zod';
import { sameSecret } from '../auth/same-secret.js';
import type { AppDeps } from '../deps.js';
import type { RestRoute } from '../http/rest-route.js';

/**
 * Databricks job notifications (a "generic webhook" notification destination). They carry ids only, no
 * state, so the gateway does not trust or store them: each one just makes the run watcher poll now instead
 * of at its next tick, and the watcher reads the truth with `runs/list` / `runs/get`.
 */
export const jobNotificationSchema = z.object({
  event_type: z.enum([
    'jobs.on_start',
    'jobs.on_success',
    'jobs.on_failure',
    'jobs.on_duration_warning_threshold_exceeded',
  ]),
  workspace_id: z.union([z.string(), z.number()]),
  run: z.object({ run_id: z.number().int().positive() }),
  job: z.object({ job_id: z.number().int(), name: z.string().optional() }).optional(),
  task: z.object({ task_key: z.string() }).loose().optional(),
});

export const jobNotificationRoute: RestRoute = {
  method: 'POST',
  path: '/webhooks/databricks/jobs',
  handle: handleJobNotification,
};

async function handleJobNotification(request: Request, deps: AppDeps): Promise<Response> {
  // Databricks destinations cannot send custom headers, so the secret may also come in the URL.
  const presented = request.headers.get('x-webhook-secret') ?? new URL(request.url).searchParams.get('secret');
  if (!deps.config.WEBHOOK_SECRET || presented === null || !sameSecret(presented, deps.config.WEBHOOK_SECRET)) {
    return Response.json({ error: 'A valid webhook secret is required.' }, { status: 401 });
  }
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return Response.json({ error: 'The body must be JSON.' }, { status: 400 });
  const parsed = jobNotificationSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    return Response.json({ error: 'This is not a Databricks job notification.', issues }, { status: 400 });
  }
  const { event_type: eventType, workspace_id: workspaceId, run } = parsed.data;
  deps.log.debug({ eventType, workspaceId, runId: run.run_id }, 'Databricks job notification');
  deps.runs.requestPoll(`${eventType} ${run.run_id}`);
  return Response.json({ accepted: true }, { status: 202 });
}

import { decodeGlobalID } from '@pothos/plugin-relay';
import type { z } from 'zod';
import { authenticate } from '../auth/authenticate.js';
import type { Viewer } from '../auth/viewer.js';
import type { AppDeps } from '../deps.js';
import { describeError, REST_STATUS } from '../errors.js';
import type { RestRoute } from '../http/rest-route.js';
import { INGEST_ROLES } from './access.js';
import { type IngestionResult, ingestUsage } from './ingest.js';
import { type UsageReport, usageReportSchema } from './report.js';

/** The endpoint the daily Databricks usage-collection job posts to, with a service token. */
export const usageRoute: RestRoute = {
  method: 'POST',
  path: '/api/v1/integrations/databricks/usage',
  handle: handleUsageReport,
};

async function handleUsageReport(request: Request, deps: AppDeps): Promise<Response> {
  const viewer = await authenticate(deps, request.headers.get('authorization'));
  if (!viewer) {
    return Response.json(
      { error: 'A valid service token is required.' },
      { status: 401, headers: { 'www-authenticate': 'Bearer' } },
    );
  }
  if (!INGEST_ROLES.includes(viewer.role)) return forbidden('Your role may not report usage.');

  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return badRequest('The body must be a JSON usage report.', []);
  const parsed = usageReportSchema.safeParse(body);
  if (!parsed.success) return badRequest('The usage report is invalid.', parsed.error.issues);

  const report: UsageReport = {
    ...parsed.data,
    customerId: rawId(parsed.data.customerId, 'Customer'),
    copId: parsed.data.copId && rawId(parsed.data.copId, 'Cop'),
  };

  let result: IngestionResult;
  try {
    result = await ingestUsage(deps.prisma, viewer, report);
  } catch (error) {
    const described = describeError(error);
    if (described) {
      return Response.json(
        { error: described.message, ...described.extensions },
        { status: REST_STATUS[described.code] },
      );
    }
    // The transaction rolled back: nothing of the report is kept, and the job may retry it as it is.
    deps.log.error({ err: error }, 'usage ingestion failed');
    return Response.json({ error: 'The usage report could not be stored; nothing was written.' }, { status: 500 });
  }
  await audit(deps, viewer, report, result);
  return Response.json({ status: 'success', processed: result.processed, cops: result.copIds });
}

/** The job sends raw database ids; API clients may send the global ids they got from GraphQL. */
function rawId(id: string, typename: string): string {
  try {
    const decoded = decodeGlobalID(id);
    return decoded.typename === typename ? decoded.id : id;
  } catch {
    return id;
  }
}

// GraphQL mutations are audited by a yoga plugin; this write does not go through GraphQL, so it audits itself.
function audit(deps: AppDeps, viewer: Viewer, report: UsageReport, result: IngestionResult) {
  return deps.prisma.auditLog
    .create({
      data: {
        customerId: report.customerId,
        actorId: viewer.id,
        actorType: viewer.kind,
        action: 'ingestUsage',
        entityType: 'KpiMetric',
        details: {
          succeeded: true,
          metricDate: report.metricDate.toISOString().slice(0, 10),
          metrics: report.metrics.map((metric) => metric.name),
          ...result,
        },
      },
    })
    .catch((error: unknown) => deps.log.error({ err: error }, 'audit log write failed'));
}

const forbidden = (error: string) => Response.json({ error }, { status: 403 });

const badRequest = (error: string, issues: z.core.$ZodIssue[]) =>
  Response.json(
    { error, issues: issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) },
    { status: 400 },
  );

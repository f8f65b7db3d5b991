import { sameSecret } from '../auth/same-secret.js';
import type { AppDeps } from '../deps.js';
import type { RestRoute } from '../http/rest-route.js';
import { renderMetrics } from './metrics.js';

/** `GET /metrics`, Prometheus' text format; behind a bearer token when `METRICS_TOKEN` is set. */
export const metricsRoute: RestRoute = {
  method: 'GET',
  path: '/metrics',
  async handle(request: Request, deps: AppDeps): Promise<Response> {
    const token = deps.config.METRICS_TOKEN;
    if (token && !sameSecret(request.headers.get('authorization') ?? '', `Bearer ${token}`)) {
      return Response.json(
        { error: 'GET /metrics needs the METRICS_TOKEN bearer token.' },
        { status: 401, headers: { 'www-authenticate': 'Bearer' } },
      );
    }
    return new Response(await renderMetrics(deps.metrics), {
      headers: { 'content-type': deps.metrics.registry.contentType },
    });
  },
};

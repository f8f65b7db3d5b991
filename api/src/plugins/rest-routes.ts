import type { Plugin } from 'graphql-yoga';
import type { AppDeps } from '../deps.js';
import type { RestRoute } from '../http/rest-route.js';
import { metricsRoute } from '../observability/metrics-route.js';
import { jobNotificationRoute } from '../runs/webhook.js';
import { usageRoute } from '../usage/http-route.js';

const routes: RestRoute[] = [usageRoute, jobNotificationRoute, metricsRoute];

/** Answers the REST routes before yoga looks at the request. */
export function useRestRoutes(deps: AppDeps): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const route = routes.find((candidate) => candidate.path === url.pathname);
      if (!route) return;
      if (request.method !== route.method) {
        endResponse(Response.json({ error: `Use ${route.method} for ${route.path}.` }, { status: 405 }));
        return;
      }
      endResponse(await route.handle(request, deps));
    },
  };
}

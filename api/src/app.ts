import type { IncomingMessage } from 'node:http';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { type ConnectionScope, type Context, createContext } from './context.js';
import type { AppDeps } from './deps.js';
import { useGraphqlMetrics } from './observability/graphql-metrics.js';
import { useOperationSpans } from './observability/graphql-spans.js';
import { useAuditLog } from './plugins/audit-log.js';
import { useBodyLimit } from './plugins/body-limit.js';
import { useInputLimits } from './plugins/input-limits.js';
import { createMaskError, yogaLogger } from './plugins/mask-errors.js';
import { useOperationLimits } from './plugins/operation-limits.js';
import { useRestRoutes } from './plugins/rest-routes.js';
import { useServiceScopes } from './plugins/service-scopes.js';
import { useStreamedUploads } from './plugins/streamed-uploads.js';
import { useWebApp } from './plugins/web-app.js';
import { schema } from './schema/index.js';

export type App = ReturnType<typeof buildApp>;

/** The gateway as a fetch handler, independent of the HTTP server that hosts it. */
export function buildApp(deps: AppDeps) {
  const maskError = createMaskError(deps.config.DEBUG_ERRORS);
  return createYoga<{ authorization?: string | null; connection?: ConnectionScope; req?: IncomingMessage }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Yoga's own cap (25 MB by default) would refuse dataset uploads below DATASET_MAX_BYTES; the two limits that
    // matter are ours: useBodyLimit for plain bodies, useStreamedUploads per file part.
    maxRequestBodySize: deps.config.DATASET_MAX_BYTES + deps.config.MAX_BODY_BYTES,
    graphiql: { title: 'CoP OS GraphQL', subscriptionsProtocol: 'WS' },
    logging: yogaLogger(deps.log, maskError),
    maskedErrors: {
      maskError,
      isDev: deps.config.DEBUG_ERRORS,
    },
    context: ({ request, authorization, connection, req }) =>
      // WebSocket connections pass the token from connection params; HTTP from the header.
      createContext(
        deps,
        authorization ?? request?.headers.get('authorization'),
        connection,
        req?.socket?.remoteAddress,
      ),
    plugins: [
      useBodyLimit(deps.config.MAX_BODY_BYTES),
      useStreamedUploads({
        tempDir: deps.datasets.spoolDir,
        maxFileBytes: deps.config.DATASET_MAX_BYTES,
        maxFieldBytes: deps.config.MAX_BODY_BYTES,
      }),
      useGraphqlMetrics(deps.metrics.registry),
      // With tracing off there is nothing to record: the hot path does not pay for building no-op spans.
      ...(deps.config.OTEL_EXPORTER_OTLP_ENDPOINT ? [useOperationSpans()] : []),
      deps.metrics.operations.plugin(),
      useOperationLimits(),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          await deps.prisma.$queryRaw`SELECT 1`;
        },
      }),
      useRestRoutes(deps),
      useWebApp(deps.config.WEB_DIST_DIR),
      useInputLimits(),
      useServiceScopes(),
      useAuditLog(),
    ],
  });
}

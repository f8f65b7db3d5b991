import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { setTelemetryFlush } from './telemetry-flush.js';

/**
 * Sends spans over OTLP/HTTP to `endpoint` (the collector's base URL; `/v1/traces` is added, as the OTel
 * specification says for OTEL_EXPORTER_OTLP_ENDPOINT): one trace per request across the HTTP server, GraphQL
 * (parse, validate, execute; resolvers only when they do I/O of their own), PostgreSQL statements and the
 * calls to Databricks (undici). Spans leave in batches, off the request path; the rest of the OTEL_* variables
 * (headers, service name, sampler) are read by the SDK itself.
 */
export function startTracing(endpoint: string): void {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME ?? 'cop-os-api' }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }), {
        scheduledDelayMillis: Number(process.env.OTEL_BSP_SCHEDULE_DELAY ?? 5_000),
      }),
    ],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Health and readiness probes and the metrics scrape would drown the traces that matter.
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => /^\/(health|ready|metrics)\b/.test(request.url ?? ''),
      }),
      new UndiciInstrumentation(),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
    ],
  });
  // Spans still in the batch go out before the process ends: the api's shutdown waits for this.
  setTelemetryFlush(() => provider.shutdown());
}

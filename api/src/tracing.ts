// OpenTelemetry traces, preloaded before the api: `node --import ./api/src/tracing.ts api/src/main.ts` (npm start
// and the Docker image do this). Instrumentation must hook `http`, `undici`, `pg` and `graphql` before the api
// imports them, so this runs first. With OTEL_EXPORTER_OTLP_ENDPOINT unset it returns at once and loads nothing:
// tracing off costs one tiny module.
//
// The SDK's trace packages rather than `@opentelemetry/sdk-node`: that one also brings the gRPC and protobuf
// exporters for traces, metrics and logs (~90 packages) where OTLP/HTTP traces need ~40.
import { register } from 'node:module';

const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
if (endpoint) {
  // ESM imports are hooked through import-in-the-middle, CommonJS requires through require-in-the-middle.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const { startTracing } = await import('./observability/tracing.js');
  startTracing(endpoint);
}

import { createCounter, createHistogram, createSummary, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import { BoundedLabel } from './bounded-label.js';

/** Distinct operation names kept as label values; the rest are `_other` (see `BoundedLabel`). */
const MAX_OPERATION_NAMES = 500;

/**
 * GraphQL operation metrics (envelop's Prometheus plugin) on the app's registry: durations (a histogram per
 * operation type, count and sum per operation), errors per operation, phase and `extensions.code`, and HTTP
 * request durations. No label carries a URL or a
 * field path, so what clients send cannot grow the series without bound.
 */
export function useGraphqlMetrics(registry: Registry): Plugin {
  const operationNames = new BoundedLabel(MAX_OPERATION_NAMES);
  const operation = (params: { operationName?: string; operationType?: string }) => ({
    operationName: operationNames.value(params.operationName),
    operationType: params.operationType ?? 'unknown',
  });
  return usePrometheus({
    registry,
    endpoint: false,
    skipIntrospection: true,
    labels: { url: false, path: false },
    metrics: {
      // Percentiles from one histogram per operation type; per operation name only a count and a sum (mean
      // latency): buckets per name would multiply the series a scrape must render by 14.
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_envelop_request_duration',
          help: 'Time to execute a GraphQL operation (seconds), by operation type.',
          labelNames: ['operationType'] as const,
        },
        fillLabelsFn: (params) => ({ operationType: params.operationType ?? 'unknown' }),
      }),
      graphql_envelop_request_time_summary: createSummary({
        registry,
        summary: {
          name: 'graphql_envelop_request_time_summary',
          help: 'Time to execute a GraphQL operation (seconds), by operation: count and sum.',
          labelNames: ['operationName', 'operationType'] as const,
          percentiles: [],
        },
        fillLabelsFn: operation,
      }),
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_error_result',
          help: 'Errors in GraphQL responses, by operation, phase and error code.',
          labelNames: ['operationName', 'operationType', 'phase', 'code'] as const,
        },
        fillLabelsFn: (params) => ({
          ...operation(params),
          phase: params.errorPhase ?? 'execute',
          code: errorCode(params.error),
        }),
      }),
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_yoga_http_duration',
          help: 'Time to answer a GraphQL HTTP request (seconds), by method and status.',
          labelNames: ['method', 'statusCode'] as const,
        },
        fillLabelsFn: ({ request, response }) => ({
          method: request.method,
          statusCode: response.status,
        }),
      }),
      // Phases, summaries and counters the plugin would otherwise add too: the durations above say what matters
      // at a fraction of the series (a summary's quantiles are computed on every scrape).
      graphql_envelop_request: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
      graphql_envelop_execute_resolver: false,
    },
  });
}

function errorCode(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

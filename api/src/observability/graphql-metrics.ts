import { createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';

/**
 * GraphQL metrics of envelop's Prometheus plugin on the app's registry: a duration histogram per operation type
 * and HTTP request durations by method and status. No label carries a URL or a field path, so what clients send
 * cannot grow the series without bound. Per-operation figures are `OperationMetrics`'.
 */
export function useGraphqlMetrics(registry: Registry): Plugin {
  return usePrometheus({
    registry,
    endpoint: false,
    skipIntrospection: true,
    labels: { url: false, path: false },
    metrics: {
      // Percentiles from one histogram per operation type; per operation name, `OperationMetrics` counts requests,
      // time and errors (buckets per name would multiply the series a scrape must render by 14).
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_envelop_request_duration',
          help: 'Time to execute a GraphQL operation (seconds), by operation type.',
          labelNames: ['operationType'] as const,
        },
        fillLabelsFn: (params) => ({ operationType: params.operationType ?? 'unknown' }),
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
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_error_result: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
      graphql_envelop_execute_resolver: false,
    },
  });
}

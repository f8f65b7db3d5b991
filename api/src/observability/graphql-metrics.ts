import { createCounter, createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import { BoundedLabel } from './bounded-label.js';

/** Distinct operation names kept as label values; the rest are `_other` (see `BoundedLabel`). */
const MAX_OPERATION_NAMES = 500;

/**
 * GraphQL operation metrics (envelop's Prometheus plugin) on the app's registry: duration per operation and
 * errors per operation, phase and `extensions.code`, plus HTTP request durations. No label carries a URL or a
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
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_envelop_request_duration',
          help: 'Time to execute a GraphQL operation (seconds), by operation.',
          labelNames: ['operationName', 'operationType'] as const,
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
      graphql_yoga_http_duration: true,
    },
  });
}

function errorCode(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

import { SpanStatusCode, trace } from '@opentelemetry/api';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const tracer = trace.getTracer('cop-os-graphql');

/**
 * One span per executed operation, named after it (`graphql.execute TracedJobs`), with the statements and
 * Databricks calls its resolvers make as children. Yoga executes through its own executor, which the graphql
 * instrumentation does not see. Installed only when tracing is on (`OTEL_EXPORTER_OTLP_ENDPOINT`).
 */
export function useOperationSpans(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = getOperationAST(args.document, args.operationName);
      const name = operation?.name?.value ?? 'anonymous';
      setExecuteFn((executeArgs) =>
        tracer.startActiveSpan(
          `graphql.execute ${name}`,
          { attributes: { 'graphql.operation.name': name, 'graphql.operation.type': operation?.operation ?? 'query' } },
          async (span) => {
            try {
              const result = await executeFn(executeArgs);
              const errors = 'errors' in result ? result.errors : undefined;
              if (errors?.length) span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0]?.message });
              return result;
            } finally {
              span.end();
            }
          },
        ),
      );
      return undefined;
    },
  };
}

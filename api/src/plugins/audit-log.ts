import { type DefinitionNode, Kind, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

const SECRET_KEY = /secret|password|token/i;

/**
 * Writes one `AuditLog` row per executed mutation field, whoever wrote the resolver:
 * action = field name, entity id from the `id` argument, arguments with secrets redacted.
 */
export function useAuditLog(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const operation = args.document.definitions.find(
        (definition: DefinitionNode): definition is OperationDefinitionNode =>
          definition.kind === Kind.OPERATION_DEFINITION,
      );
      if (operation?.operation !== 'mutation') return;
      const ctx = args.contextValue as Context;
      return {
        async onExecuteDone({ result }) {
          if (!ctx.viewer || !('data' in result)) return;
          const viewer = ctx.viewer;
          const failed = new Set((result.errors ?? []).map((error) => error.path?.[0]));
          const rows = operation.selectionSet.selections.flatMap((selection: SelectionNode) => {
            if (selection.kind !== Kind.FIELD) return [];
            const name = selection.alias?.value ?? selection.name.value;
            const variables = (args.variableValues ?? {}) as Record<string, unknown>;
            return [
              {
                customerId: viewer.customerId,
                actorId: viewer.id,
                actorType: viewer.kind,
                action: selection.name.value,
                entityId: typeof variables.id === 'string' ? variables.id : null,
                details: { succeeded: !failed.has(name), variables: redact(variables) } as object,
              },
            ];
          });
          await ctx.prisma.auditLog
            .createMany({ data: rows })
            .catch((error: unknown) => ctx.log.error({ error }, 'audit log write failed'));
        },
      };
    },
  };
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? '[redacted]' : redact(inner)]),
    );
  }
  return value;
}

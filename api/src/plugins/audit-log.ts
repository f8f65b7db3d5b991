import { decodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { type RootFieldCall, rootFieldCalls } from '../graphql/root-fields.js';
import { redactArguments } from '../graphql/sensitive.js';

/**
 * Put on a mutation field that anonymous callers may use (`signIn`): its attempts are audited too, failed ones
 * above all. Other anonymous mutations are refused before they do anything and are not written, so an
 * anonymous client cannot fill the table.
 */
export const AUDIT_ANONYMOUS = { auditAnonymous: true } as const;

/**
 * Writes one `AuditLog` row per executed mutation field, whoever wrote the resolver: action = field name,
 * arguments as the resolver saw them (inline or variables) with sensitive schema positions redacted, and the
 * entity: the `id` argument, else the `id` the mutation answered.
 *
 * All rows of an operation go in one INSERT after execution. They are not written inside the mutation's own
 * transaction on purpose: a resolver's writes are several transactions or none (a run trigger commits its
 * JobRun row *before* calling Databricks so that a retry never starts a second run), and one transaction around
 * the whole execution would hold a database connection through remote calls of up to the request deadline.
 * A failed mutation is audited as failed.
 */
export function useAuditLog(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const parsed = rootFieldCalls(args.schema, args.document, args.operationName, args.variableValues);
      if (parsed?.operation.operation !== 'mutation') return;
      const ctx = args.contextValue as Context;
      const viewer = ctx.viewer;
      const calls = viewer ? parsed.calls : parsed.calls.filter((call) => call.field.extensions?.auditAnonymous);
      if (calls.length === 0) return;
      return {
        async onExecuteDone({ result }) {
          if (!('data' in result)) return;
          const data = (result.data ?? {}) as Record<string, unknown>;
          const rows = calls.map((call) => {
            const error = (result.errors ?? []).find((e: GraphQLError) => e.path?.[0] === call.responseKey);
            const entityId = entityIdOf(call, data[call.responseKey]);
            return {
              customerId: viewer?.customerId ?? null,
              actorId: viewer?.id ?? null,
              actorType: viewer?.kind ?? 'anonymous',
              action: call.field.name,
              entityType: entityId ? typenameOf(entityId) : null,
              entityId,
              details: {
                succeeded: !error,
                ...(error ? { errorCode: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') } : {}),
                arguments: redactArguments(call.field, call.args),
              } as object,
            };
          });
          // One row (nearly every mutation) is one INSERT; Prisma wraps a createMany in a transaction of its own.
          const write =
            rows.length === 1
              ? ctx.prisma.auditLog.create({ data: rows[0]! })
              : ctx.prisma.auditLog.createMany({ data: rows });
          await write.catch((error: unknown) => ctx.log.error({ err: error }, 'audit log write failed'));
        },
      };
    },
  };
}

function entityIdOf(call: RootFieldCall, answer: unknown): string | null {
  if (typeof call.args.id === 'string') return call.args.id;
  const answeredId = (answer as { id?: unknown } | null)?.id;
  return typeof answeredId === 'string' ? answeredId : null;
}

function typenameOf(globalId: string): string | null {
  try {
    const { typename } = decodeGlobalID(globalId);
    return /^[A-Z][A-Za-z]*$/.test(typename) ? typename : null;
  } catch {
    return null;
  }
}

import type { GraphQLError } from 'graphql';
import { createGraphQLError, type MaskError, maskError } from 'graphql-yoga';
import { appError, describeError } from '../errors.js';

/**
 * Where every error leaves the api, so the translation into the vocabulary (`ErrorCode`) happens here once:
 * - a service's own error (Databricks, AI, usage) becomes its code and message, at the field that threw it;
 * - input the schema builder refuses (a malformed global id, bad pagination arguments) is BAD_USER_INPUT;
 * - errors raised with `appError` pass as they are;
 * - anything else is unexpected: masked as INTERNAL_SERVER_ERROR (yoga logs what it masks).
 *
 * `debug` (`DEBUG_ERRORS=1`) attaches the unexpected error's message and stack to `extensions.originalError`.
 * It is off by default, in development too: internals (stacks, file paths, Prisma or driver text) stay in the log.
 */
export function createMaskError(debug: boolean): MaskError {
  return (error, message) => {
    const original = located(error) ? error.originalError : (error as Error);
    const described = describeError(original);
    if (described) return atSameField(error, appError(described.code, described.message, described.extensions));
    if (original?.name === 'PothosValidationError') {
      return atSameField(error, appError('BAD_USER_INPUT', original.message));
    }
    return maskError(error, message, debug);
  };
}

/** `translated`, placed where `error` was raised (path and locations), so only that field is null. */
function atSameField(error: unknown, translated: GraphQLError): GraphQLError {
  if (!located(error)) return translated;
  return createGraphQLError(translated.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: translated.extensions,
  });
}

/**
 * Whether `error` is a GraphQLError (which wraps what a resolver threw). By shape, not `instanceof`: the
 * executor's GraphQLError class can come from another copy of graphql than ours (its CommonJS build).
 */
const located = (error: unknown): error is GraphQLError =>
  typeof error === 'object' && error !== null && 'originalError' in error && 'path' in error;

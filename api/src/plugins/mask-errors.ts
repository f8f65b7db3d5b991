import type { GraphQLError } from 'graphql';
import { createGraphQLError, type MaskError, maskError } from 'graphql-yoga';
import type { Logger } from 'pino';
import { appError, describeError } from '../errors.js';

/**
 * Where every error leaves the api, so the translation into the vocabulary (`ErrorCode`) happens here once:
 * - a service's own error (Databricks, AI, usage) becomes its code and message, at the field that threw it;
 * - input the schema builder refuses (a malformed global id, bad pagination arguments) is BAD_USER_INPUT;
 * - errors raised with `appError` pass as they are;
 * - the executor's own complaints about the request (a variable that does not coerce, an unknown node type),
 *   which graphql-js raises without a code, are BAD_USER_INPUT;
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
    if (uncodedRequestError(error)) {
      return atSameField(error, appError('BAD_USER_INPUT', error.message, error.extensions));
    }
    return maskError(error, message, debug);
  };
}

/** A GraphQLError graphql-js raised itself (no code, nothing but another GraphQLError underneath). */
const uncodedRequestError = (error: unknown): error is GraphQLError =>
  located(error) &&
  error.extensions?.code === undefined &&
  (error.originalError === undefined || error.originalError === null || located(error.originalError));

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

/**
 * Yoga's logger over pino. Yoga logs every error it translates at error level; a refusal the vocabulary
 * describes (bad input, a conflict, a remote failure with its code) is the api working as documented, so it is
 * logged at info, and only what is masked as INTERNAL_SERVER_ERROR stays at error level.
 */
export function yogaLogger(log: Logger, maskError: MaskError) {
  return {
    debug: (message: unknown) => log.debug(asLogArgument(message)),
    info: (message: unknown) => log.info(asLogArgument(message)),
    warn: (message: unknown) => log.warn(asLogArgument(message)),
    error: (error: unknown, ...rest: unknown[]) => {
      const code = (maskError(error, '') as GraphQLError).extensions?.code;
      if (error instanceof Error && code !== undefined && code !== 'INTERNAL_SERVER_ERROR')
        log.info({ err: error, code }, `refused: ${error.message}`);
      else log.error(error instanceof Error ? { err: error } : { error, rest }, 'unexpected error');
    },
  };
}

const asLogArgument = (message: unknown) => (typeof message === 'object' && message !== null ? message : { message });

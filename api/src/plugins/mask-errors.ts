import { GraphQLError } from 'graphql';
import { createGraphQLError, type MaskError, maskError } from 'graphql-yoga';

/**
 * Input the schema builder refuses (a malformed or wrong-type global id, bad pagination arguments) is the
 * caller's mistake: say so with BAD_USER_INPUT and the message. So are the executor's own complaints about the
 * request (a variable that does not coerce, an unknown node type), which graphql-js raises without a code.
 * Everything else unexpected stays masked.
 */
export function createMaskError(isDev: boolean): MaskError {
  return (error, message) => {
    const original = (error as { originalError?: Error }).originalError;
    if (original?.name === 'PothosValidationError') {
      return createGraphQLError(original.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    if (isUncodedRequestError(error)) {
      return createGraphQLError(error.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
      });
    }
    return maskError(error, message, isDev);
  };
}

const isUncodedRequestError = (error: unknown): error is GraphQLError =>
  error instanceof GraphQLError &&
  error.extensions.code === undefined &&
  (error.originalError === undefined || error.originalError instanceof GraphQLError);

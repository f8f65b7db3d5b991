import { createGraphQLError, type MaskError, maskError } from 'graphql-yoga';

/**
 * Input the schema builder refuses (a malformed or wrong-type global id, bad pagination arguments) is the
 * caller's mistake: say so with BAD_USER_INPUT and the message. Everything else unexpected stays masked.
 */
export function createMaskError(isDev: boolean): MaskError {
  return (error, message) => {
    const original = (error as { originalError?: Error }).originalError;
    if (original?.name === 'PothosValidationError') {
      return createGraphQLError(original.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return maskError(error, message, isDev);
  };
}

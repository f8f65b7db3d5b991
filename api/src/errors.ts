import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';

/** Codes a client can branch on; they travel in `extensions.code`. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'DATABRICKS_UNAVAILABLE'
  | 'DATABRICKS_RATE_LIMITED'
  | 'DATABRICKS_AUTH'
  | 'AI_BAD_RESPONSE';

const httpStatus: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429 };

export function appError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  const status = httpStatus[code];
  return createGraphQLError(message, { extensions: { code, ...extra, ...(status ? { http: { status } } : {}) } });
}

export const notFound = (what: string) => appError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'You are not allowed to do this.') => appError('FORBIDDEN', message);
export const unauthenticated = () => appError('UNAUTHENTICATED', 'Sign in to continue.');
export const badInput = (message: string, field?: string) =>
  appError('BAD_USER_INPUT', message, field ? { fields: [field] } : {});

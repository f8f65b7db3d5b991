import type { CombinedError } from '@urql/solid';
import type { ErrorCode as ApiErrorCode } from '../gql/enums';

/** The api's codes of `extensions.code` (generated from its `ErrorCode` enum), plus the client's own two. */
export type ErrorCode = ApiErrorCode | 'NETWORK' | 'UNKNOWN';

export interface ErrorDescription {
  code: ErrorCode;
  /** A short headline in words. */
  title: string;
  /** What it means for the user and what they can do. */
  message: string;
  /** Input fields the api rejected (BAD_USER_INPUT), e.g. `["email"]`. */
  fields: string[];
}

const words: Record<ErrorCode, { title: string; message: string }> = {
  UNAUTHENTICATED: { title: 'Signed out', message: 'Your session has ended. Sign in again to continue.' },
  FORBIDDEN: { title: 'Not allowed', message: 'Your role does not allow this. Ask a customer admin for access.' },
  NOT_FOUND: { title: 'Not found', message: 'This item does not exist, or it is not shared with your account.' },
  BAD_USER_INPUT: { title: 'Please check your input', message: 'Some values were not accepted.' },
  CONFLICT: { title: 'Already changed', message: 'Someone changed this at the same time. Reload and try again.' },
  RATE_LIMITED: { title: 'Too many attempts', message: 'Wait a few minutes before trying again.' },
  PAYLOAD_TOO_LARGE: {
    title: 'Too large',
    message: 'What you sent is larger than the api accepts. Send less at once.',
  },
  DATABRICKS_UNAVAILABLE: {
    title: 'Databricks is unreachable',
    message: 'The workspace did not answer. Local data is shown; remote data may be missing or out of date.',
  },
  DATABRICKS_RATE_LIMITED: {
    title: 'Databricks is busy',
    message: 'The workspace asked us to slow down. Try again in a minute.',
  },
  DATABRICKS_TIMEOUT: {
    title: 'Databricks is slow',
    message: 'The workspace did not answer in time. Local data is shown; try again in a moment.',
  },
  DATABRICKS_AUTH: {
    title: 'Databricks refused the credentials',
    message: 'The workspace integration needs new credentials. A customer admin can update them under Admin.',
  },
  AI_BAD_RESPONSE: {
    title: 'The AI answer was unusable',
    message: 'The model answered something we could not read. Asking again usually works.',
  },
  NETWORK: { title: 'Cannot reach CoP OS', message: 'Check your connection; the page retries when you reload.' },
  UNKNOWN: { title: 'Something went wrong', message: 'An unexpected error occurred. Try again in a moment.' },
};

const knownCodes = new Set(Object.keys(words));

/** Every `extensions.code` of the GraphQL errors in `error`, in order. */
export function errorCodes(error: CombinedError): string[] {
  return error.graphQLErrors.map((graphQLError) => String(graphQLError.extensions?.code ?? 'UNKNOWN'));
}

/**
 * Turns an urql error into words for the user. The api's messages are user-facing for input problems
 * (validation, wrong password), so those are shown as they are; other codes get our own wording.
 */
export function describeError(error: CombinedError): ErrorDescription {
  if (error.networkError && error.graphQLErrors.length === 0) return { code: 'NETWORK', ...words.NETWORK, fields: [] };
  const first = error.graphQLErrors[0];
  const rawCode = String(first?.extensions?.code ?? 'UNKNOWN');
  const code = (knownCodes.has(rawCode) ? rawCode : 'UNKNOWN') as ErrorCode;
  const fields = Array.isArray(first?.extensions?.fields) ? first.extensions.fields.map(String) : [];
  const apiMessageIsForUsers = code === 'BAD_USER_INPUT' || code === 'CONFLICT';
  return { code, ...words[code], ...(apiMessageIsForUsers && first ? { message: first.message } : {}), fields };
}

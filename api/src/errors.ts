import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { AiError } from './ai/errors.js';
import { CrmError } from './crm/errors.js';
import { DatabricksError, type DatabricksErrorKind } from './databricks/errors.js';
import { DatasetError } from './datasets/errors.js';
import { NotMembersError } from './kpis/activity.js';
import { NotebookError } from './notebooks/errors.js';
import { PipelineError } from './pipelines/errors.js';
import { RunInputError } from './runs/errors.js';
import { StatementError } from './sql/errors.js';
import { SqlQueryAccessError } from './sql-query/errors.js';
import { TenantCatalogError } from './tenant-catalog/errors.js';
import { UsageAccessError, UsageAttributionError } from './usage/errors.js';

/**
 * The error vocabulary: every code the api puts in `extensions.code`, with what it means for a client.
 * The schema publishes it as the `ErrorCode` enum, so clients take the list from codegen instead of copying it.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: 'No valid session or service token: sign in (HTTP 401).',
  FORBIDDEN: 'The viewer’s role or tenant does not allow this (HTTP 403).',
  NOT_FOUND: 'The item does not exist, or not for this viewer’s tenant; `extensions.reason` may say which.',
  BAD_USER_INPUT: 'An argument was not accepted; the message says why and `extensions.fields` names the inputs.',
  CONFLICT:
    'The item’s state does not allow this now (a closed survey, an answer given already, a stale CRM write: `extensions.current` holds the row as it is now).',
  RATE_LIMITED: 'Too many attempts (failed sign-ins); `extensions.retryAfterMs` says when to try again (HTTP 429).',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the api accepts (HTTP 413).',
  DATABRICKS_UNAVAILABLE:
    'The workspace did not answer (down, 5xx, dropped connection, circuit open); only remote fields are null.',
  DATABRICKS_RATE_LIMITED: 'The workspace asked to slow down; `extensions.retryAfterMs` says when to try again.',
  DATABRICKS_TIMEOUT:
    'The workspace did not answer within the deadline (the request’s or the call’s); a statement was cancelled.',
  DATABRICKS_AUTH: 'The workspace refused the integration’s credentials: a customer admin must update them.',
  AI_BAD_RESPONSE: 'The model answered something unusable; asking again may succeed.',
} as const satisfies Record<string, string>;

/** Codes a client can branch on; they travel in `extensions.code`. */
export type ErrorCode = keyof typeof ERROR_CODES;

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
};

export function appError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  const status = HTTP_STATUS[code];
  return createGraphQLError(message, { extensions: { code, ...extra, ...(status ? { http: { status } } : {}) } });
}

export const notFound = (what: string) => appError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'You are not allowed to do this.') => appError('FORBIDDEN', message);
export const unauthenticated = () => appError('UNAUTHENTICATED', 'Sign in to continue.');
export const badInput = (message: string, field?: string) =>
  appError('BAD_USER_INPUT', message, field ? { fields: [field] } : {});

/** A domain failure said in the vocabulary: its code, its message (in words, for users) and extra extensions. */
export interface DescribedError {
  code: ErrorCode;
  message: string;
  extensions: Record<string, unknown>;
}

const DATABRICKS_CODES: Record<DatabricksErrorKind, ErrorCode> = {
  UNAVAILABLE: 'DATABRICKS_UNAVAILABLE',
  RATE_LIMITED: 'DATABRICKS_RATE_LIMITED',
  TIMEOUT: 'DATABRICKS_TIMEOUT',
  AUTH: 'DATABRICKS_AUTH',
  NOT_FOUND: 'NOT_FOUND',
  BAD_REQUEST: 'BAD_USER_INPUT',
};

const AI_CODES: Record<AiError['reason'], ErrorCode> = {
  BAD_RESPONSE: 'AI_BAD_RESPONSE',
  NO_DATABRICKS_INTEGRATION: 'NOT_FOUND',
};

const NOTEBOOK_CODES: Partial<Record<NotebookError['reason'], ErrorCode>> = {
  NOT_SYNCED: 'DATABRICKS_UNAVAILABLE',
  DELETED: 'NOT_FOUND',
};

const CRM_CODES: Record<CrmError['kind'], ErrorCode> = {
  NOT_FOUND: 'NOT_FOUND',
  BAD_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
};

const TENANT_CATALOG_CODES: Record<TenantCatalogError['reason'], ErrorCode> = {
  NO_WORKSPACE: 'NOT_FOUND',
  NOT_INITIALIZED: 'CONFLICT',
  SERVICE_PRINCIPAL: 'DATABRICKS_AUTH',
};

/**
 * The one translation of the services' own errors into the vocabulary (services stay free of GraphQL);
 * `undefined` for anything else, which is unexpected and stays masked. The GraphQL error masking and the
 * REST routes both use it.
 */
export function describeError(error: unknown): DescribedError | undefined {
  if (error instanceof DatabricksError) {
    const { retryAfterMs } = error.details;
    return {
      code: DATABRICKS_CODES[error.kind],
      message: error.message,
      extensions: retryAfterMs ? { retryAfterMs } : {},
    };
  }
  if (error instanceof AiError) {
    const extensions = error.reason === 'BAD_RESPONSE' ? error.details : { reason: error.reason };
    return { code: AI_CODES[error.reason], message: error.message, extensions };
  }
  if (error instanceof UsageAttributionError) {
    return { code: 'NOT_FOUND', message: error.message, extensions: { reason: error.reason } };
  }
  if (error instanceof RunInputError) {
    return { code: 'BAD_USER_INPUT', message: error.message, extensions: { fields: [error.field] } };
  }
  if (error instanceof UsageAccessError) return { code: 'FORBIDDEN', message: error.message, extensions: {} };
  if (error instanceof CrmError) {
    const { field, ...details } = error.details;
    return {
      code: CRM_CODES[error.kind],
      message: error.message,
      // JSON round trip: a stale write's current row carries Dates, sent as ISO strings.
      extensions: { ...JSON.parse(JSON.stringify(details)), ...(field ? { fields: [field] } : {}) },
    };
  }
  if (error instanceof DatasetError) {
    return {
      code: error.reason === 'TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT',
      message: error.message,
      extensions: { reason: error.reason, ...error.details },
    };
  }
  if (error instanceof PipelineError) {
    return {
      code: error.reason === 'NOT_IN_DATABRICKS' ? 'CONFLICT' : 'BAD_USER_INPUT',
      message: error.message,
      extensions: { reason: error.reason, fields: [error.field] },
    };
  }
  if (error instanceof NotebookError) {
    const code = NOTEBOOK_CODES[error.reason] ?? 'CONFLICT';
    return { code, message: error.message, extensions: { reason: error.reason } };
  }
  if (error instanceof StatementError) {
    return { code: 'BAD_USER_INPUT', message: error.message, extensions: { reason: error.reason, ...error.details } };
  }
  if (error instanceof SqlQueryAccessError) {
    return { code: 'FORBIDDEN', message: error.message, extensions: { refused: error.refused } };
  }
  if (error instanceof TenantCatalogError) {
    return { code: TENANT_CATALOG_CODES[error.reason], message: error.message, extensions: { reason: error.reason } };
  }
  if (error instanceof NotMembersError) {
    return { code: 'BAD_USER_INPUT', message: error.message, extensions: { fields: ['userIds'] } };
  }
  return undefined;
}

/** The HTTP status a REST route answers each code with (GraphQL answers 200 but for 401 and 403). */
export const REST_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  DATABRICKS_UNAVAILABLE: 503,
  DATABRICKS_RATE_LIMITED: 429,
  DATABRICKS_TIMEOUT: 504,
  DATABRICKS_AUTH: 502,
  AI_BAD_RESPONSE: 502,
};

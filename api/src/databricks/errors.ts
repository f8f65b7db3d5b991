/** How a Databricks failure should be treated by callers; the schema maps each kind to a GraphQL error code. */
export type DatabricksErrorKind = 'UNAVAILABLE' | 'RATE_LIMITED' | 'TIMEOUT' | 'AUTH' | 'NOT_FOUND' | 'BAD_REQUEST';

export class DatabricksError extends Error {
  constructor(
    readonly kind: DatabricksErrorKind,
    message: string,
    readonly details: { status?: number; errorCode?: string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message);
    this.name = 'DatabricksError';
  }

  /** Transient failures worth another attempt: overload, 5xx, timeouts, dropped connections. */
  get retryable(): boolean {
    return this.kind === 'UNAVAILABLE' || this.kind === 'RATE_LIMITED' || this.kind === 'TIMEOUT';
  }
}

/** Classifies an HTTP answer in Databricks' error shape (`{"error_code","message"}`). */
export function errorFromResponse(status: number, body: unknown, retryAfterHeader?: string | null): DatabricksError {
  const payload = (body && typeof body === 'object' ? body : {}) as { error_code?: string; message?: string };
  const errorCode = payload.error_code;
  const message = payload.message ?? `Databricks answered HTTP ${status}`;
  const details = { status, errorCode, retryAfterMs: parseRetryAfter(retryAfterHeader) };
  if (status === 429) return new DatabricksError('RATE_LIMITED', message, details);
  if (status === 401 || status === 403) return new DatabricksError('AUTH', message, details);
  // Jobs answer an unknown job or run id with 400 INVALID_PARAMETER_VALUE "... does not exist".
  const missing = errorCode === 'RESOURCE_DOES_NOT_EXIST' || (status === 400 && /does not exist/i.test(message));
  if (status === 404 || missing) return new DatabricksError('NOT_FOUND', message, details);
  if (status >= 500) return new DatabricksError('UNAVAILABLE', message, details);
  return new DatabricksError('BAD_REQUEST', message, details);
}

/** Network-level failure (refused, reset) or an open circuit. */
export const unavailable = (message: string, cause?: unknown) => new DatabricksError('UNAVAILABLE', message, { cause });

/** Databricks did not answer before a deadline (the call's own or the request's); the call was abandoned. */
export const timedOut = (message: string, cause?: unknown) => new DatabricksError('TIMEOUT', message, { cause });

/** `Retry-After` in seconds or as an HTTP date, in milliseconds. */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

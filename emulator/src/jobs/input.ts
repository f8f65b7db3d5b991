import { type ApiRequest, invalidParameter } from '../http/types.js';

/** GET endpoints take query parameters, POST endpoints a JSON body; the SDKs use both, so read both. */
export function requestInput(req: ApiRequest): Record<string, unknown> {
  return { ...Object.fromEntries(req.query), ...req.body };
}

/** A required numeric id (`job_id`, `run_id`), which arrives as a number or as a query string. */
export function requiredId(input: Record<string, unknown>, field: string): number {
  const value = input[field];
  const id = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
    throw invalidParameter(value === undefined ? `Missing required field: ${field}` : `Invalid ${field}: ${value}`);
  }
  return id;
}

export const optionalId = (input: Record<string, unknown>, field: string) =>
  input[field] === undefined || input[field] === '' ? undefined : requiredId(input, field);

export const flag = (value: unknown) => value === true || value === 'true';

export function idempotencyToken(input: Record<string, unknown>): string | undefined {
  const token = input.idempotency_token;
  if (token === undefined || token === '') return undefined;
  if (typeof token !== 'string' || token.length > 64) {
    throw invalidParameter('idempotency_token must be a string of at most 64 characters');
  }
  return token;
}

/** Mounts a Jobs route under both API versions the SDKs call (2.1 and 2.2). */
export function bothVersions<T extends { path: string }>(routes: T[]): T[] {
  return routes.flatMap((route) =>
    ['2.1', '2.2'].map((version) => ({ ...route, path: `/api/${version}/jobs${route.path}` })),
  );
}

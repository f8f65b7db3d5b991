import { invalidParameter } from '../http/types.js';

export interface PageRequest {
  limit?: unknown;
  offset?: unknown;
  page_token?: unknown;
}

export interface Page<T> {
  items: T[];
  has_more: boolean;
  next_page_token?: string;
  prev_page_token?: string;
}

const encodeToken = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString('base64url');

function decodeToken(token: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw invalidParameter(`Invalid page token: ${token}`);
}

/**
 * Offset/limit and opaque page tokens as the Jobs API pages lists; `limit` 0 or absent means the default.
 */
export function paginate<T>(items: T[], request: PageRequest, bounds: { max: number; fallback: number }): Page<T> {
  const limit = request.limit === undefined || request.limit === '' ? 0 : Number(request.limit);
  if (!Number.isInteger(limit) || limit < 0 || limit > bounds.max) {
    throw invalidParameter(`limit must be between 1 and ${bounds.max}, got ${request.limit}`);
  }
  const size = limit || bounds.fallback;
  const offset = request.page_token ? decodeToken(String(request.page_token)) : Number(request.offset ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw invalidParameter(`offset must be a non-negative integer`);
  const page = items.slice(offset, offset + size);
  const hasMore = offset + size < items.length;
  return {
    items: page,
    has_more: hasMore,
    ...(hasMore ? { next_page_token: encodeToken(offset + size) } : {}),
    ...(offset > 0 ? { prev_page_token: encodeToken(Math.max(0, offset - size)) } : {}),
  };
}

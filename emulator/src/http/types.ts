/**
 * The contract between the emulator's HTTP core and its service modules.
 * A service module exports `routes: Route[]`; the core matches, authenticates,
 * parses JSON and turns a thrown `DatabricksApiError` into Databricks' error shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiRequest {
  method: HttpMethod;
  /** Path without query string, e.g. `/api/2.2/jobs/get`. */
  path: string;
  /** Values of `:name` segments in the route path. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (`{}` when empty). */
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  /** Who called: resolved by the core from the bearer token. */
  principal: { userName: string; kind: 'pat' | 'oauth' };
}

/** Return a JSON-serialisable body (status 200), or a `RawResponse` for other shapes. */
export type ApiHandler = (req: ApiRequest) => unknown | Promise<unknown>;

export interface Route {
  method: HttpMethod;
  /** Path pattern; `:name` matches one segment, a trailing `*name` the rest. */
  path: string;
  handler: ApiHandler;
  /** Routes that must be reachable without a token (OAuth token endpoint). */
  public?: boolean;
}

/** For handlers that must answer with something other than a 200 JSON body. */
export class RawResponse {
  constructor(
    readonly status: number,
    readonly body: string | Buffer,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** A Databricks-shaped error: `{"error_code": "...", "message": "..."}` with an HTTP status. */
export class DatabricksApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DatabricksApiError(404, 'RESOURCE_DOES_NOT_EXIST', what);
export const invalidParameter = (message: string) => new DatabricksApiError(400, 'INVALID_PARAMETER_VALUE', message);

/** A raw handler gets the authenticated caller too (the Thrift endpoint runs statements as them). */
export type RawHandler = (req: IncomingMessage, res: ServerResponse, principal: ApiRequest['principal']) => void;

/** A raw handler mounted like a route (the Thrift endpoint); authenticated, counted and faulted like the rest. */
export interface RawRoute {
  method: HttpMethod;
  path: string;
  handler: RawHandler;
  public?: boolean;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './body.js';
import { endpointNotFound, sendApiError, sendJson } from './errors.js';
import { type Mountable, Router } from './router.js';
import {
  type ApiRequest,
  DatabricksApiError,
  type HttpMethod,
  RawResponse,
  type RawRoute,
  type Route,
} from './types.js';

export type Principal = ApiRequest['principal'];

/** Resolves the caller from the `Authorization` header, or throws a 401/403 `DatabricksApiError`. */
export interface Authenticator {
  authenticate(authorization: string | undefined, path: string): Principal;
}

/** What a fault gate sees of a request. */
export interface GateContext {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  /** The bearer token, for per-token rate limits. */
  token: string | undefined;
}

/** Fault injection: resolves `true` to let the request through, `false` when it already answered or dropped it. */
export interface RequestGate {
  admit(context: GateContext): Promise<boolean>;
}

export interface CallCounter {
  /** One call to `METHOD /path/pattern`. */
  record(routeKey: string): void;
}

export interface PipelineParts {
  routes: Route[];
  rawRoutes?: RawRoute[];
  /** `/emulator/...` control routes: no token, no faults, not counted, so a test can always reach them. */
  adminRoutes?: Route[];
  auth: Authenticator;
  gate: RequestGate;
  counter: CallCounter;
  log?: (message: string, error?: unknown) => void;
}

type Mounted = (Route & { kind: 'api' }) | (RawRoute & { kind: 'raw' });

const bearerToken = (authorization: string | undefined) => /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();

function toApiResponse(res: ServerResponse, result: unknown) {
  if (result instanceof RawResponse) {
    res.writeHead(result.status, result.headers);
    res.end(result.body);
  } else {
    sendJson(res, 200, result ?? {});
  }
}

async function runApiRoute(
  route: Route,
  request: Omit<ApiRequest, 'body'>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req);
  toApiResponse(res, await route.handler({ ...request, body }));
}

/**
 * The request pipeline every emulator server shares: admin routes, call counting, faults, authentication,
 * then the matched route. Handler errors become Databricks' error shape; nothing a handler throws stops the
 * server.
 */
export function createRequestListener(parts: PipelineParts) {
  const log = parts.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  const admin = new Router(parts.adminRoutes ?? []);
  const router = new Router<Mounted>([
    ...parts.routes.map((route) => ({ ...route, kind: 'api' as const })),
    ...(parts.rawRoutes ?? []).map((route) => ({ ...route, kind: 'raw' as const })),
  ]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://emulator.local');
    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
    const base = { method, path: url.pathname, query: url.searchParams, headers: req.headers };
    const control = admin.match(method, url.pathname);
    if (control) {
      const principal: Principal = { userName: 'emulator-admin', kind: 'pat' };
      return runApiRoute(control.route, { ...base, params: control.params, principal }, req, res);
    }

    const match = router.match(method, url.pathname);
    parts.counter.record(`${method} ${match ? (match.route as Mountable).path : '<unmatched>'}`);
    const token = bearerToken(req.headers.authorization);
    if (!(await parts.gate.admit({ req, res, path: url.pathname, token }))) return;
    if (!match) throw endpointNotFound(method, url.pathname);

    const { route, params } = match;
    const principal: Principal = route.public
      ? { userName: 'anonymous', kind: 'pat' }
      : parts.auth.authenticate(req.headers.authorization, url.pathname);
    if (route.kind === 'raw') return route.handler(req, res, principal);
    return runApiRoute(route, { ...base, params, principal }, req, res);
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof DatabricksApiError) return sendApiError(res, error);
      // The client went away (timed out, or a hung request it abandoned): nobody to answer, nothing broken.
      if (req.destroyed && res.destroyed) return;
      log(`emulator: ${req.method} ${req.url} failed`, error);
      sendApiError(res, new DatabricksApiError(500, 'INTERNAL_ERROR', 'Internal error in the emulator'));
    });
  };
}

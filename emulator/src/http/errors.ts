import type { ServerResponse } from 'node:http';
import { DatabricksApiError } from './types.js';

/** Writes a JSON body unless the client has gone (a dropped or timed-out request). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.writableEnded || res.destroyed) return;
  const payload = JSON.stringify(body ?? {});
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

/** Databricks' error shape: `{"error_code": "...", "message": "..."}`. */
export function sendApiError(res: ServerResponse, error: DatabricksApiError, headers: Record<string, string> = {}) {
  sendJson(res, error.status, { error_code: error.errorCode, message: error.message }, headers);
}

export const unauthenticated = (message: string) => new DatabricksApiError(401, 'UNAUTHENTICATED', message);
export const permissionDenied = (message: string) => new DatabricksApiError(403, 'PERMISSION_DENIED', message);
export const malformedRequest = (message: string) => new DatabricksApiError(400, 'MALFORMED_REQUEST', message);
export const endpointNotFound = (method: string, path: string) =>
  new DatabricksApiError(404, 'ENDPOINT_NOT_FOUND', `No API found for '${method} ${path}'`);

import type { IncomingMessage } from 'node:http';
import { malformedRequest } from './errors.js';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw malformedRequest(`Request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The request body as an object: JSON for the REST API, form fields for the OAuth token endpoints
 * (`application/x-www-form-urlencoded`). An empty body is `{}`.
 */
export async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBytes(req)).toString('utf8');
  if (text.trim() === '') return {};
  if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw malformedRequest(`Invalid JSON given in the body of the request: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw malformedRequest('The body of the request must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

import { randomUUID } from 'node:crypto';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Busboy } from '@fastify/busboy';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { tooLarge } from './payload-too-large.js';

export interface StreamedUploadOptions {
  /** Where file parts are spooled while the request runs; removed when the response is sent. */
  tempDir: string;
  /** Largest file part accepted (413 beyond it). */
  maxFileBytes: number;
  /** Largest non-file part (`operations`, `map`). */
  maxFieldBytes: number;
}

export const isMultipart = (request: Request) =>
  (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');

/**
 * The GraphQL multipart request spec without holding files in memory: yoga's own parser collects every file
 * part into memory, so this one streams each part to a spool file and hands resolvers a `File` backed by it
 * (`fs.openAsBlob`). Memory stays flat whatever the upload's size; the spool files go with the response.
 */
export function useStreamedUploads(options: StreamedUploadOptions): Plugin {
  const spooled = new WeakMap<Request, string[]>();
  return {
    onRequestParse({ request, setRequestParser }) {
      if (!isMultipart(request)) return;
      const files: string[] = [];
      spooled.set(request, files);
      setRequestParser((incoming) => parseMultipart(incoming, options, files));
    },
    onResponse({ request }) {
      // Synchronous unless there is something to remove: a streamed (SSE) answer is never held up.
      const files = spooled.get(request);
      if (files) return Promise.all(files.map((file) => rm(file, { force: true }))).then(() => undefined);
    },
  };
}

async function parseMultipart(
  request: Request,
  options: StreamedUploadOptions,
  spool: string[],
): Promise<GraphQLParams | Response> {
  if (!request.body) return badRequest('The multipart request has no body.');
  await mkdir(options.tempDir, { recursive: true });
  const fields = new Map<string, string>();
  const files = new Map<string, Promise<File>>();
  let truncated = false;
  const parser = new Busboy({
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
    limits: { fileSize: options.maxFileBytes, fieldSize: options.maxFieldBytes, files: 10 },
  });
  parser.on('field', (name: string, value: string) => fields.set(name, value));
  parser.on('file', (name: string, stream: Readable, filename: string, _encoding: string, type: string) => {
    const path = join(options.tempDir, `upload-${randomUUID()}`);
    spool.push(path);
    stream.on('limit', () => {
      truncated = true;
    });
    files.set(
      name,
      pipeline(stream, createWriteStream(path)).then(
        async () => new File([await openAsBlob(path)], filename, { type }),
      ),
    );
  });
  // The server adapter's body is a ponyfill stream: iterate it rather than `Readable.fromWeb`.
  await pipeline(Readable.from(request.body as unknown as AsyncIterable<Uint8Array>), parser);
  const parts = await Promise.all([...files].map(async ([name, file]) => [name, await file] as const));
  if (truncated) return tooLarge(options.maxFileBytes);
  return assemble(fields, new Map(parts));
}

/** `operations` with each file put where `map` says (`{"0": ["variables.file"]}`). */
function assemble(fields: Map<string, string>, files: Map<string, File>): GraphQLParams | Response {
  let operations: GraphQLParams;
  let map: Record<string, string[]>;
  try {
    operations = JSON.parse(fields.get('operations') ?? 'null');
    map = JSON.parse(fields.get('map') ?? '{}');
  } catch {
    return badRequest('The multipart `operations` and `map` fields must be JSON.');
  }
  if (!operations || typeof operations !== 'object') return badRequest('The multipart request has no `operations`.');
  for (const [name, paths] of Object.entries(map)) {
    const file = files.get(name);
    if (!file) return badRequest(`The multipart request has no file part "${name}".`);
    for (const path of paths) {
      if (!setAt(operations as unknown as Record<string, unknown>, path.split('.'), file)) {
        return badRequest(`The multipart map names "${path}", which is not in the operation.`);
      }
    }
  }
  return operations;
}

/** Sets `value` at a dotted path of objects and arrays that already exists (the spec's nulls); false when not. */
function setAt(target: Record<string, unknown>, path: string[], value: unknown): boolean {
  let node: unknown = target;
  for (const key of path.slice(0, -1)) {
    if (!node || typeof node !== 'object' || key === '__proto__') return false;
    node = (node as Record<string, unknown>)[key];
  }
  const last = path.at(-1)!;
  if (!node || typeof node !== 'object' || !(last in node) || last === '__proto__') return false;
  (node as Record<string, unknown>)[last] = value;
  return true;
}

const badRequest = (message: string) =>
  Response.json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] }, { status: 400 });

import type { Plugin } from 'graphql-yoga';
import { tooLarge } from './payload-too-large.js';
import { isMultipart } from './streamed-uploads.js';

/**
 * Refuses request bodies larger than `maxBytes` before they are parsed, with a 413 and a GraphQL error body.
 * `Content-Length` is checked first (cheap); a body without one (`Transfer-Encoding: chunked`) is read up to
 * the limit and its bytes counted, so no framing lets a larger body through.
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    async onRequest({ request, setRequest, endResponse }) {
      // Uploads stream to disk under their own limit (streamed-uploads.ts), never buffered here.
      if (!request.body || isMultipart(request)) return;
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (Number(declared) > maxBytes) endResponse(tooLarge(maxBytes));
        return;
      }
      const body = await readAtMost(request.body as ReadableStream<Uint8Array<ArrayBuffer>>, maxBytes);
      if (!body) {
        endResponse(tooLarge(maxBytes));
        return;
      }
      setRequest(new Request(request.url, { method: request.method, headers: request.headers, body }));
    },
  };
}

/** The whole stream as one blob, or null as soon as it grows past `maxBytes` (the rest is never read). */
async function readAtMost(stream: ReadableStream<Uint8Array<ArrayBuffer>>, maxBytes: number): Promise<Blob | null> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Blob(chunks);
}

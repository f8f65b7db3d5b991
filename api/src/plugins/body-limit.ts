import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** Refuses request bodies larger than `maxBytes` before they are parsed. */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request }) {
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > maxBytes) {
        throw createGraphQLError(`Request body is larger than ${maxBytes} bytes.`, {
          extensions: { code: 'BAD_REQUEST', http: { status: 413 } },
        });
      }
    },
  };
}

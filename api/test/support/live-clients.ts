import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { listen, type RunningServer } from '../../src/http/server.js';
import type { TestApi } from './test-api.js';

/** The test app on a real port, for clients that need a socket (graphql-ws, SSE). */
export function serve(api: TestApi): Promise<RunningServer> {
  return listen(api.app, 0, '127.0.0.1', api.deps.config.MAX_BODY_BYTES);
}

/** Collects every payload of one subscription over graphql-ws until it completes (or errors). */
export function subscribeOverWebSocket(
  serverUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  onItem?: (item: any, items: any[]) => void,
): Promise<any[]> {
  const client = createClient({
    url: `${serverUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: true,
    retryAttempts: 0,
  });
  const items: any[] = [];
  return new Promise((resolve, reject) => {
    client.subscribe(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) reject(new Error(JSON.stringify(result.errors)));
          items.push(result.data);
          onItem?.(result.data, items);
        },
        error: (error) => {
          void client.dispose();
          reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        },
        complete: () => {
          void client.dispose();
          resolve(items);
        },
      },
    );
  });
}

/**
 * A graphql-ws subscription kept open until `close()`, for streams that never complete (e.g. `runsChanged`):
 * `items` grows as payloads arrive; `until` waits for one that satisfies a predicate.
 */
export function openSubscription(serverUrl: string, token: string, query: string, variables: Record<string, unknown>) {
  const client = createClient({
    url: `${serverUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const items: any[] = [];
  let failure: Error | undefined;
  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) failure = new Error(JSON.stringify(result.errors));
        else items.push(result.data);
      },
      error: (error) => {
        failure = error instanceof Error ? error : new Error(JSON.stringify(error));
      },
      complete: () => undefined,
    },
  );
  return {
    items,
    /** Resolves with the items so far once one satisfies `predicate`; rejects on an error or after `timeoutMs`. */
    async until(predicate: (item: any) => boolean, timeoutMs = 20_000): Promise<any[]> {
      const deadline = Date.now() + timeoutMs;
      while (!items.some(predicate)) {
        if (failure) throw failure;
        if (Date.now() > deadline) throw new Error(`no matching item within ${timeoutMs} ms: ${JSON.stringify(items)}`);
        await sleep(20);
      }
      return [...items];
    },
    /** The error the subscription ended with, if any. */
    failure: () => failure,
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}

/** Collects every payload of one subscription over Server-Sent Events (yoga's GraphQL over SSE). */
export async function subscribeOverSse(
  serverUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
) {
  const response = await fetch(`${serverUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  if (!response.ok || !response.body) throw new Error(`SSE request failed: ${response.status}`);
  const items: any[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let boundary = buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const message = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const event = /^event: (.*)$/m.exec(message)?.[1];
      const data = /^data: (.*)$/m.exec(message)?.[1];
      if (event === 'complete') return items;
      if (data) {
        const payload = JSON.parse(data);
        if (payload.errors) throw new Error(JSON.stringify(payload.errors));
        items.push(payload.data);
      }
      boundary = buffer.indexOf('\n\n');
    }
  }
  return items;
}

import { authExchange } from '@urql/exchange-auth';
import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, type CombinedError, fetchExchange, type Operation, subscriptionExchange } from '@urql/solid';
import type { ExecutionResult } from 'graphql';
import { createClient as createWsClient } from 'graphql-ws';
import schema from '../gql/introspection';
import { runCacheUpdates } from '../pages/pipeline/run-cache-updates';
import { embeddedTypeKeys } from './cache-keys';
import { errorCodes } from './describe-error';
import { advanceAfterSeq, type SubscriptionPayload } from './resume-after-seq';

/** The api's GraphQL endpoint; the dev server proxies it, the production build is served beside it. */
const GRAPHQL_PATH = '/graphql';

export interface AppClientOptions {
  /** Bearer token of the signed-in user; null before sign-in. */
  token: string | null;
  /** Called when the api rejects the token (expired, revoked, signed out elsewhere). */
  onUnauthenticated(): void;
  /** Page origin the endpoint is relative to; defaults to the current page. */
  origin?: string;
}

export interface AppClient {
  client: Client;
  /** Closes the WebSocket; the client must not be used afterwards. */
  dispose(): void;
}

/**
 * One urql client per signed-in session: a new token gets a new client, so no cached data of one user
 * survives into another's session, and the WebSocket reconnects with the new credentials.
 */
export function createAppClient(options: AppClientOptions): AppClient {
  const origin = options.origin ?? window.location.origin;
  const httpUrl = new URL(GRAPHQL_PATH, origin);
  const wsUrl = new URL(GRAPHQL_PATH, origin);
  wsUrl.protocol = httpUrl.protocol === 'https:' ? 'wss:' : 'ws:';

  const authorization = options.token ? `Bearer ${options.token}` : null;
  const ws = createWsClient({
    url: wsUrl.href,
    lazy: true,
    connectionParams: () => (authorization ? { authorization } : {}),
  });

  const client = new Client({
    url: httpUrl.href,
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange({
        schema,
        keys: embeddedTypeKeys(schema),
        updates: runCacheUpdates,
      }),
      authExchange(async (utils) => ({
        addAuthToOperation: (operation: Operation) =>
          authorization ? utils.appendHeaders(operation, { Authorization: authorization }) : operation,
        // Only a request that carried a token can find it rejected (a failed sign-in is not a sign-out).
        didAuthError: (error: CombinedError) => authorization !== null && isUnauthenticated(error),
        refreshAuth: async () => options.onUnauthenticated(),
      })),
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => {
            // One payload object for the subscription's lifetime: graphql-ws re-sends it after a reconnect.
            const payload: SubscriptionPayload = {
              ...request,
              query: request.query ?? '',
              variables: { ...request.variables },
            };
            const unsubscribe = ws.subscribe(payload, {
              next(result: ExecutionResult) {
                sink.next(advanceAfterSeq(payload, result));
              },
              error: (error) => sink.error(error),
              complete: () => sink.complete(),
            });
            return { unsubscribe };
          },
        }),
      }),
      fetchExchange,
    ],
  });

  return { client, dispose: () => void ws.dispose() };
}

function isUnauthenticated(error: CombinedError): boolean {
  return error.response?.status === 401 || errorCodes(error).includes('UNAUTHENTICATED');
}

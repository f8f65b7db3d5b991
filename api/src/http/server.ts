import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { App } from '../app.js';
import type { ConnectionScope } from '../context.js';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Serves the app over HTTP (queries, mutations, SSE) and graphql-ws on the same `/graphql` path. */
export async function listen(app: App, port: number, host: string, maxMessageBytes: number): Promise<RunningServer> {
  const server = createServer(app);
  // A WebSocket message is held to the same limit as an HTTP body (ws would accept 100 MiB).
  const wsServer = new WebSocketServer({ server, path: app.graphqlEndpoint, maxPayload: maxMessageBytes });
  const wsCleanup = useServer(
    {
      execute: (args: any) => args.rootValue.execute(args),
      subscribe: (args: any) => args.rootValue.subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const authorization = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const { schema, execute, subscribe, contextFactory, parse, validate } = app.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          authorization: typeof authorization === 'string' ? authorization : null,
          // One sign-in check per socket: its subscriptions share the viewer (graphql-ws sends the token once).
          connection: ctx.extra as ConnectionScope,
        });
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        return errors.length ? errors : args;
      },
    },
    wsServer,
  );
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${address.port}`,
    close: async () => {
      await wsCleanup.dispose();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

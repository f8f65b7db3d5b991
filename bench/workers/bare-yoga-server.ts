// A bare graphql-yoga answering `{ viewer { kind } }` with a constant: the floor for a trivial query.
// `node --import tsx bare-yoga-server.ts`. Prints its URL.
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const yoga = createYoga({
  schema: createSchema({
    typeDefs: 'type Viewer { kind: String! } type Query { viewer: Viewer }',
    resolvers: { Query: { viewer: () => ({ kind: 'user' }) } },
  }),
  logging: false,
});
const server = createServer(yoga);
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
});
process.once('SIGTERM', () => process.exit(0));

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a chat tool's incoming webhook received: the parsed JSON body of each POST. */
export interface ReceivedPost {
  path: string;
  body: any;
}

/**
 * A real local HTTP server standing in for Slack's or Teams' incoming webhook. It answers 200 unless told
 * otherwise: `failNext(500, 500)` makes the next two posts fail with those statuses.
 */
export async function startWebhookReceiver() {
  const posts: ReceivedPost[] = [];
  const failures: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      posts.push({ path: request.url ?? '/', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      const status = failures.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'server_error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    posts,
    /** The posts one webhook path received. */
    postsTo: (path: string) => posts.filter((post) => post.path === path),
    failNext: (...statuses: number[]) => failures.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

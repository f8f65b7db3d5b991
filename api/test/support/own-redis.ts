import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

/** A free TCP port on localhost (bound, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A redis-server of the test's own on a free port (never the machine's shared one), which the test may kill
 * and start again on the same port to play a Redis restart.
 */
export async function startOwnRedis() {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let process: ChildProcess | undefined;

  async function start() {
    process = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    for (let attempt = 0; attempt < 100; attempt++) {
      if (
        await probe.connect().then(
          () => true,
          () => false,
        )
      )
        break;
      await sleep(50);
    }
    probe.disconnect();
  }

  /** Kills the server as a crash would (SIGKILL): nothing is flushed, every connection drops. */
  async function kill() {
    if (!process || process.exitCode !== null) return;
    const exited = once(process, 'exit');
    process.kill('SIGKILL');
    await exited;
  }

  await start();
  return { url, port, kill, restart: start, stop: kill };
}

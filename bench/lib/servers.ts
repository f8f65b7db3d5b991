import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface ServerProcess {
  url: string;
  /** The server's process id (for its memory, from `/proc`). */
  pid: number;
  close(): Promise<void>;
}

const WORKERS = fileURLToPath(new URL('../workers/', import.meta.url));

/**
 * Starts `node <args…>` in `bench/workers/` and waits for the first line it prints, the URL it listens on. Each
 * server under test runs in its own process, away from the load generator's event loop.
 */
export async function startServer(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: WORKERS,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}) before listening`)));
  });
  return { url, pid: child.pid!, close: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Node arguments that run a TypeScript worker through tsx. */
export const tsWorker = (file: string, ...args: string[]) => ['--import', 'tsx', file, ...args];

/**
 * Node arguments that run a TypeScript worker the way `npm start` runs the api: bundled by esbuild into one ES
 * module (dependencies external, as `scripts/start/api-bundle.ts` does), written to `bench/dist/`.
 */
export async function bundledWorker(file: string, ...args: string[]): Promise<string[]> {
  const outfile = fileURLToPath(new URL(`../dist/${file.replace(/\.ts$/, '.mjs')}`, import.meta.url));
  await build({
    entryPoints: [`${WORKERS}${file}`],
    outfile,
    bundle: true,
    // Dependencies stay external as in the api's bundle; the workspace's own packages (@cop-os/api) are its source.
    plugins: [
      {
        name: 'external-dependencies',
        setup: (bundler) =>
          bundler.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@cop-os/') ? undefined : { path: args.path, external: true },
          ),
      },
    ],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return ['--enable-source-maps', outfile, ...args];
}

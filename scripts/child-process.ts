import { type ChildProcess, spawn } from 'node:child_process';

export interface Child {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code when the process ends (for any reason). */
  exited: Promise<number | null>;
  /** SIGTERM to the child's whole process group, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface ChildOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Starts a long-running child in a process group of its own that shares our terminal. Its own group means Ctrl-C
 * reaches only us, so we stop children in order, and a stop reaches every process the child started itself.
 */
export function startChild(name: string, command: string, args: string[], options: ChildOptions): Child {
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: 'inherit', detached: true });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  return {
    name,
    process: child,
    exited,
    async stop(graceMs = 5_000) {
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup('SIGTERM');
        const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      // Grandchildren that outlived their parent (none expected) go with the group.
      signalGroup('SIGKILL');
    },
  };
}

/** Polls `url` until it answers 2xx; fails when the child exits first or `timeoutMs` passes. */
export async function waitUntilReady(child: Child, url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${child.name} exited before it was ready`);
    // Each attempt has its own deadline: a connection accepted while the server is still starting may never answer.
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${child.name} was not ready at ${url} within ${timeoutMs / 1000} s`);
}

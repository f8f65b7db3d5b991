// Runs `npm start` as a newcomer does and checks what the README promises: CI's start-up smoke test and the
// `start` bench scenario both use it.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { takenPorts } from './ports.js';

/** Settings a newcomer has not set: the probe removes them so `npm start` runs on its defaults. */
const PROJECT_VARIABLES = [
  'DATABASE_URL',
  'DATABRICKS_HOST',
  'DATABRICKS_TOKEN',
  'NODE_EXTRA_CA_CERTS',
  'REDIS_URL',
  'NODE_ENV',
  'LOG_LEVEL',
  'PORT',
  'HOST',
];

export interface StartPorts {
  api: number;
  web: number;
  emulator: number;
  postgres: number;
}

export const DEFAULT_PORTS: StartPorts = { api: 4000, web: 5173, emulator: 8443, postgres: 54329 };

const MARKER = 'COPOS_START_PROBE';

export interface StartedCheckout {
  process: ChildProcess;
  /** The value of MARKER in the environment of everything this start runs. */
  marker: string;
  /** Everything it printed so far. */
  output(): string;
  /** The exit code, or the signal that ended it (npm itself ends by SIGINT on Ctrl-C, after its script). */
  exited: Promise<number | NodeJS.Signals | null>;
}

/** `npm start` in `checkout`, in a process group of its own (as a terminal runs it), without project variables. */
export function launchStart(
  checkout: string,
  options: { ports?: StartPorts; dataDir?: string; args?: string[] } = {},
): StartedCheckout {
  const env = { ...process.env };
  for (const name of PROJECT_VARIABLES) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('npm_')) delete env[name];
  const ports = options.ports;
  if (ports && ports !== DEFAULT_PORTS) {
    Object.assign(env, {
      PORT: String(ports.api),
      WEB_PORT: String(ports.web),
      EMULATOR_PORT: String(ports.emulator),
      EMBEDDED_PG_PORT: String(ports.postgres),
    });
  }
  if (options.dataDir) env.DATA_DIR = options.dataDir;
  const marker = randomUUID();
  env[MARKER] = marker;
  const child = spawn('npm', ['start', '--', ...(options.args ?? [])], {
    cwd: checkout,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { process: child, marker, output: () => output, exited };
}

/** The GraphQL query under "Try it in GraphiQL" in the checkout's README, so the probe runs exactly that one. */
export function readmeQuery(checkout: string): string {
  const readme = readFileSync(`${checkout}/README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('### Try it in GraphiQL'));
  const match = /```graphql\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README.md has no graphql block under "Try it in GraphiQL"');
  return match[1]!;
}

async function graphql(apiUrl: string, query: string, token?: string) {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(10_000),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}

/** Signs in as the README says and runs its query; the answer's customers, or an error naming what failed. */
export async function runReadmeQuery(apiUrl: string, checkout: string): Promise<{ customers: number }> {
  const signIn = await graphql(
    apiUrl,
    'mutation { signIn(email: "admin@copos.dev", password: "copos-demo") { token } }',
  );
  const token = (signIn.data?.signIn as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`sign-in failed: ${JSON.stringify(signIn.errors ?? signIn)}`);
  const answer = await graphql(apiUrl, readmeQuery(checkout), token);
  if (answer.errors?.length) throw new Error(`README query failed: ${JSON.stringify(answer.errors)}`);
  const edges = (answer.data?.customers as { edges?: unknown[] } | undefined)?.edges ?? [];
  if (edges.length === 0) throw new Error(`README query answered no customers: ${JSON.stringify(answer)}`);
  return { customers: edges.length };
}

/** Polls until the README query answers (the moment a user gets their first result); its time from `since`. */
export async function waitForFirstAnswer(
  started: StartedCheckout,
  apiUrl: string,
  checkout: string,
  timeoutMs: number,
): Promise<number> {
  const since = performance.now();
  let exited = false;
  void started.exited.then(() => {
    exited = true;
  });
  let lastError = 'nothing answered yet';
  while (performance.now() - since < timeoutMs) {
    if (exited) throw new Error(`npm start exited before answering (${lastError})`);
    try {
      await runReadmeQuery(apiUrl, checkout);
      return performance.now() - since;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer within ${timeoutMs / 1000} s (${lastError})`);
}

/**
 * Ctrl-C as a terminal sends it (to the whole foreground group). Resolves once `npm start` has exited and no process
 * of the checkout is left, with npm's exit status and that stop time; leftovers after `timeoutMs` are an error.
 */
export async function interrupt(
  started: StartedCheckout,
  timeoutMs = 20_000,
): Promise<{ status: number | NodeJS.Signals | null; ms: number }> {
  const since = performance.now();
  process.kill(-started.process.pid!, 'SIGINT');
  const status = await started.exited;
  while (processesFrom(started).length > 0) {
    if (performance.now() - since > timeoutMs)
      throw new Error(
        `processes left running ${timeoutMs / 1000} s after Ctrl-C:\n  ${processesFrom(started).join('\n  ')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { status, ms: performance.now() - since };
}

/**
 * Processes `npm start` left running: everything it started carries the probe's marker in its environment (children
 * inherit it), which finds them even after they were orphaned and adopted by init.
 */
export function processesFrom(started: StartedCheckout): string[] {
  const needle = `${MARKER}=${started.marker}`;
  const left: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(needle)) continue;
      left.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()}`);
    } catch {
      // Exited while we looked.
    }
  }
  return left;
}

/** Ports of `npm start` still taken, as lines naming them. */
export const portsStillTaken = (ports: StartPorts) =>
  takenPorts([
    { port: ports.api, host: '127.0.0.1', owner: 'the api', variable: 'PORT' },
    { port: ports.web, host: '127.0.0.1', owner: 'the web app', variable: 'WEB_PORT' },
    { port: ports.emulator, host: '127.0.0.1', owner: 'the Databricks emulator', variable: 'EMULATOR_PORT' },
    { port: ports.postgres, host: '127.0.0.1', owner: 'the embedded PostgreSQL', variable: 'EMBEDDED_PG_PORT' },
  ]);

/** SIGKILL to everything a start left running, whatever state it was in (a failed probe cleans up with it). */
export function killEverything(started: StartedCheckout): void {
  for (const line of processesFrom(started)) {
    try {
      process.kill(Number(line.split(' ')[0]), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

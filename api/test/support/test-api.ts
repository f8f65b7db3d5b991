import pino, { type Logger } from 'pino';
import { buildApp } from '../../src/app.js';
import type { SignInThrottleOptions } from '../../src/auth/sign-in-throttle.js';
import { loadConfig } from '../../src/config.js';
import type { RegistryOptions } from '../../src/databricks/registry.js';
import { closeAppDeps, createAppDeps } from '../../src/deps.js';
import type { NotificationWorkerOptions } from '../../src/notifications/worker.js';
import type { RunWatcherOptions } from '../../src/runs/watcher.js';
import type { ReconcilerOptions } from '../../src/sync/reconciler.js';
import { testDatabaseUrl } from './database-url.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }>;
}

/**
 * The real app on the real test database, driven through `yoga.fetch`.
 * `statements` counts SQL statements sent by Prisma (reset it before the request you measure).
 * `options.watcher` overrides the run watcher's test timings (e.g. a short lease, an instance id);
 * `options.databricks` the connector's (timeouts, resilience).
 */
export function createTestApi(
  env: Record<string, string> = {},
  options: {
    watcher?: Partial<RunWatcherOptions>;
    databricks?: RegistryOptions;
    signInThrottle?: Partial<SignInThrottleOptions>;
    /** The sync reconciler's timings (tests that need syncing start it: `api.deps.sync.start()`). */
    sync?: Partial<ReconcilerOptions>;
    /** The app's logger (silent by default), e.g. to capture log lines. */
    log?: Logger;
    /** The notification worker's timings (e.g. short retry pauses). */
    notifications?: Partial<NotificationWorkerOptions>;
  } = {},
) {
  const counter = { statements: 0 };
  /** Shifts the remote cache's clock, to age cached Databricks reads without waiting. */
  const clock = { offsetMs: 0 };
  const databaseUrl = testDatabaseUrl();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    ...env,
  });
  const deps = createAppDeps(config, {
    log: options.log ?? pino({ level: 'silent' }),
    onQuery: () => counter.statements++,
    databricks: {
      attemptTimeoutMs: 1_500,
      deadlineMs: 3_000,
      now: () => Date.now() + clock.offsetMs,
      ...options.databricks,
    },
    // Tests that need live runs start the watcher themselves (`api.deps.runs.watcher.start()`).
    watcher: { activeIntervalMs: 100, idleIntervalMs: 250, leaseTtlMs: 2_000, ...options.watcher },
    signInThrottle: options.signInThrottle,
    sync: options.sync,
    notifications: options.notifications,
  });
  const prisma = deps.prisma;
  const app = buildApp(deps);

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    return app.fetch(`http://localhost${path}`, init);
  }

  async function graphql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphQLResponse<T>> {
    const response = await request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  return {
    app,
    deps,
    prisma,
    counter,
    clock,
    request,
    graphql,
    /** A session token for a user id, as `signIn` would issue it. */
    tokenFor: (userId: string) => deps.sessions.sign(userId),
    close: () => closeAppDeps(deps),
  };
}

export type TestApi = ReturnType<typeof createTestApi>;

import pino from 'pino';
import { buildApp } from '../../src/app.js';
import { SessionTokens } from '../../src/auth/jwt.js';
import { SecretBox } from '../../src/auth/secret-box.js';
import { loadConfig } from '../../src/config.js';
import { createDatabricksGateway } from '../../src/databricks/gateway.js';
import { createPrisma } from '../../src/db/prisma.js';
import type { AppDeps } from '../../src/deps.js';
import { testDatabaseUrl } from './database-url.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }>;
}

/**
 * The real app on the real test database, driven through `yoga.fetch`.
 * `statements` counts SQL statements sent by Prisma (reset it before the request you measure).
 */
export function createTestApi(env: Record<string, string> = {}) {
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
  const prisma = createPrisma(databaseUrl, { onQuery: () => counter.statements++ });
  const secretBox = new SecretBox(config.SECRETS_KEY);
  const deps: AppDeps = {
    config,
    prisma,
    log: pino({ level: 'silent' }),
    sessions: new SessionTokens(config.JWT_SECRET, config.JWT_TTL),
    secretBox,
    databricksGateway: createDatabricksGateway(secretBox, {
      attemptTimeoutMs: 1_500,
      deadlineMs: 3_000,
      now: () => Date.now() + clock.offsetMs,
    }),
  };
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
    close: async () => {
      await deps.databricksGateway.registry.close();
      await prisma.$disconnect();
    },
  };
}

export type TestApi = ReturnType<typeof createTestApi>;

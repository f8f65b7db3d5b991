import type { Logger } from 'pino';
import { SessionTokens } from './auth/jwt.js';
import { SecretBox } from './auth/secret-box.js';
import { ViewerCache, type ViewerCacheOptions } from './auth/viewer-cache.js';
import type { Config } from './config.js';
import { createDatabricksGateway } from './databricks/gateway.js';
import type { RegistryOptions } from './databricks/registry.js';
import { createPrisma, type PrismaOptions } from './db/prisma.js';
import type { AppDeps } from './deps.js';
import { createRunRuntime } from './runs/runtime.js';
import type { RunWatcherOptions } from './runs/watcher.js';

export interface AppDepsOptions extends PrismaOptions {
  log: Logger;
  databricks?: RegistryOptions & { now?: () => number };
  watcher?: Partial<RunWatcherOptions>;
  viewers?: ViewerCacheOptions;
}

/** Builds the process-wide collaborators (the api process and the tests build them the same way). */
export function createAppDeps(config: Config, options: AppDepsOptions): AppDeps {
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const prisma = createPrisma(config.DATABASE_URL, options);
  const secretBox = new SecretBox(config.SECRETS_KEY);
  // A self-signed workspace (the emulator) is trusted through NODE_EXTRA_CA_CERTS, which `npm start` sets.
  const databricksGateway = createDatabricksGateway(secretBox, options.databricks);
  const runs = createRunRuntime(
    { prisma, registry: databricksGateway.registry, log: options.log },
    {
      redisUrl: config.REDIS_URL,
      activeIntervalMs: config.RUN_WATCH_INTERVAL_MS,
      idleIntervalMs: config.RUN_WATCH_IDLE_INTERVAL_MS,
      ...options.watcher,
    },
  );
  const viewers = new ViewerCache(runs.pubsub, options.viewers);
  viewers.listen((error) =>
    options.log.error({ err: error }, 'viewer invalidations stopped; cached viewers expire by age'),
  );
  return {
    config,
    prisma,
    log: options.log,
    sessions: new SessionTokens(config.JWT_SECRET, config.JWT_TTL),
    viewers,
    secretBox,
    databricksGateway,
    runs,
  };
}

/** Stops the watcher and closes every connection (Databricks pools, Redis, Postgres). */
export async function closeAppDeps(deps: AppDeps): Promise<void> {
  await deps.viewers.close();
  await deps.runs.close();
  await deps.databricksGateway.registry.close();
  await deps.prisma.$disconnect();
}

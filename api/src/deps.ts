import type { Logger } from 'pino';
import type { SessionTokens } from './auth/jwt.js';
import type { SecretBox } from './auth/secret-box.js';
import type { ViewerCache } from './auth/viewer-cache.js';
import type { Config } from './config.js';
import type { DatabricksGateway } from './databricks/reader.js';
import type { PrismaClient } from './db/prisma.js';
import type { RunRuntime } from './runs/runtime.js';

/** Long-lived collaborators, built once per process and shared by every request. */
export interface AppDeps {
  config: Config;
  prisma: PrismaClient;
  log: Logger;
  sessions: SessionTokens;
  /** Viewers behind recently seen tokens; `invalidate(userId)` after changing a user's role, tenant or existence. */
  viewers: ViewerCache;
  secretBox: SecretBox;
  /** Connections per integration and the cross-request cache of remote reads. */
  databricksGateway: DatabricksGateway;
  /** Pub/sub and the run watcher. */
  runs: RunRuntime;
}

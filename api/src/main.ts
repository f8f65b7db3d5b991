// The api process: `node --import tsx --import ./api/src/tracing.ts api/src/main.ts` (what `npm start`, bundled,
// and the Docker image run; the second import is OpenTelemetry, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
import { buildApp } from './app.js';
import { type Config, loadConfig } from './config.js';
import { closeAppDeps, createAppDeps } from './deps.js';
import { listen } from './http/server.js';
import { createLogger } from './log.js';
import { startEventReminders } from './notifications/reminders.js';
import { flushTelemetry } from './observability/telemetry-flush.js';
import { startUsageSyncSchedule } from './usage-sync/scheduler.js';

/** How long in-flight requests (and open SSE streams) get to finish before their connections are cut. */
const SHUTDOWN_GRACE_MS = 5_000;

/** Settings that must not keep their development defaults in production: anybody could forge tokens. */
function unsafeForProduction(config: Config): string[] {
  if (config.NODE_ENV !== 'production') return [];
  const defaults = loadConfig({});
  return (['JWT_SECRET', 'SECRETS_KEY'] as const).filter((name) => config[name] === defaults[name]);
}

const config = loadConfig();
const log = createLogger(config);
const unsafe = unsafeForProduction(config);
if (unsafe.length > 0) {
  log.fatal({ settings: unsafe }, `Refusing to start in production with the default ${unsafe.join(' and ')}`);
  process.exit(1);
}
if (!config.DATABASE_URL) {
  log.fatal('DATABASE_URL is not set (npm start sets it for you; see .env.example)');
  process.exit(1);
}

process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'Unhandled promise rejection'));

const deps = createAppDeps(config, { log });
const app = buildApp(deps);
const server = await listen(app, config.PORT, config.HOST, config.MAX_BODY_BYTES);
// Resumes watching every unfinished run left by a previous process.
deps.runs.watcher.start();
// Finishes syncing (and deleting) owned resources left pending by a previous process.
deps.sync.start();
// Each integration's usage-collection settings say whether and how often; the first tick catches up missed days.
const usageSync = startUsageSyncSchedule({ prisma: deps.prisma, registry: deps.databricksGateway.registry, log });
deps.notifications.start();
deps.alerts.start();
const eventReminders = startEventReminders(
  { prisma: deps.prisma, log, onWritten: () => deps.notifications.wake() },
  config.EVENT_REMINDER_HOUR_UTC,
);
log.info({ url: server.url, graphql: `${server.url}${app.graphqlEndpoint}` }, 'CoP OS api listening');

let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'Shutting down: no new connections, finishing in-flight requests');
  // Long-lived streams (SSE) would hold `close()` open forever: cut what is left after the grace period.
  const cut = setTimeout(() => server.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  try {
    usageSync.stop();
    eventReminders.stop();
    await server.close();
    await closeAppDeps(deps);
    await flushTelemetry();
    log.info('Stopped');
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, 'Shutdown failed');
    process.exit(1);
  } finally {
    clearTimeout(cut);
  }
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);

import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Every setting the api reads, with its default. `.env.example` documents the same list. */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  /** When unset, `npm start` runs an embedded PostgreSQL under `.data/postgres`. */
  DATABASE_URL: z.string().url().optional(),
  JWT_SECRET: z.string().min(16).default('dev-only-jwt-secret-change-me'),
  JWT_TTL: z.string().default('8h'),
  /** 32-byte key (base64) that encrypts integration secrets at rest (AES-256-GCM). */
  SECRETS_KEY: z.string().default('ZGV2LW9ubHktc2VjcmV0cy1rZXktY2hhbmdlLW1lISE='),
  REDIS_URL: z.string().optional(),
  /** Starts every Redis channel name, so several deployments (or test runs) can share one Redis. */
  REDIS_CHANNEL_PREFIX: z.string().max(100).default('copos:'),
  /**
   * `1` attaches an unexpected error's message and stack to `extensions.originalError` in GraphQL responses.
   * For debugging only: by default (in development too) responses never carry internals; the log has them.
   */
  DEBUG_ERRORS: z
    .enum(['0', '1'])
    .default('0')
    .transform((value) => value === '1'),
  /** OpenTelemetry collector (OTLP/HTTP); set, `tracing.ts` sends traces there and operations get spans of their own. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Deepest selection a query may have. */
  MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(12),
  /** Largest request body, in bytes. */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
  /** Shared secret Databricks job notifications must present (header `X-Webhook-Secret` or `?secret=`). */
  WEBHOOK_SECRET: z.string().min(12).optional(),
  /** Run watcher tick while runs are active / while idle, in ms. */
  RUN_WATCH_INTERVAL_MS: z.coerce.number().int().positive().default(1_000),
  RUN_WATCH_IDLE_INTERVAL_MS: z.coerce.number().int().positive().default(5_000),
  /** A watcher lease not renewed for this long (its instance died) is taken over by another instance, in ms. */
  RUN_WATCH_LEASE_TTL_MS: z.coerce.number().int().positive().default(15_000),
  /** Slack/Teams notifications: how often the outbox is looked at (ms), and the hour (UTC) of the daily event scan. */
  NOTIFY_INTERVAL_MS: z.coerce.number().int().positive().default(2_000),
  EVENT_REMINDER_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(8),
  /** Where users open the web app; links in notifications point there. */
  APP_URL: z.string().url().default('http://127.0.0.1:5173'),
  /** The web app's production build, served at `/` (nothing is served when the folder does not exist). */
  WEB_DIST_DIR: z.string().default(fileURLToPath(new URL('../../web/dist', import.meta.url))),
  /**
   * Longest a request waits for Databricks, all its remote fields together; a field still unanswered is null
   * with DATABRICKS_TIMEOUT (the rest of the answer is served), and its SQL statement is cancelled.
   */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /** Longest one Databricks REST call may take, retries included. */
  DATABRICKS_CALL_TIMEOUT_MS: z.coerce.number().int().positive().default(8_000),
  /** Longest one SQL statement may take on the warehouse before it is cancelled. */
  SQL_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /** Longest an ad-hoc `sqlQuery` statement may run before it is cancelled (DATABRICKS_TIMEOUT); SQL_STATEMENT_TIMEOUT_MS still bounds it. */
  SQL_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** How long a `sqlQuery` result is served from cache (`cached: true`, `ageSeconds`); 0 turns caching off. */
  SQL_QUERY_CACHE_TTL_SECONDS: z.coerce.number().int().nonnegative().default(60),
  /** Rows a `sqlQuery` result keeps (its pages come from these); `truncated` says when more existed. */
  SQL_QUERY_MAX_ROWS: z.coerce.number().int().positive().default(10_000),
  /** Local copies of datasets (Parquet) and spooled uploads. */
  DATASETS_DIR: z.string().default(fileURLToPath(new URL('../../.data/datasets', import.meta.url))),
  /** Largest CSV a dataset upload accepts, in bytes (PAYLOAD_TOO_LARGE beyond it). */
  DATASET_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024),
  /** The sync reconciler's tick, its first retry delay and its longest back-off between retries, in ms. */
  SYNC_INTERVAL_MS: z.coerce.number().int().positive().default(1_000),
  SYNC_RETRY_BASE_MS: z.coerce.number().int().positive().default(1_000),
  SYNC_RETRY_MAX_MS: z.coerce.number().int().positive().default(10_000),
  /** A reconciler lease not renewed this long is taken over by another instance, in ms. */
  SYNC_LEASE_TTL_MS: z.coerce.number().int().positive().default(15_000),
  /** How often the alert rules are evaluated against the system tables, and the evaluator lease's TTL, in ms. */
  ALERT_EVAL_INTERVAL_MS: z.coerce.number().int().positive().default(60_000),
  ALERT_LEASE_TTL_MS: z.coerce.number().int().positive().default(15_000),
  /** When set, `GET /metrics` requires `Authorization: Bearer <METRICS_TOKEN>`; unset, it is open (scrape it on a private network). */
  METRICS_TOKEN: z.string().min(16).optional(),
  DATABRICKS_HOST: z.string().url().optional(),
  DATABRICKS_TOKEN: z.string().optional(),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

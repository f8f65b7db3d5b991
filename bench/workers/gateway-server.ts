// The api as `npm start` serves it (bundled by esbuild, NODE_ENV=production), without its background jobs, which
// would add statements the bench does not ask for: built and started by `bundledWorker` in `lib/servers.ts` with
// the database URL as argument. Prints its URL. `BENCH_SYNC=1` starts the sync reconciler (datasets' Delta copies).

import { buildApp } from '@cop-os/api/app';
import { loadConfig } from '@cop-os/api/config';
import { createAppDeps } from '@cop-os/api/deps';
import { listen } from '@cop-os/api/http/server';
import pino from 'pino';

const deps = createAppDeps(
  loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: process.argv[2] }),
  { log: pino({ level: 'silent' }) },
);
if (process.env.BENCH_SYNC === '1') deps.sync.start();
const server = await listen(buildApp(deps), 0, '127.0.0.1', deps.config.MAX_BODY_BYTES);
console.log(server.url);
// Stopped by the bench (SIGTERM).
process.once('SIGTERM', () => process.exit(0));

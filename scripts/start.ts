// `npm start`: database (embedded when DATABASE_URL is unset), migrations, demo seed, Databricks emulator (when
// DATABRICKS_HOST is unset), api and web app — started in parallel where they can be; Ctrl-C stops everything in
// order. `npm start -- --timings` prints how long each phase took.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@cop-os/api/config';
import { type Child, startChild, waitUntilReady } from './child-process.js';
import { type EmbeddedEmulator, findPipelineJobId, startEmbeddedEmulator } from './emulator.js';
import { ensurePrismaClient } from './prisma-client.js';
import { type ApiBundle, ensureApiBundle } from './start/api-bundle.js';
import { AlreadyRunningError, acquireInstanceLock } from './start/instance-lock.js';
import { createPhaseTimer } from './start/phases.js';
import { takenPorts } from './start/ports.js';

const timer = createPhaseTimer();
const showTimings = process.argv.includes('--timings');
const root = fileURLToPath(new URL('..', import.meta.url));

if (existsSync(`${root}/.env`)) process.loadEnvFile(`${root}/.env`);
const config = loadConfig();
const DATA_DIR = resolve(root, process.env.DATA_DIR || '.data');
const EMBEDDED_PG_PORT = Number(process.env.EMBEDDED_PG_PORT || 54329);
const WEB_PORT = Number(process.env.WEB_PORT || 5173);
const EMULATOR_PORT = Number(process.env.EMULATOR_PORT || 8443);
const apiUrl = `http://${config.HOST}:${config.PORT}`;
const webUrl = `http://127.0.0.1:${WEB_PORT}`;
const step = (message: string) => console.log(`• ${message}`);

let postgres: { url: string; stop(): Promise<void> } | undefined;
let emulator: EmbeddedEmulator | null = null;
let releaseLock: (() => void) | undefined;
const children: Child[] = [];

let stopping: Promise<void> | undefined;
/** Stops everything in order, once (a second Ctrl-C or a failure while stopping waits for the same stop). */
async function stopAll(code: number): Promise<never> {
  stopping ??= stopEverything();
  await stopping;
  process.exit(code);
}

async function stopEverything() {
  step('Stopping…');
  const stopTimer = createPhaseTimer();
  // The api first: it drains its requests while its database and Databricks are still there.
  for (const child of [...children].reverse()) await stopTimer.phase(`stop ${child.name}`, () => child.stop());
  await stopTimer.phase('stop emulator', async () => emulator?.close().catch(() => undefined));
  await stopTimer.phase('stop postgres', async () =>
    postgres?.stop().catch((error: Error) => console.error(`PostgreSQL did not stop cleanly: ${error.message}`)),
  );
  releaseLock?.();
  if (showTimings) console.log(['Stop phases (offset, duration):', ...stopTimer.report()].join('\n'));
}

// `on`, not `once`: a second Ctrl-C while stopping must not kill us mid-stop.
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
process.on('uncaughtException', (error) => {
  console.error(`\nnpm start failed: ${error.stack ?? error.message}`);
  void stopAll(1);
});

/** A child that ends on its own (a crash) takes everything down with a non-zero exit. */
function watchForCrash(child: Child) {
  void child.exited.then((exitCode) => {
    if (stopping) return;
    console.error(`\nThe ${child.name} exited unexpectedly (code ${exitCode}); stopping everything.`);
    void stopAll(1);
  });
}

async function prepareDatabase(): Promise<string> {
  const { ensureDatabase } = await import('@cop-os/api/db/database-url');
  const { applyMigrations } = await import('@cop-os/api/db/migrate');
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    step(`Starting embedded PostgreSQL on port ${EMBEDDED_PG_PORT} (data in ${DATA_DIR}/postgres)…`);
    const { startEmbeddedPostgres } = await import('@cop-os/api/db/embedded-postgres');
    postgres = await timer.phase('postgres: start', () =>
      startEmbeddedPostgres({
        dataDir: `${DATA_DIR}/postgres`,
        port: EMBEDDED_PG_PORT,
        database: 'copos',
        notice: step,
      }),
    );
    databaseUrl = postgres.url;
  }
  const url = databaseUrl;
  if (await ensureDatabase(url)) step('Created the database.');
  const outcome = await timer.phase('postgres: migrations', () => applyMigrations(url));
  step(outcome === 'applied' ? 'Applied the database migrations.' : 'Database migrations are up to date.');
  return url;
}

async function seedIfEmpty(databaseUrl: string, databricks: { host?: string; token?: string }) {
  const { createPrisma } = await import('@cop-os/api/db/prisma');
  const prisma = createPrisma(databaseUrl);
  try {
    if ((await prisma.customer.count()) > 0) return;
    step('Seeding demo data…');
    const { seed } = await import('../prisma/seed/index.js');
    const pipelineJobId = emulator ? await findPipelineJobId(emulator) : undefined;
    const { serviceTokens } = await seed(prisma, {
      secretsKey: config.SECRETS_KEY,
      databricks: {
        host: databricks.host,
        token: databricks.token,
        pipelineJobId,
        hosts: emulator ? Object.fromEntries(emulator.workspaces.map((w) => [w.workspaceId, w.url])) : undefined,
      },
    });
    for (const { customer, token } of serviceTokens)
      console.log(`  Usage-job service token for ${customer} (shown once): ${token}`);
  } finally {
    await prisma.$disconnect();
  }
}

function startApi(
  bundle: ApiBundle,
  databaseUrl: string,
  databricks: { host?: string; token?: string; caFile?: string },
): Child {
  // The Databricks SQL driver trusts extra CAs only through NODE_EXTRA_CA_CERTS, read at process start.
  return startChild('api', process.execPath, ['--enable-source-maps', '--import', bundle.tracing, bundle.file], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ...(databricks.host && { DATABRICKS_HOST: databricks.host }),
      ...(databricks.token && { DATABRICKS_TOKEN: databricks.token }),
      ...(databricks.caFile && { NODE_EXTRA_CA_CERTS: databricks.caFile }),
    },
  });
}

/** Vite's dev server, started directly (not through npm and a shell) so that stopping it stops it. */
function startWeb(): Child {
  const manifest = createRequire(`${root}/web/package.json`).resolve('vite/package.json');
  const vite = join(dirname(manifest), 'bin/vite.js');
  return startChild('web app', process.execPath, [vite, '--port', String(WEB_PORT), '--strictPort'], {
    cwd: `${root}/web`,
    env: { ...process.env, VITE_API_URL: apiUrl },
  });
}

async function main() {
  releaseLock = acquireInstanceLock(`${DATA_DIR}/npm-start.pid`);
  const taken = await takenPorts([
    { port: config.PORT, host: config.HOST, owner: 'the api', variable: 'PORT' },
    { port: WEB_PORT, host: '127.0.0.1', owner: 'the web app', variable: 'WEB_PORT' },
    ...(config.DATABRICKS_HOST
      ? []
      : [
          { port: EMULATOR_PORT, host: '127.0.0.1', owner: 'the Databricks emulator', variable: 'EMULATOR_PORT' },
          {
            port: EMULATOR_PORT + 1,
            host: '127.0.0.1',
            owner: "the Databricks emulator's second workspace",
            variable: 'EMULATOR_PORT',
          },
        ]),
    ...(config.DATABASE_URL
      ? []
      : [
          { port: EMBEDDED_PG_PORT, host: '127.0.0.1', owner: 'the embedded PostgreSQL', variable: 'EMBEDDED_PG_PORT' },
        ]),
  ]);
  if (taken.length > 0) {
    for (const line of taken) console.error(line);
    await stopAll(1);
  }
  if (await timer.phase('prisma client', ensurePrismaClient)) step('Generated the Prisma client (schema changed).');

  // The dev server only proxies to the api: it can come up while everything else does.
  const web = startWeb();
  children.push(web);
  watchForCrash(web);

  const databricks = {
    host: config.DATABRICKS_HOST,
    token: config.DATABRICKS_TOKEN,
    caFile: process.env.NODE_EXTRA_CA_CERTS,
  };
  const startEmulator = async () => {
    if (config.DATABRICKS_HOST) return;
    step('Starting the Databricks emulator…');
    emulator = await startEmbeddedEmulator({
      caFile: process.env.EMULATOR_CA_FILE || `${DATA_DIR}/emulator/ca.pem`,
      dataDir: `${DATA_DIR}/emulator`,
      port: EMULATOR_PORT,
    });
    if (emulator) Object.assign(databricks, { host: emulator.url, token: emulator.token, caFile: emulator.caFile });
  };
  const [databaseUrl, bundle] = await Promise.all([
    timer.phase('postgres', prepareDatabase),
    timer.phase('api: build (when its sources changed)', () => ensureApiBundle(root)),
    timer.phase('emulator', startEmulator),
  ]);

  // Before the api: its first usage tick (in the background, after "ready") then finds the seeded integrations and
  // syncs their 90 days of platform usage from the system tables, so the KPIs agree with them from the first start.
  await timer.phase('seed (first start only)', () => seedIfEmpty(databaseUrl, databricks));
  step('Starting the api…');
  const api = startApi(bundle, databaseUrl, databricks);
  children.push(api);
  watchForCrash(api);
  await Promise.all([
    timer.phase('api: start', () => waitUntilReady(api, `${apiUrl}/ready`)),
    timer.phase('web app', () => waitUntilReady(web, webUrl)),
  ]);
  await printReady(databricks.host);
}

async function printReady(databricksUrl: string | undefined) {
  const { DEMO_PASSWORD, demoAccounts } = await import('../prisma/seed/index.js');
  const width = Math.max(...demoAccounts().map((account) => account.email.length));
  console.log(
    [
      '',
      `CoP OS is ready (${(timer.elapsedMs() / 1000).toFixed(1)} s).`,
      `  GraphiQL    ${apiUrl}/graphql`,
      `  Web app     ${webUrl}`,
      `  Databricks  ${databricksUrl ?? '(none: DATABRICKS_HOST unset and the emulator did not start)'}${emulator ? ' (emulator)' : ''}`,
      ...(showTimings ? ['', 'Start-up phases (offset, duration):', ...timer.report()] : []),
      '',
      `Demo accounts (password "${DEMO_PASSWORD}"):`,
      ...demoAccounts().map((a) => `  ${a.email.padEnd(width)}  ${a.role.padEnd(14)} ${a.customer ?? ''}`),
      '',
      'Ctrl-C stops everything.',
    ].join('\n'),
  );
}

try {
  await main();
} catch (error) {
  // A start cut short by Ctrl-C fails in whatever step it was in: that is no error to report.
  if (!stopping) console.error(`\nnpm start failed: ${(error as Error).message}`);
  if (error instanceof AlreadyRunningError) process.exit(1);
  await stopAll(1);
}

// `npm start`: database (embedded when DATABASE_URL is unset), migrations, demo seed, Databricks emulator
// (when DATABRICKS_HOST is unset), api and web app; Ctrl-C stops everything in order.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../api/src/config.js';
import { ensureDatabase } from '../api/src/db/database-url.js';
import { type RunningPostgres, startEmbeddedPostgres } from '../api/src/db/embedded-postgres.js';
import { applyMigrations } from '../api/src/db/migrate.js';
import { createPrisma } from '../api/src/db/prisma.js';
import { DEMO_PASSWORD, demoAccounts, seed } from '../prisma/seed/index.js';
import { type Child, startChild, waitUntilReady } from './child-process.js';
import { type EmbeddedEmulator, findPipelineJobId, startEmbeddedEmulator } from './emulator.js';

const startedAt = performance.now();
const root = fileURLToPath(new URL('..', import.meta.url));
const EMBEDDED_PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const WEB_PORT = Number(process.env.WEB_PORT ?? 5173);

if (existsSync(`${root}/.env`)) process.loadEnvFile(`${root}/.env`);
const config = loadConfig();
const step = (message: string) => console.log(`• ${message}`);

let postgres: RunningPostgres | undefined;
let emulator: EmbeddedEmulator | null = null;
const children: Child[] = [];

let stopping = false;
async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    step('Stopping…');
    // Reverse start order: the api drains its requests while its database and Databricks are still there.
    for (const child of [...children].reverse()) await child.stop();
    await emulator?.close().catch(() => undefined);
    await postgres?.stop();
  }
  process.exit(code);
}
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    step(`Starting embedded PostgreSQL on port ${EMBEDDED_PG_PORT} (data in .data/postgres)…`);
    postgres = await startEmbeddedPostgres({
      dataDir: `${root}/.data/postgres`,
      port: EMBEDDED_PG_PORT,
      database: 'copos',
    });
    databaseUrl = postgres.url;
  }
  if (await ensureDatabase(databaseUrl)) step('Created the database.');
  step('Applying migrations…');
  await applyMigrations(databaseUrl);

  const databricks = {
    host: config.DATABRICKS_HOST,
    token: config.DATABRICKS_TOKEN,
    caFile: process.env.NODE_EXTRA_CA_CERTS,
  };
  if (!config.DATABRICKS_HOST) {
    step('Starting the Databricks emulator…');
    emulator = await startEmbeddedEmulator();
    if (emulator) Object.assign(databricks, { host: emulator.url, token: emulator.token, caFile: emulator.caFile });
  }

  const prisma = createPrisma(databaseUrl);
  try {
    if ((await prisma.customer.count()) === 0) {
      step('Seeding demo data…');
      const pipelineJobId = emulator ? await findPipelineJobId(emulator) : undefined;
      const { serviceTokens } = await seed(prisma, {
        secretsKey: config.SECRETS_KEY,
        databricks: { host: databricks.host, token: databricks.token, pipelineJobId },
      });
      for (const { customer, token } of serviceTokens)
        console.log(`  Usage-job service token for ${customer} (shown once): ${token}`);
    }
  } finally {
    await prisma.$disconnect();
  }

  step('Starting the api…');
  // The Databricks SQL driver trusts extra CAs only through NODE_EXTRA_CA_CERTS, read at process start.
  const api = startChild('api', process.execPath, ['--import', 'tsx', `${root}/api/src/main.ts`], {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ...(databricks.host && { DATABRICKS_HOST: databricks.host }),
    ...(databricks.token && { DATABRICKS_TOKEN: databricks.token }),
    ...(databricks.caFile && { NODE_EXTRA_CA_CERTS: databricks.caFile }),
  });
  children.push(api);
  const apiUrl = `http://${config.HOST}:${config.PORT}`;
  await waitUntilReady(api, `${apiUrl}/ready`);
  void api.exited.then((code) => {
    if (stopping) return;
    console.error(`The api exited unexpectedly (code ${code}).`);
    void stopAll(1);
  });

  const webUrl = startWeb(apiUrl);
  printReady(apiUrl, webUrl, emulator?.url ?? config.DATABRICKS_HOST);
} catch (error) {
  console.error(`\nnpm start failed: ${(error as Error).message}`);
  await stopAll(1);
}

/** The web app's dev server, once `web/` has one; null until then. */
function startWeb(apiUrl: string): string | null {
  const manifest = JSON.parse(readFileSync(`${root}/web/package.json`, 'utf8')) as { scripts?: Record<string, string> };
  if (!manifest.scripts?.dev) return null;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['run', 'dev', '-w', 'web', '--', '--port', String(WEB_PORT), '--strictPort'];
  children.push(startChild('web', npm, args, { ...process.env, VITE_API_URL: apiUrl }));
  return `http://127.0.0.1:${WEB_PORT}`;
}

function printReady(apiUrl: string, webUrl: string | null, databricksUrl: string | undefined) {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const width = Math.max(...demoAccounts().map((account) => account.email.length));
  console.log(
    [
      '',
      `CoP OS is ready (${seconds} s).`,
      `  GraphiQL    ${apiUrl}/graphql`,
      `  Web app     ${webUrl ?? '(web/ has no dev server yet)'}`,
      `  Databricks  ${databricksUrl ?? '(none: DATABRICKS_HOST unset and the emulator did not start)'}${emulator ? ' (emulator)' : ''}`,
      '',
      `Demo accounts (password "${DEMO_PASSWORD}"):`,
      ...demoAccounts().map((a) => `  ${a.email.padEnd(width)}  ${a.role.padEnd(14)} ${a.customer ?? ''}`),
      '',
      'Ctrl-C stops everything.',
    ].join('\n'),
  );
}

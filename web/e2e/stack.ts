// The real stack for the browser test: a fresh seeded database, the Databricks emulator (in this process, sped
// up so a run takes seconds) and the api serving the production build of the web app on its own origin.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '@cop-os/api/config';
import { dropDatabase } from '@cop-os/api/db/database-url';
import { createPrisma } from '@cop-os/api/db/prisma';
import { createDatabaseFrom, migratedTemplate } from '@cop-os/api/db/template';
import { type RunningEmulator, startEmulator } from '../../emulator/src/app.js';
import { seed } from '../../prisma/seed/index.js';
import { type Child, startChild, waitUntilReady } from '../../scripts/child-process.js';
import { findPipelineJobId } from '../../scripts/emulator.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** Runs progress this many times faster than on a workspace: a Bronze run takes a few seconds. */
const EMULATOR_SPEED = 100;
/**
 * The jobs run in the seed's Northwind production workspace (so their history in the system tables is that of
 * the Data Engineering CoP's workspace), and clusters take 3–4 s to start: time to watch the ETA count down.
 */
const E2E_SCENARIO = { workspaceId: '1001001001001001', setupSeconds: [300, 400] as [number, number] };

export interface Stack {
  /** The api's origin, which also serves the web app. */
  url: string;
  /** The Databricks emulator the seeded integrations point at (`caFile`, `caPem`: its certificate authority). */
  emulator: { url: string; token: string; caFile: string; caPem: string };
  stop(): Promise<void>;
}

export interface StackOptions {
  databaseUrl: string;
  /** Skip `vite build` and serve the existing `web/dist`. */
  skipBuild: boolean;
  log(message: string): void;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const children: Child[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'copos-e2e-'));
  let emulator: RunningEmulator | undefined;
  const stop = async () => {
    for (const child of children.reverse()) await child.stop(5_000);
    await emulator?.close();
    await dropDatabase(options.databaseUrl).catch(() => {});
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const build = options.skipBuild ? Promise.resolve() : buildWebApp(options.log);
    // Awaited below, after the emulator and seed: a failed build must not surface as an unhandled rejection first.
    build.catch(() => undefined);
    options.log('Starting the Databricks emulator…');
    emulator = await startEmulator({
      port: 0,
      speed: EMULATOR_SPEED,
      caFile: join(scratch, 'ca.pem'),
      quiet: true,
      scenario: E2E_SCENARIO,
    });
    options.log('Recreating the e2e database from the migrated template…');
    await createDatabaseFrom(options.databaseUrl, await migratedTemplate(options.databaseUrl));
    options.log(`Seeding demo data pointing at the emulator (${emulator.url})…`);
    await seedDatabase(options.databaseUrl, emulator);
    await build;

    const url = `http://127.0.0.1:${await freePort()}`;
    options.log(`Starting the api (serving web/dist) on ${url}…`);
    const api = startChild('api', process.execPath, ['--import', 'tsx', `${repoRoot}api/src/main.ts`], {
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        DATABRICKS_HOST: emulator.url,
        DATABRICKS_TOKEN: emulator.token,
        // The Databricks SQL driver trusts the emulator's self-signed certificate only through this, read at start.
        NODE_EXTRA_CA_CERTS: emulator.caFile,
        WEB_DIST_DIR: `${repoRoot}web/dist`,
        DATASETS_DIR: join(scratch, 'datasets'),
        SYNC_INTERVAL_MS: '250',
        PORT: new URL(url).port,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        RUN_WATCH_INTERVAL_MS: '250',
        RUN_WATCH_IDLE_INTERVAL_MS: '1000',
        ALERT_EVAL_INTERVAL_MS: '1000',
      },
    });
    children.push(api);
    await waitUntilReady(api, `${url}/ready`);
    return {
      url,
      emulator: { url: emulator.url, token: emulator.token, caFile: emulator.caFile, caPem: emulator.caPem },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function buildWebApp(log: (message: string) => void): Promise<void> {
  log('Building the web app…');
  try {
    await run('npm', ['run', 'build', '-w', 'web'], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`The web build failed:\n${stdout}${stderr}`);
  }
}

/** The demo seed, its integrations pointing at the emulator and the pipeline job it generated. */
async function seedDatabase(databaseUrl: string, emulator: RunningEmulator): Promise<void> {
  const prisma = createPrisma(databaseUrl);
  try {
    const pipelineJobId = await findPipelineJobId(emulator);
    await seed(prisma, {
      secretsKey: loadConfig().SECRETS_KEY,
      databricks: { host: emulator.url, token: emulator.token, pipelineJobId },
    });
  } finally {
    await prisma.$disconnect();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

// The real stack for the browser test: a fresh seeded database, the api process and the built web app.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { type Child, startChild, waitUntilReady } from '../../scripts/child-process.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const viteBin = join(dirname(createRequire(`${repoRoot}web/package.json`).resolve('vite/package.json')), 'bin/vite.js');

const UNREACHABLE_DATABRICKS = 'https://127.0.0.1:9';

export interface Stack {
  webUrl: string;
  apiUrl: string;
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
  const stop = async () => {
    for (const child of children.reverse()) await child.stop(5_000);
  };
  try {
    options.log('Recreating the e2e database…');
    await recreateDatabase(options.databaseUrl);
    // Databricks is deliberately unreachable (nothing listens on port 9): the browser test proves that an
    // outage shows on the remote panel in words while every local panel still works.
    const env = { ...process.env, DATABASE_URL: options.databaseUrl, DATABRICKS_HOST: UNREACHABLE_DATABRICKS };
    options.log('Applying migrations and seeding demo data…');
    await npm(['run', 'db:deploy'], env);
    await npm(['run', 'db:seed'], env);
    if (!options.skipBuild) {
      options.log('Building the web app…');
      await npm(['run', 'build', '-w', 'web'], env);
    }

    const [apiPort, webPort] = [await freePort(), await freePort()];
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    options.log(`Starting the api on ${apiUrl}…`);
    const api = startChild('api', process.execPath, ['--import', 'tsx', `${repoRoot}api/src/main.ts`], {
      ...env,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });
    children.push(api);
    await waitUntilReady(api, `${apiUrl}/ready`);

    // `vite preview` serves web/dist and proxies /graphql (HTTP and WebSocket) to the api, as the api will in production.
    const webUrl = `http://127.0.0.1:${webPort}`;
    options.log(`Serving web/dist on ${webUrl}…`);
    // Vite itself rather than `npm run preview`: stopping npm would leave its vite child running.
    const previewArgs = [viteBin, 'preview', `${repoRoot}web`, '--port', String(webPort), '--strictPort'];
    const web = startChild('web', process.execPath, previewArgs, {
      ...env,
      VITE_API_URL: apiUrl,
    });
    children.push(web);
    await waitUntilReady(web, webUrl);
    return { webUrl, apiUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function npm(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run('npm', args, { cwd: repoRoot, env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(' ')} failed:\n${stdout}${stderr}`);
  }
}

/** Drops and creates the database so every run starts from the same seed. */
async function recreateDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
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

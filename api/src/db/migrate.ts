import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const migrationsDir = `${repoRoot}prisma/migrations`;
const prismaCli = `${repoRoot}node_modules/prisma/build/index.js`;
// The last line `migrate deploy` prints once its work is done.
const FINISHED = /All migrations have been successfully applied|No pending migrations to apply/;

/** Migration folders with the checksum Prisma records for each (sha256 of its migration.sql). */
function localMigrations(): { name: string; checksum: string }[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map(({ name }) => ({
      name,
      checksum: createHash('sha256')
        .update(readFileSync(`${migrationsDir}/${name}/migration.sql`))
        .digest('hex'),
    }));
}

/** True when every local migration is recorded as applied, unchanged, in `_prisma_migrations`. */
export async function migrationsUpToDate(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    return localMigrations().every(({ name, checksum }) => applied.get(name) === checksum);
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return false; // no _prisma_migrations table yet
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * `prisma migrate deploy` against `databaseUrl`, through the CLI and `prisma.config.ts` (the Wasm engine).
 * The Wasm schema engine keeps a 10 s timer alive after it has finished, so the CLI is ended once it has printed
 * its final line; nothing runs when the database already has every migration.
 */
export async function applyMigrations(databaseUrl: string): Promise<'applied' | 'up-to-date'> {
  if (await migrationsUpToDate(databaseUrl)) return 'up-to-date';
  const cli = spawn(process.execPath, [prismaCli, 'migrate', 'deploy'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: '1' },
  });
  let output = '';
  const finished = await new Promise<boolean>((resolve) => {
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (FINISHED.test(output)) resolve(true);
    };
    cli.stdout.on('data', collect);
    cli.stderr.on('data', collect);
    cli.once('exit', (code) => resolve(code === 0 && FINISHED.test(output)));
  });
  cli.kill();
  if (!finished) throw new Error(`prisma migrate deploy failed:\n${output}`);
  return 'applied';
}

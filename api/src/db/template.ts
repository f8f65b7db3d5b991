import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { dropNamedDatabase, withServer } from './database-url.js';
import { applyMigrations } from './migrate.js';

const migrationsDir = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));

/**
 * The name of a database holding exactly what `prisma migrate deploy` makes of today's migrations, built on the
 * URL's server when it does not exist yet. Migrating through the Wasm engine takes ~10 s; copying the template
 * (`createDatabaseFrom`) takes a fraction of a second, so tests, the e2e and the bench migrate once per set of
 * migrations and copy from then on. The name carries a hash of the migration files: a changed or new migration
 * makes a new template, never a stale copy. Concurrent runs build it once (an advisory lock), and the template
 * appears under its name only when fully migrated (built under another name, then renamed).
 */
export async function migratedTemplate(serverUrl: string): Promise<string> {
  const name = `copos_template_${await migrationsHash()}`;
  return withServer(serverUrl, async (client) => {
    const exists = async () =>
      (await client.query('SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate', [name])).rowCount === 1;
    if (await exists()) return name;
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      if (await exists()) return name;
      const building = `${name}_building`;
      const id = client.escapeIdentifier.bind(client);
      await dropNamedDatabase(client, building);
      await client.query(`CREATE DATABASE ${id(building)}`);
      const buildingUrl = new URL(serverUrl);
      buildingUrl.pathname = `/${building}`;
      await applyMigrations(buildingUrl.toString());
      // The migration CLI has exited; a backend it left closing must not block the rename.
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [building]);
      await client.query(`ALTER DATABASE ${id(building)} RENAME TO ${id(name)}`);
      // Nobody may connect to a template: a connection would make every copy fail.
      await client.query(`ALTER DATABASE ${id(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      return name;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

/** Creates the URL's database as a copy of `template` when it does not exist yet. */
export function ensureDatabaseFrom(databaseUrl: string, template: string): Promise<void> {
  return withServer(databaseUrl, async (client, name) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await copyDatabase(client, template, name);
  });
}

/** (Re)creates the URL's database as a copy of `template`, dropping any database of that name first. */
export function createDatabaseFrom(databaseUrl: string, template: string): Promise<void> {
  return withServer(databaseUrl, async (client, name) => {
    await dropNamedDatabase(client, name);
    await copyDatabase(client, template, name);
  });
}

function copyDatabase(client: pg.Client, template: string, name: string) {
  return client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`);
}

/** A short hash of every file under prisma/migrations (paths and contents). */
async function migrationsHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(migrationsDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files)
    hash
      .update(relative(migrationsDir, file))
      .update('\0')
      .update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

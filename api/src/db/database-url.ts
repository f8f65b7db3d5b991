import pg from 'pg';

/** The database name in a PostgreSQL URL. */
export const databaseName = (databaseUrl: string) => decodeURIComponent(new URL(databaseUrl).pathname.slice(1));

/**
 * Runs `work` connected to the server's `postgres` maintenance database (CREATE/DROP DATABASE cannot run inside
 * the target); `name` is the URL's database.
 */
export async function withServer<T>(
  databaseUrl: string,
  work: (client: pg.Client, name: string) => Promise<T>,
): Promise<T> {
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    return await work(client, databaseName(databaseUrl));
  } finally {
    await client.end();
  }
}

/** Creates the URL's database when it does not exist yet; true when it was created. */
export function ensureDatabase(databaseUrl: string): Promise<boolean> {
  return withServer(databaseUrl, async (client, name) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  });
}

/** Drops database `name` (closing its connections) if it exists, on a maintenance connection. */
export async function dropNamedDatabase(client: pg.Client, name: string): Promise<void> {
  await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
}

/** Drops the URL's database (closing its connections) if it exists. */
export function dropDatabase(databaseUrl: string): Promise<void> {
  return withServer(databaseUrl, dropNamedDatabase);
}

/** Drops and creates the URL's database, so a run (tests, e2e, bench) starts from nothing. */
export async function recreateDatabase(databaseUrl: string): Promise<void> {
  await dropDatabase(databaseUrl);
  await withServer(databaseUrl, async (client, name) => {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
}

/**
 * The database of the running api test file: a copy of the run's migrated template made for this file alone
 * by `file-setup.ts`, so files running in parallel never share rows.
 */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('TEST_DATABASE_URL is not set: run the api tests through vitest (its set-up creates the database)');
  return url;
}

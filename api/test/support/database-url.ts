/**
 * The database the api tests use. The global setup creates a fresh one per test run (so parallel runs never
 * share data) and publishes its URL through the environment, which the test workers inherit.
 */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'TEST_DATABASE_URL is not set: run the api tests through vitest (global setup creates the database)',
    );
  return url;
}

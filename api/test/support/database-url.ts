/** The database every api test uses; recreated by the global setup at the start of a run. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/copos_test';

import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { defineConfig } from 'prisma/config';

const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

/**
 * The Wasm schema engine cannot deserialize Postgres `name` columns (prisma/orm#27403):
 * report them as `text` in query results. `pg.Pool` uses the callback form of
 * `client.query`, so both the callback and the promise form are patched.
 */
class NameAsTextClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: mirrors pg's overloaded signature
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (err: Error | null, result: pg.QueryResult) =>
        last(err, err ? result : renameTypes(result));
      return super.query(...(args as Parameters<pg.Client['query']>));
    }
    const pending = super.query(...(args as Parameters<pg.Client['query']>)) as unknown;
    return pending instanceof Promise ? pending.then(renameTypes) : pending;
  }
}

function renameTypes<T>(result: T): T {
  for (const part of Array.isArray(result) ? result : [result]) {
    for (const field of (part as pg.QueryResult | undefined)?.fields ?? []) {
      if (field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  adapter: async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set');
    return new PrismaPg(new pg.Pool({ connectionString, Client: NameAsTextClient }));
  },
});

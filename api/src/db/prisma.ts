import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { cacheQueryPlans } from './query-plan-cache.js';

export type { PrismaClient };

export interface PrismaOptions {
  /** Called once per SQL statement: lets tests count statements per request. */
  onQuery?: (sql: string) => void;
}

/** Distinct statements one connection prepares at most; any further ones run unprepared. */
const PREPARED_PER_CONNECTION = 500;
const names = new Map<string, string>();

/** The name a statement is prepared under: its text's hash, so equal texts share a name and a plan. */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `prisma_${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size >= 10_000) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * A connection that prepares the statements Prisma sends. Prisma's nested reads (lateral joins) take PostgreSQL
 * longer to plan than to run; prepared, each is planned a few times per connection and then reuses its plan.
 */
class PreparingClient extends pg.Client {
  private readonly prepared = new Set<string>();

  // biome-ignore lint/suspicious/noExplicitAny: one override for all of pg's `query` overloads, passed through as is
  override query(config: unknown, ...rest: unknown[]): any {
    if (config && typeof config === 'object' && 'text' in config && !('name' in config)) {
      const name = statementName((config as { text: string }).text);
      if (this.prepared.has(name) || this.prepared.size < PREPARED_PER_CONNECTION) {
        this.prepared.add(name);
        return (super.query as (...args: unknown[]) => unknown)({ ...config, name }, ...rest);
      }
    }
    return (super.query as (...args: unknown[]) => unknown)(config, ...rest);
  }
}

export function createPrisma(databaseUrl: string, options: PrismaOptions = {}): PrismaClient {
  cacheQueryPlans();
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10, Client: PreparingClient });
  if (!options.onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  const onQuery = options.onQuery;
  client.$on('query', (event) => onQuery(event.query));
  return client;
}

import type { PrismaClient } from '../db/prisma.js';

/**
 * A lease per integration in Postgres: exactly one instance watches a workspace's runs. The holder renews
 * it all through its ticks; when it dies the lease expires and another instance takes over on its next tick.
 */
export async function tryHoldLease(
  prisma: PrismaClient,
  integrationId: string,
  holder: string,
  ttlMs: number,
): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ holder: string }[]>`
    INSERT INTO "WatchLease" ("integrationId", "holder", "expiresAt", "updatedAt")
    VALUES (${integrationId}, ${holder}, now() + ${ttlMs} * interval '1 millisecond', now())
    ON CONFLICT ("integrationId") DO UPDATE
      SET "holder" = EXCLUDED."holder", "expiresAt" = EXCLUDED."expiresAt", "updatedAt" = now()
      WHERE "WatchLease"."holder" = ${holder} OR "WatchLease"."expiresAt" < now()
    RETURNING "holder"`;
  return rows[0]?.holder === holder;
}

export async function releaseLeases(prisma: PrismaClient, holder: string): Promise<void> {
  await prisma.watchLease.deleteMany({ where: { holder } });
}

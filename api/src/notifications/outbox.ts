import type { PrismaClient } from '../db/prisma.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Notice } from './notice.js';
import { CHAT_TYPES } from './webhook-post.js';

/** The client or a transaction: a notice is best written in the transaction of the change it announces. */
export type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Puts a notice in the outbox for every active Slack and Teams integration of the customer. `dedupeKey` names
 * the event (`run:<id>:finished`): writing the same event again is a no-op (unique key, ON CONFLICT DO NOTHING),
 * so a retried trigger, a second instance or a re-run scan never sends it twice. Returns the rows written.
 */
export async function enqueueNotice(db: Db, customerId: string, dedupeKey: string, notice: Notice): Promise<number> {
  const channels = await db.integration.findMany({
    where: { customerId, isActive: true, type: { in: [...CHAT_TYPES] } },
    select: { id: true },
  });
  if (channels.length === 0) return 0;
  const { count } = await db.notification.createMany({
    data: channels.map((channel) => ({ integrationId: channel.id, dedupeKey, notice: notice as object })),
    skipDuplicates: true,
  });
  return count;
}

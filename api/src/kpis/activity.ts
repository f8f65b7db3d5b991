import type { PrismaClient } from '../db/prisma.js';
import { Prisma } from '../generated/prisma/client.js';
import type { ActivityKind } from '../generated/prisma/enums.js';

/** Thrown when attendees named are not members of the event's CoP. */
export class NotMembersError extends Error {
  constructor(readonly userIds: string[]) {
    super(`${userIds.length} of the people named are not members of this CoP.`);
    this.name = 'NotMembersError';
  }
}

/** Records that a person viewed a content asset today (once per person, asset and day). */
export async function recordContentView(prisma: PrismaClient, assetId: string, userId: string): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "MemberActivity" ("id", "copId", "userId", "kind", "entityId", "day")
    SELECT gen_random_uuid()::text, a."copId", ${userId}, 'CONTENT_VIEW'::"ActivityKind", a.id, CURRENT_DATE
      FROM "ContentAsset" a WHERE a.id = ${assetId}
    ON CONFLICT ("kind", "entityId", "userId", "day") DO NOTHING`;
}

/**
 * Records members as attendees of an event (on the event's day), in one transaction: every person must be a member
 * of the event's CoP, else nothing is written. The event's attendance becomes at least the number of attendees
 * recorded (it may count guests besides). Answers the attendees recorded in all.
 */
export async function recordEventAttendance(
  prisma: PrismaClient,
  event: { id: string; copId: string; startsAt: Date },
  userIds: string[],
): Promise<number> {
  const people = [...new Set(userIds)];
  return prisma.$transaction(async (tx) => {
    const members = await tx.membership.findMany({
      where: { copId: event.copId, userId: { in: people } },
      select: { userId: true },
    });
    const memberIds = new Set(members.map((member) => member.userId));
    const strangers = people.filter((id) => !memberIds.has(id));
    if (strangers.length > 0) throw new NotMembersError(strangers);
    const kind: ActivityKind = 'EVENT_ATTENDANCE';
    const day = new Date(`${event.startsAt.toISOString().slice(0, 10)}T00:00:00Z`);
    await tx.memberActivity.createMany({
      data: people.map((userId) => ({ copId: event.copId, userId, kind, entityId: event.id, day })),
      skipDuplicates: true,
    });
    const [row] = await tx.$queryRaw<{ attendees: number }[]>(Prisma.sql`
      UPDATE "CopEvent" SET "attendance" = GREATEST("attendance", counted.attendees), "updatedAt" = now()
        FROM (SELECT COUNT(DISTINCT "userId")::int AS attendees FROM "MemberActivity"
               WHERE "kind" = 'EVENT_ATTENDANCE' AND "entityId" = ${event.id}) AS counted
       WHERE "CopEvent".id = ${event.id}
      RETURNING counted.attendees`);
    return row?.attendees ?? 0;
  });
}

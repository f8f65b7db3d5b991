import type { PrismaClient } from '@cop-os/api/db/prisma';
import type { CopPeople } from './people.js';
import { between, randomFrom, sample } from './random.js';
import { addDays } from './rows.js';
import type { SeededCop } from './tenants.js';

/** Days back over which members viewed content. */
const VIEW_DAYS = 60;

/**
 * Who of the members attended each past event and viewed which content on which day (`MemberActivity`), so that
 * MAP can be computed. Attendees are members only (an event's attendance also counts guests). Idempotent: the
 * unique key of an activity skips rows already there.
 */
export async function seedActivity(
  prisma: PrismaClient,
  cops: SeededCop[],
  people: Map<string, CopPeople>,
  today: Date,
) {
  const copIds = cops.map((cop) => cop.id);
  const [events, assets] = await Promise.all([
    prisma.copEvent.findMany({
      where: { copId: { in: copIds }, startsAt: { lt: today } },
      select: { id: true, copId: true, title: true, startsAt: true, attendance: true },
    }),
    prisma.contentAsset.findMany({ where: { copId: { in: copIds } }, select: { id: true, copId: true, title: true } }),
  ]);
  const members = (copId: string) => people.get(copId)?.memberIds ?? [];
  const attendance = events.flatMap((event) => {
    const random = randomFrom(`attendance:${event.copId}:${event.title}`);
    const invited = members(event.copId);
    const attendees = sample(random, invited, Math.min(invited.length, Math.max(0, event.attendance - 4)));
    const day = new Date(`${event.startsAt.toISOString().slice(0, 10)}T00:00:00Z`);
    return attendees.map((userId) => ({
      copId: event.copId,
      userId,
      kind: 'EVENT_ATTENDANCE' as const,
      entityId: event.id,
      day,
    }));
  });
  const views = assets.flatMap((asset) => {
    const random = randomFrom(`views:${asset.copId}:${asset.title}`);
    const readers = members(asset.copId);
    return sample(random, readers, Math.min(readers.length, between(random, 2, 9))).map((userId) => ({
      copId: asset.copId,
      userId,
      kind: 'CONTENT_VIEW' as const,
      entityId: asset.id,
      day: addDays(today, -between(random, 0, VIEW_DAYS - 1)),
    }));
  });
  await prisma.memberActivity.createMany({ data: [...attendance, ...views], skipDuplicates: true });
}

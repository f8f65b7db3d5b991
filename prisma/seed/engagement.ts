import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@cop-os/api/db/prisma';
import type { CopPeople } from './people.js';
import { between, pick, randomFrom, sample } from './random.js';
import { addDays, copTitlesOf, missing, missingByCopTitle } from './rows.js';
import type { SeededCop } from './tenants.js';
import { CHAMPION_REASONS, DISCUSSIONS } from './texts.js';

const TIERS = ['Tier 1: self-service', 'Tier 2: guided', 'Tier 3: co-build'];

export async function seedUseCases(prisma: PrismaClient, cops: SeededCop[], people: Map<string, CopPeople>) {
  const rows = cops.flatMap((cop) => {
    const random = randomFrom(`use-cases:${cop.spec.name}`);
    const { leadId, memberIds, nameOf } = people.get(cop.id)!;
    return cop.spec.useCases.map(([title, problem, status, valueEstimate]) => ({
      copId: cop.id,
      title,
      problem,
      status,
      valueEstimate,
      solution:
        status === 'IDEA'
          ? ''
          : `Delta Lake tables and Lakeflow Jobs in ${cop.customer.spec.workspaces[cop.spec.workspace].name}.`,
      leader: nameOf(pick(random, [leadId, ...memberIds.slice(1, 4)])),
      enablementTier: pick(random, TIERS),
      platform: 'Databricks',
    }));
  });
  const existing = await prisma.useCase.findMany(copTitlesOf(cops.map((cop) => cop.id)));
  await prisma.useCase.createMany({ data: missingByCopTitle(rows, existing) });
}

/** Every CoP's champions are recognized once, for a reason from the pool. */
export async function seedChampions(
  prisma: PrismaClient,
  cops: SeededCop[],
  people: Map<string, CopPeople>,
  today: Date,
) {
  const rows = cops.flatMap((cop) => {
    const random = randomFrom(`champions:${cop.spec.name}`);
    return people.get(cop.id)!.championIds.map((userId) => ({
      copId: cop.id,
      userId,
      reason: pick(random, CHAMPION_REASONS),
      recognizedAt: addDays(today, -between(random, 3, Math.min(cop.spec.ageDays, 90))),
    }));
  });
  const existing = await prisma.champion.findMany({
    where: { copId: { in: cops.map((cop) => cop.id) } },
    select: { copId: true, userId: true },
  });
  const key = (row: { copId: string; userId: string }) => `${row.copId}/${row.userId}`;
  await prisma.champion.createMany({ data: missing(rows, existing.map(key), key) });
}

/** Two or three threads per CoP, each with replies by other members. */
export async function seedDiscussions(
  prisma: PrismaClient,
  cops: SeededCop[],
  people: Map<string, CopPeople>,
  today: Date,
) {
  const threads = cops.flatMap((cop) => {
    const random = randomFrom(`discussions:${cop.spec.name}`);
    const { memberIds } = people.get(cop.id)!;
    return sample(random, DISCUSSIONS, between(random, 2, 3)).map((thread) => {
      const createdAt = addDays(today, -between(random, 2, 40));
      return {
        discussion: {
          id: randomUUID(),
          copId: cop.id,
          title: thread.title,
          body: thread.body,
          authorId: pick(random, memberIds),
          createdAt,
        },
        replies: thread.replies.map((body, index) => ({
          body,
          authorId: pick(random, memberIds),
          createdAt: new Date(createdAt.getTime() + (index + 1) * between(random, 20, 600) * 60_000),
        })),
      };
    });
  });
  const existing = await prisma.discussion.findMany(copTitlesOf(cops.map((cop) => cop.id)));
  const created = missingByCopTitle(
    threads.map((thread) => thread.discussion),
    existing,
  );
  await prisma.discussion.createMany({ data: created });
  const createdIds = new Set(created.map((discussion) => discussion.id));
  await prisma.discussionReply.createMany({
    data: threads
      .filter((thread) => createdIds.has(thread.discussion.id))
      .flatMap((thread) => thread.replies.map((reply) => ({ ...reply, discussionId: thread.discussion.id }))),
  });
}

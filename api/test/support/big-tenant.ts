import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../src/db/prisma.js';
import { createTenant } from './fixtures.js';

/** How many rows of each kind every CoP of a big tenant gets. */
export const PER_COP = { members: 3, kpis: 6, surveys: 2, questions: 2, responses: 2, events: 2, assets: 2 } as const;

/**
 * A tenant with `copCount` CoPs, each filled with members (and their users), KPIs, surveys with questions,
 * responses and answers, events and content assets. Rows are written with `createMany` (ids made here, so
 * children can point at parents without reading them back): a 20-CoP tenant takes a few statements, not hundreds.
 */
export async function createBigTenant(prisma: PrismaClient, copCount: number) {
  const tenant = await createTenant(prisma, `Big ${copCount}`);
  const customerId = tenant.customer.id;
  const suffix = randomUUID().slice(0, 8);
  const rows = {
    cops: [] as { id: string; customerId: string; name: string; startDate: Date }[],
    users: [] as { id: string; email: string; name: string; passwordHash: string; customerId: string }[],
    memberships: [] as { copId: string; userId: string }[],
    kpis: [] as { copId: string; metricName: string; metricValue: number; metricDate: Date }[],
    surveys: [] as { id: string; copId: string; title: string }[],
    questions: [] as { id: string; surveyId: string; position: number; prompt: string; type: 'NPS' | 'FREE_TEXT' }[],
    responses: [] as { id: string; surveyId: string; respondentId: string }[],
    answers: [] as { responseId: string; questionId: string; numberValue?: number; textValue?: string }[],
    events: [] as { copId: string; title: string; kind: 'WORKSHOP'; startsAt: Date; endsAt: Date }[],
    assets: [] as { copId: string; title: string; url: string; assetType: 'DOC' }[],
  };
  // The tenant's own CoP counts as the first one.
  const copIds = [tenant.cop.id];
  for (let c = 1; c < copCount; c++) {
    const id = randomUUID();
    copIds.push(id);
    rows.cops.push({ id, customerId, name: `CoP ${c} ${suffix}`, startDate: new Date('2026-01-05') });
  }
  copIds.forEach((copId, c) => {
    const members = Array.from({ length: PER_COP.members }, (_, m) => {
      const id = randomUUID();
      rows.users.push({
        id,
        email: `member-${c}-${m}-${suffix}@example.test`,
        name: `Member ${c}.${m}`,
        passwordHash: 'not-used',
        customerId,
      });
      rows.memberships.push({ copId, userId: id });
      return id;
    });
    for (let k = 0; k < PER_COP.kpis; k++) {
      rows.kpis.push({ copId, metricName: 'DBU', metricValue: k, metricDate: new Date(Date.UTC(2026, 0, 1 + k)) });
    }
    for (let s = 0; s < PER_COP.surveys; s++) {
      const surveyId = randomUUID();
      rows.surveys.push({ id: surveyId, copId, title: `Pulse ${s}` });
      const questionIds = Array.from({ length: PER_COP.questions }, (_, q) => {
        const id = randomUUID();
        rows.questions.push({ id, surveyId, position: q + 1, prompt: `Question ${q}`, type: q ? 'FREE_TEXT' : 'NPS' });
        return id;
      });
      for (let r = 0; r < PER_COP.responses; r++) {
        const responseId = randomUUID();
        rows.responses.push({ id: responseId, surveyId, respondentId: members[r % members.length]! });
        rows.answers.push({ responseId, questionId: questionIds[0]!, numberValue: 9 });
        rows.answers.push({ responseId, questionId: questionIds[1]!, textValue: 'More workshops' });
      }
    }
    for (let e = 0; e < PER_COP.events; e++) {
      const startsAt = new Date(Date.UTC(2026, 1, 1 + e, 15));
      rows.events.push({
        copId,
        title: `Workshop ${e}`,
        kind: 'WORKSHOP',
        startsAt,
        endsAt: new Date(+startsAt + 3.6e6),
      });
    }
    for (let a = 0; a < PER_COP.assets; a++) {
      rows.assets.push({ copId, title: `Guide ${a}`, url: `https://docs.example.test/${c}/${a}`, assetType: 'DOC' });
    }
  });
  await prisma.cop.createMany({ data: rows.cops });
  await prisma.user.createMany({ data: rows.users });
  await prisma.membership.createMany({ data: rows.memberships });
  await prisma.kpiMetric.createMany({ data: rows.kpis });
  await prisma.survey.createMany({ data: rows.surveys });
  await prisma.surveyQuestion.createMany({ data: rows.questions });
  await prisma.surveyResponse.createMany({ data: rows.responses });
  await prisma.surveyAnswer.createMany({ data: rows.answers });
  await prisma.copEvent.createMany({ data: rows.events });
  await prisma.contentAsset.createMany({ data: rows.assets });
  return { ...tenant, copIds };
}

import type { PrismaClient } from '@cop-os/api/db/prisma';
import type { AssetType, SkillLevel } from '@cop-os/api/prisma/enums';
import type { CopPeople } from './people.js';
import { between, pick, type Random, randomFrom } from './random.js';
import { addDays, copTitlesOf, missingByCopTitle } from './rows.js';
import type { SeededCop } from './tenants.js';
import { LOCATIONS } from './texts.js';

/** Days from today of each CoP's sessions, in catalog order: four past, two upcoming. */
const SESSION_OFFSETS = [-63, -42, -21, -7, 9, 30];

/** Past and upcoming events, one per catalog session. */
export async function seedEvents(prisma: PrismaClient, cops: SeededCop[], people: Map<string, CopPeople>, today: Date) {
  const rows = cops.flatMap((cop) => {
    const random = randomFrom(`events:${cop.spec.name}`);
    const memberCount = people.get(cop.id)!.memberIds.length;
    return cop.spec.sessions.map(([title, kind], index) => {
      const startsAt = addDays(today, SESSION_OFFSETS[index]);
      startsAt.setUTCHours(pick(random, [9, 13, 15]), 0, 0, 0);
      const past = SESSION_OFFSETS[index] < 0;
      return {
        copId: cop.id,
        title,
        kind,
        description: `${title} — a ${kind.toLowerCase().replace('_', ' ')} of the ${cop.spec.name}.`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + pick(random, [60, 90, 120]) * 60_000),
        location: pick(random, LOCATIONS),
        attendance: past ? Math.round(memberCount * (0.4 + random() * 0.5)) + between(random, 2, 15) : 0,
      };
    });
  });
  const existing = await prisma.copEvent.findMany(copTitlesOf(cops.map((cop) => cop.id)));
  await prisma.copEvent.createMany({ data: missingByCopTitle(rows, existing) });
}

const digits = (random: Random, length: number) => Array.from({ length }, () => between(random, 0, 9)).join('');
const hex = (random: Random, length: number) =>
  Array.from({ length }, () => between(random, 0, 15).toString(16)).join('');

/** Content assets: a DBSQL dashboard and notebook, repo and catalog deep links, a doc and a recording. */
export async function seedContent(prisma: PrismaClient, cops: SeededCop[], people: Map<string, CopPeople>) {
  const rows = cops.flatMap((cop) => {
    const random = randomFrom(`content:${cop.spec.name}`);
    const { workspaceHost: host, catalog, domain, workspaces } = cop.customer.spec;
    const base = `https://${host}`;
    const org = `?o=${workspaces[cop.spec.workspace].id}`;
    const assets: [AssetType, string, string, SkillLevel, string, string[]][] = [
      [
        'DBSQL_DASHBOARD',
        `${cop.spec.name} adoption dashboard`,
        `${base}/sql/dashboards/${hex(random, 8)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 12)}${org}`,
        'BEGINNER',
        'executive',
        ['dashboard', 'adoption'],
      ],
      [
        'NOTEBOOK',
        `Starter notebook: ${cop.spec.slug.replaceAll('-', ' ')}`,
        `${base}/editor/notebooks/${digits(random, 15)}${org}`,
        'BEGINNER',
        'data engineer',
        ['onboarding', 'notebook'],
      ],
      [
        'REPO',
        `${cop.spec.name} shared repo`,
        `${base}/browse/folders/${digits(random, 15)}${org}`,
        'INTERMEDIATE',
        'data engineer',
        ['git', 'ci-cd'],
      ],
      [
        'CATALOG',
        'Gold tables in Unity Catalog',
        `${base}/explore/data/${catalog}_${cop.spec.slug.replaceAll('-', '_')}/gold${org}`,
        'INTERMEDIATE',
        'analyst',
        ['unity-catalog', 'gold'],
      ],
      [
        'DOC',
        `${cop.spec.name} onboarding guide`,
        `https://wiki.${domain}/cop/${cop.spec.slug}/onboarding`,
        'BEGINNER',
        'member',
        ['onboarding'],
      ],
      [
        'VIDEO',
        `Recording: ${cop.spec.sessions[0][0]}`,
        `https://stream.${domain}/recordings/${cop.spec.slug}-${digits(random, 4)}`,
        'ADVANCED',
        'data scientist',
        ['recording'],
      ],
    ];
    return assets.map(([assetType, title, url, skillLevel, personaTag, tags]) => ({
      copId: cop.id,
      title,
      url,
      assetType,
      skillLevel,
      personaTag,
      tags,
      description: `${title} for members of the ${cop.spec.name}.`,
      views: between(random, 12, 640),
      createdById: people.get(cop.id)!.leadId,
    }));
  });
  const existing = await prisma.contentAsset.findMany(copTitlesOf(cops.map((cop) => cop.id)));
  await prisma.contentAsset.createMany({ data: missingByCopTitle(rows, existing) });
}

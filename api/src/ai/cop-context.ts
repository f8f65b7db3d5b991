import type { PrismaClient } from '../db/prisma.js';

const DAY_MS = 86_400_000;
/** Contributions (discussions, replies, content) and attendance within this window count as recent activity. */
const ACTIVITY_WINDOW_DAYS = 90;
/** Recent contributions that make a member who is not yet a champion a candidate. */
export const CANDIDATE_MIN_CONTRIBUTIONS = 3;
const MAX_CANDIDATES = 5;

/**
 * A CoP's health signals, named as the advisor's prompt convention names them
 * (see the emulator's `serving/cop-advisor.ts`); absent values are left out.
 */
export interface CopSignals {
  cop: string;
  phase: string;
  industry?: string;
  member_count: number;
  days_active: number;
  /** Monthly active participants (latest `MAP` KPI). */
  map?: number;
  nps?: number;
  /** Percent change of DBUs, first vs last week of the last 30 days. */
  dbu_trend?: number;
  /** Responses to the latest survey per member, in percent. */
  survey_response_rate?: number;
  recent_events: { title: string; format: string; date: string; attendees: number }[];
  content_engagement: { title: string; type: string; views: number }[];
  use_cases: { title: string; status: string }[];
  /** People worth recognizing, best first: never anyone without contributions. */
  champions: {
    name: string;
    contributions: number;
    events_attended: number;
    content_authored: number;
    status: 'champion' | 'candidate';
  }[];
}

interface KpiPoint {
  name: string;
  value: number;
  day: Date;
}

interface PersonActivity {
  name: string;
  isChampion: boolean;
  /** Discussions and replies posted and content authored in the activity window. */
  contributions: number;
  attended: number;
  authored: number;
}

/** Gathers the signals in three parallel reads, whatever the size of the CoP. */
export async function loadCopSignals(prisma: PrismaClient, copId: string, now: Date): Promise<CopSignals | null> {
  const today = utcDay(now);
  const since = addDays(now, -ACTIVITY_WINDOW_DAYS);
  const [cop, kpis, people] = await Promise.all([
    prisma.cop.findUnique({
      where: { id: copId },
      select: {
        name: true,
        phase: true,
        industry: true,
        startDate: true,
        customer: { select: { industry: true } },
        _count: { select: { memberships: true } },
        events: {
          where: { startsAt: { lte: now } },
          orderBy: [{ startsAt: 'desc' }, { id: 'asc' }],
          take: 5,
          select: { title: true, kind: true, startsAt: true, attendance: true },
        },
        contentAssets: {
          orderBy: [{ views: 'desc' }, { id: 'asc' }],
          take: 5,
          select: { title: true, assetType: true, views: true },
        },
        useCases: { orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], take: 10, select: { title: true, status: true } },
        surveys: {
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
          take: 1,
          select: { _count: { select: { responses: true } } },
        },
      },
    }),
    prisma.$queryRaw<KpiPoint[]>`
      (SELECT DISTINCT ON ("metricName") "metricName" AS name, "metricValue" AS value, "metricDate" AS day
         FROM "KpiMetric" WHERE "copId" = ${copId} AND "metricName" IN ('MAP', 'NPS')
        ORDER BY "metricName", "metricDate" DESC)
      UNION ALL
      (SELECT "metricName", "metricValue", "metricDate" FROM "KpiMetric"
        WHERE "copId" = ${copId} AND "metricName" = 'DBU' AND "metricDate" >= ${isoDay(addDays(today, -30))}::date)`,
    prisma.$queryRaw<PersonActivity[]>`
      WITH people AS (
        SELECT "userId" FROM "Membership" WHERE "copId" = ${copId}
        UNION SELECT "userId" FROM "Champion" WHERE "copId" = ${copId}
      ), scored AS (
        SELECT u.name,
               EXISTS (SELECT 1 FROM "Champion" c WHERE c."copId" = ${copId} AND c."userId" = u.id) AS "isChampion",
               ((SELECT COUNT(*) FROM "Discussion" d
                  WHERE d."copId" = ${copId} AND d."authorId" = u.id AND d."createdAt" >= ${since})
              + (SELECT COUNT(*) FROM "DiscussionReply" r JOIN "Discussion" d ON d.id = r."discussionId"
                  WHERE d."copId" = ${copId} AND r."authorId" = u.id AND r."createdAt" >= ${since}))::int AS posts,
               (SELECT COUNT(*) FROM "ContentAsset" a
                 WHERE a."copId" = ${copId} AND a."createdById" = u.id AND a."createdAt" >= ${since})::int AS authored,
               (SELECT COUNT(DISTINCT e."entityId") FROM "MemberActivity" e
                 WHERE e."copId" = ${copId} AND e."userId" = u.id AND e.kind = 'EVENT_ATTENDANCE'
                   AND e.day >= ${since}::date)::int AS attended
          FROM people p JOIN "User" u ON u.id = p."userId"
      ), ranked AS (
        SELECT *, posts + authored AS contributions,
               ROW_NUMBER() OVER (PARTITION BY "isChampion" ORDER BY posts + authored DESC, attended DESC, authored DESC, name) AS rank
          FROM scored
      )
      SELECT name, "isChampion", contributions, attended, authored FROM ranked
       WHERE contributions > 0
         AND ("isChampion" AND rank <= 10 OR NOT "isChampion" AND rank <= ${MAX_CANDIDATES} AND contributions >= ${CANDIDATE_MIN_CONTRIBUTIONS})
       ORDER BY contributions DESC, attended DESC, authored DESC, name`,
  ]);
  if (!cop) return null;
  const latest = (name: string) => kpis.find((kpi) => kpi.name === name)?.value;
  const members = cop._count.memberships;
  const latestSurvey = cop.surveys[0];
  return {
    cop: cop.name,
    phase: cop.phase.toLowerCase(),
    industry: cop.industry ?? cop.customer.industry,
    member_count: members,
    days_active: Math.max(0, Math.floor((today.getTime() - cop.startDate.getTime()) / DAY_MS)),
    map: latest('MAP'),
    nps: latest('NPS'),
    dbu_trend: dbuTrendPercent(
      kpis.filter((kpi) => kpi.name === 'DBU'),
      today,
    ),
    survey_response_rate:
      latestSurvey && members > 0 ? Math.round((latestSurvey._count.responses / members) * 1000) / 10 : undefined,
    recent_events: cop.events.map((event) => ({
      title: event.title,
      format: event.kind.toLowerCase().replace('_', ' '),
      date: isoDay(event.startsAt),
      attendees: event.attendance,
    })),
    content_engagement: cop.contentAssets.map((asset) => ({
      title: asset.title,
      type: asset.assetType,
      views: asset.views,
    })),
    use_cases: cop.useCases.map((useCase) => ({ title: useCase.title, status: USE_CASE_STATUS[useCase.status] })),
    champions: people.map((person) => ({
      name: person.name,
      contributions: person.contributions,
      events_attended: person.attended,
      content_authored: person.authored,
      status: person.isChampion ? 'champion' : 'candidate',
    })),
  };
}

/** Status words a reader (human or model) understands; ON_HOLD is what the advisor treats as at risk. */
const USE_CASE_STATUS = {
  IDEA: 'idea',
  IN_PROGRESS: 'in progress',
  IN_PRODUCTION: 'in production',
  ON_HOLD: 'on hold (stalled)',
} as const;

/**
 * Percent change of DBUs between the first and the last week of the 30 days before `today`, one decimal;
 * undefined without data in both weeks (no trend can be told).
 */
export function dbuTrendPercent(points: { day: Date; value: number }[], today: Date): number | undefined {
  const sumBetween = (from: Date, to: Date) => {
    const week = points.filter((point) => point.day >= from && point.day < to);
    return week.length ? week.reduce((sum, point) => sum + point.value, 0) : undefined;
  };
  const first = sumBetween(addDays(today, -30), addDays(today, -23));
  const last = sumBetween(addDays(today, -7), today);
  if (first === undefined || last === undefined || first <= 0) return undefined;
  return Math.round(((last - first) / first) * 1000) / 10;
}

const utcDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

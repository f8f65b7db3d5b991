import type { PrismaClient } from '../db/prisma.js';
import { Prisma } from '../generated/prisma/client.js';

/** Monthly active participants: distinct members with recorded activity in the 30 days up to a day. */
export const MAP_WINDOW_DAYS = 30;
/** NPS of a day: the answers to NPS questions submitted in the 90 days up to it (a quarter of surveys). */
export const NPS_WINDOW_DAYS = 90;
/** Longest range one recomputation covers. */
export const MAX_RECOMPUTE_DAYS = 366;

export interface KpiComputation {
  /** First and last day computed, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Only these CoPs; default every CoP (an archived one keeps an accurate history). */
  copIds?: string[];
}

export interface KpiComputationResult {
  /** `KpiMetric` rows written (inserted or updated) per KPI. */
  written: { MAP: number; NPS: number };
}

/**
 * Computes MAP and NPS for every day of the range from the CoPs' own records and stores them as `COMPUTED` KPI
 * rows: one SQL statement per KPI over all CoPs and days. A `MANUAL` value of a day is kept (people may override a
 * computation); a computed NPS whose day no longer has answers in its window is removed. Idempotent.
 */
export async function computeKpis(prisma: PrismaClient, computation: KpiComputation): Promise<KpiComputationResult> {
  const [map, nps] = await Promise.all([
    prisma.$queryRaw<{ written: number }[]>(storeComputed('MAP', monthlyActiveParticipants(computation), computation)),
    prisma.$queryRaw<{ written: number }[]>(storeComputed('NPS', netPromoterScores(computation), computation)),
  ]);
  return { written: { MAP: map[0]?.written ?? 0, NPS: nps[0]?.written ?? 0 } };
}

const copFilter = ({ copIds }: KpiComputation, column: Prisma.Sql) =>
  copIds ? Prisma.sql`${column} = ANY(${copIds}::text[])` : Prisma.sql`TRUE`;

const daysOf = ({ from, to }: KpiComputation) =>
  Prisma.sql`SELECT generate_series(${from}::date, ${to}::date, interval '1 day')::date AS day`;

/**
 * `(copId, day, value, metadata)` of MAP: every CoP and day, 0 on a day without activity. Activity is an
 * event attended or content viewed (`MemberActivity`), a discussion or reply posted, a survey answered — by a
 * person who is a member of the CoP.
 */
function monthlyActiveParticipants(computation: KpiComputation): Prisma.Sql {
  const since = Prisma.sql`(${computation.from}::date - ${MAP_WINDOW_DAYS - 1}::int)`;
  const until = Prisma.sql`(${computation.to}::date + 1)`;
  return Prisma.sql`
    WITH days AS (${daysOf(computation)}),
    cops AS (SELECT id FROM "Cop" WHERE ${copFilter(computation, Prisma.sql`id`)}),
    activity AS (
      SELECT "copId", "userId", day FROM "MemberActivity" WHERE day >= ${since} AND day < ${until}
      UNION ALL
      SELECT "copId", "authorId", "createdAt"::date FROM "Discussion"
       WHERE "authorId" IS NOT NULL AND "createdAt" >= ${since} AND "createdAt" < ${until}
      UNION ALL
      SELECT d."copId", r."authorId", r."createdAt"::date FROM "DiscussionReply" r JOIN "Discussion" d ON d.id = r."discussionId"
       WHERE r."authorId" IS NOT NULL AND r."createdAt" >= ${since} AND r."createdAt" < ${until}
      UNION ALL
      SELECT s."copId", r."respondentId", r."submittedAt"::date FROM "SurveyResponse" r JOIN "Survey" s ON s.id = r."surveyId"
       WHERE r."respondentId" IS NOT NULL AND r."submittedAt" >= ${since} AND r."submittedAt" < ${until}
    ),
    members_activity AS (
      SELECT a."copId", a."userId", a.day FROM activity a
        JOIN "Membership" m ON m."copId" = a."copId" AND m."userId" = a."userId"
    )
    SELECT c.id AS "copId", d.day, COUNT(DISTINCT a."userId")::float8 AS value,
           jsonb_build_object('windowDays', ${MAP_WINDOW_DAYS}::int) AS metadata
      FROM cops c CROSS JOIN days d
      LEFT JOIN members_activity a ON a."copId" = c.id AND a.day > d.day - ${MAP_WINDOW_DAYS}::int AND a.day <= d.day
     GROUP BY c.id, d.day`;
}

/** `(copId, day, value, metadata)` of NPS: only days with answers in their window (no answers, no score). */
function netPromoterScores(computation: KpiComputation): Prisma.Sql {
  return Prisma.sql`
    WITH days AS (${daysOf(computation)}),
    answers AS (
      SELECT s."copId", r."submittedAt"::date AS day, a."numberValue" AS score
        FROM "SurveyAnswer" a
        JOIN "SurveyQuestion" q ON q.id = a."questionId" AND q.type = 'NPS'
        JOIN "SurveyResponse" r ON r.id = a."responseId"
        JOIN "Survey" s ON s.id = q."surveyId"
       WHERE a."numberValue" IS NOT NULL AND ${copFilter(computation, Prisma.sql`s."copId"`)}
         AND r."submittedAt" >= (${computation.from}::date - ${NPS_WINDOW_DAYS - 1}::int)
         AND r."submittedAt" < (${computation.to}::date + 1)
    )
    SELECT a."copId", d.day,
           ROUND(100.0 * (COUNT(*) FILTER (WHERE a.score >= 9) - COUNT(*) FILTER (WHERE a.score <= 6)) / COUNT(*), 1)::float8 AS value,
           jsonb_build_object('windowDays', ${NPS_WINDOW_DAYS}::int, 'answers', COUNT(*)) AS metadata
      FROM days d JOIN answers a ON a.day > d.day - ${NPS_WINDOW_DAYS}::int AND a.day <= d.day
     GROUP BY a."copId", d.day`;
}

/**
 * One statement: upserts the computed rows (never over a `MANUAL` one; a value that did not change is not touched)
 * and deletes the `COMPUTED` rows of the range the computation no longer yields; answers how many rows it wrote.
 */
function storeComputed(metricName: 'MAP' | 'NPS', computed: Prisma.Sql, computation: KpiComputation): Prisma.Sql {
  return Prisma.sql`
    WITH computed AS (${computed}),
    removed AS (
      DELETE FROM "KpiMetric" k
       WHERE k."metricName" = ${metricName} AND k.source = 'COMPUTED' AND ${copFilter(computation, Prisma.sql`k."copId"`)}
         AND k."metricDate" BETWEEN ${computation.from}::date AND ${computation.to}::date
         AND NOT EXISTS (SELECT 1 FROM computed c WHERE c."copId" = k."copId" AND c.day = k."metricDate")
    ),
    written AS (
      INSERT INTO "KpiMetric" ("id", "copId", "metricName", "metricDate", "metricValue", "metadata", "source", "updatedAt")
      SELECT gen_random_uuid()::text, c."copId", ${metricName}, c.day, c.value, c.metadata, 'COMPUTED'::"KpiSource", now() FROM computed c
      ON CONFLICT ("copId", "metricName", "metricDate") DO UPDATE
         SET "metricValue" = EXCLUDED."metricValue", "metadata" = EXCLUDED."metadata", "source" = 'COMPUTED',
             "updatedAt" = now()
       WHERE "KpiMetric".source <> 'MANUAL'
         AND ("KpiMetric"."metricValue", "KpiMetric"."metadata", "KpiMetric".source)
             IS DISTINCT FROM (EXCLUDED."metricValue", EXCLUDED."metadata", 'COMPUTED'::"KpiSource")
      RETURNING 1
    )
    SELECT COUNT(*)::int AS written FROM written`;
}

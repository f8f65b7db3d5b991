import type { PrismaClient } from '../db/prisma.js';

export interface NpsCounts {
  promoters: number;
  detractors: number;
  total: number;
}

/** Net Promoter Score in percent: share of promoters (9–10) minus share of detractors (0–6); null without answers. */
export function netPromoterScore({ promoters, detractors, total }: NpsCounts): number | null {
  return total === 0 ? null : ((promoters - detractors) / total) * 100;
}

/** NPS of many surveys in one SQL statement, in the order of `surveyIds`. */
export async function loadNps(prisma: PrismaClient, surveyIds: string[]): Promise<(number | null)[]> {
  const rows = await prisma.$queryRaw<Array<NpsCounts & { surveyId: string }>>`
    SELECT q."surveyId",
           COUNT(*)::int AS total,
           (COUNT(*) FILTER (WHERE a."numberValue" >= 9))::int AS promoters,
           (COUNT(*) FILTER (WHERE a."numberValue" <= 6))::int AS detractors
      FROM "SurveyAnswer" a
      JOIN "SurveyQuestion" q ON q.id = a."questionId"
     WHERE q.type = 'NPS' AND a."numberValue" IS NOT NULL AND q."surveyId" = ANY(${surveyIds})
     GROUP BY q."surveyId"`;
  const bySurvey = new Map(rows.map((row) => [row.surveyId, row]));
  return surveyIds.map((id) => netPromoterScore(bySurvey.get(id) ?? { promoters: 0, detractors: 0, total: 0 }));
}

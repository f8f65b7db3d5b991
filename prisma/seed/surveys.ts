import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@cop-os/api/db/prisma';
import type { CopPhase, QuestionType } from '@cop-os/api/prisma/enums';
import type { CopPeople } from './people.js';
import { between, pick, type Random, randomFrom, sample } from './random.js';
import { addDays, copTitlesOf, missingByCopTitle } from './rows.js';
import type { SeededCop } from './tenants.js';
import { FREE_TEXT_ANSWERS } from './texts.js';

/** Share of promoters and detractors: communities get happier as they mature. */
const MOOD: Record<CopPhase, { promoters: number; detractors: number }> = {
  FOUNDATION: { promoters: 0.35, detractors: 0.25 },
  GROWTH: { promoters: 0.45, detractors: 0.2 },
  SCALE: { promoters: 0.55, detractors: 0.15 },
  OPTIMIZATION: { promoters: 0.6, detractors: 0.12 },
};

type Mood = 'promoter' | 'passive' | 'detractor';

interface SurveyPlan {
  title: string;
  isOpen: boolean;
  /** Responses arrive over this many days before today (or before it closed). */
  daysAgo: [number, number];
}

const questionsFor = (cop: SeededCop): [QuestionType, string, string[]][] => [
  ['NPS', `How likely are you to recommend the ${cop.spec.name} to a colleague?`, []],
  ['RATING', 'How useful were this quarter’s sessions? (1 = not at all, 5 = very)', []],
  [
    'CHOICE',
    'Which topic should we cover next?',
    [...cop.spec.sessions.slice(4).map(([title]) => title), 'Something else'],
  ],
  ['FREE_TEXT', 'What should we start, stop or continue doing?', []],
];

/** Scores a respondent of each mood gives (an NPS detractor scores 0–6, a promoter 9–10). */
const SCORES: Record<'NPS' | 'RATING', Record<Mood, [number, number]>> = {
  NPS: { promoter: [9, 10], passive: [7, 8], detractor: [2, 6] },
  RATING: { promoter: [4, 5], passive: [3, 4], detractor: [1, 3] },
};

function answerFor(type: QuestionType, mood: Mood, choices: string[], random: Random) {
  switch (type) {
    case 'NPS':
    case 'RATING':
      return { numberValue: between(random, ...SCORES[type][mood]) };
    case 'CHOICE':
      return { textValue: pick(random, choices) };
    case 'FREE_TEXT': {
      if (random() < 0.2) return null;
      const pool = mood === 'detractor' ? 'complaints' : mood === 'promoter' && random() < 0.75 ? 'praise' : 'requests';
      return { textValue: pick(random, FREE_TEXT_ANSWERS[pool]) };
    }
  }
}

/** An open pulse survey per CoP (and a closed kickoff survey for mature ones), with varied responses. */
export async function seedSurveys(
  prisma: PrismaClient,
  cops: SeededCop[],
  people: Map<string, CopPeople>,
  today: Date,
) {
  const plans = cops.flatMap((cop) => {
    const surveys: SurveyPlan[] = [{ title: 'Community pulse survey', isOpen: true, daysAgo: [0, 21] }];
    if (cop.spec.ageDays >= 200) surveys.push({ title: 'Kickoff feedback survey', isOpen: false, daysAgo: [150, 190] });
    return surveys.map((plan) => ({
      cop,
      plan,
      survey: { id: randomUUID(), copId: cop.id, title: plan.title, isOpen: plan.isOpen },
    }));
  });
  const existing = await prisma.survey.findMany(copTitlesOf(cops.map((cop) => cop.id)));
  const newSurveys = new Set(
    missingByCopTitle(
      plans.map((p) => p.survey),
      existing,
    ),
  );

  const questions = [];
  const responses = [];
  const answers = [];
  for (const { cop, plan, survey } of plans.filter((p) => newSurveys.has(p.survey))) {
    const random = randomFrom(`survey:${cop.spec.name}:${plan.title}`);
    const surveyQuestions = questionsFor(cop).map(([type, prompt, choices], index) => ({
      id: randomUUID(),
      surveyId: survey.id,
      position: index + 1,
      type,
      prompt,
      choices,
      required: type === 'NPS',
    }));
    questions.push(...surveyQuestions);
    const mood = MOOD[cop.spec.phase];
    const { memberIds } = people.get(cop.id)!;
    for (const respondentId of sample(random, memberIds, between(random, 8, memberIds.length))) {
      const roll = random();
      const respondentMood: Mood =
        roll < mood.promoters ? 'promoter' : roll < 1 - mood.detractors ? 'passive' : 'detractor';
      const response = {
        id: randomUUID(),
        surveyId: survey.id,
        respondentId,
        submittedAt: addDays(today, -between(random, ...plan.daysAgo) - random()),
      };
      responses.push(response);
      for (const question of surveyQuestions) {
        const value = answerFor(question.type, respondentMood, question.choices, random);
        if (value) answers.push({ responseId: response.id, questionId: question.id, ...value });
      }
    }
  }
  await prisma.survey.createMany({
    data: [...newSurveys].map((survey) => ({ ...survey, description: `${survey.title} for members.` })),
  });
  await prisma.surveyQuestion.createMany({ data: questions });
  await prisma.surveyResponse.createMany({ data: responses });
  await prisma.surveyAnswer.createMany({ data: answers });
}

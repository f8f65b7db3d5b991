import type { CombinedError } from '@urql/solid';
import type { QuestionType, SurveyAnswerInput } from '../../gql/graphql';
import { describeError } from '../../graphql/describe-error';

/** Longest FREE_TEXT answer the api accepts, in characters (api/src/surveys/answers.ts). */
export const MAX_FREE_TEXT = 4000;

export interface AnswerableQuestion {
  id: string;
  position: number;
  type: QuestionType;
  choices: readonly string[];
  required: boolean;
}

/** What the person has entered so far, by question id: a number (NPS, RATING) or a text (CHOICE, FREE_TEXT). */
export type AnswerDraft = Record<string, number | string | undefined>;

/** Problems by question id. */
export type AnswerProblems = Record<string, string>;

const isBlank = (value: number | string | undefined) => value === undefined || String(value).trim() === '';

/** The api's rules, checked before sending: NPS 0–10, rating 1–5, one of the choices, text within limits, required answered. */
export function validateAnswers(questions: readonly AnswerableQuestion[], draft: AnswerDraft): AnswerProblems {
  const problems: AnswerProblems = {};
  for (const question of questions) {
    const value = draft[question.id];
    if (isBlank(value)) {
      if (question.required) problems[question.id] = 'This question needs an answer.';
      continue;
    }
    const problem = answerProblem(question, value as number | string);
    if (problem) problems[question.id] = problem;
  }
  if (Object.keys(problems).length === 0 && toAnswerInputs(questions, draft).length === 0) {
    problems[questions[0]?.id ?? ''] = 'Answer at least one question.';
  }
  return problems;
}

function answerProblem(question: AnswerableQuestion, value: number | string): string | null {
  const inRange = (low: number, high: number) =>
    typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high;
  switch (question.type) {
    case 'NPS':
      return inRange(0, 10) ? null : 'Pick a score from 0 to 10.';
    case 'RATING':
      return inRange(1, 5) ? null : 'Pick a rating from 1 to 5.';
    case 'CHOICE':
      return question.choices.includes(String(value)) ? null : 'Pick one of the options.';
    case 'FREE_TEXT':
      return String(value).length > MAX_FREE_TEXT ? `Keep your answer to ${MAX_FREE_TEXT} characters at most.` : null;
  }
}

/** The answered questions as the mutation's input, in survey order. */
export function toAnswerInputs(questions: readonly AnswerableQuestion[], draft: AnswerDraft): SurveyAnswerInput[] {
  return questions.flatMap((question) => {
    const value = draft[question.id];
    if (isBlank(value)) return [];
    const isNumber = question.type === 'NPS' || question.type === 'RATING';
    return [
      isNumber
        ? { questionId: question.id, numberValue: Number(value) }
        : { questionId: question.id, textValue: String(value).trim() },
    ];
  });
}

/**
 * The api's BAD_USER_INPUT, placed on the questions it names. Its `fields` point at the submitted answers
 * (`input.answers.2`) or at the whole list (`input.answers`, a required question left out); its message
 * holds one sentence per question, each starting "Question <position>".
 */
export function apiAnswerProblems(
  error: CombinedError,
  questions: readonly AnswerableQuestion[],
  submitted: readonly SurveyAnswerInput[],
): { problems: AnswerProblems; message: string } {
  const description = describeError(error);
  const problems: AnswerProblems = {};
  if (description.code !== 'BAD_USER_INPUT') return { problems, message: description.message };
  const sentences = new Map<number, string>();
  for (const [sentence, position, colon, rest] of description.message.matchAll(/Question (\d+)(:?) ([^.]*\.)/g)) {
    // "Question 2: give a number…" reads as "Give a number…" beside question 2; "Question 3 needs…" stays whole.
    sentences.set(Number(position), colon ? rest.charAt(0).toUpperCase() + rest.slice(1) : sentence);
  }
  const byPosition = new Map(questions.map((question) => [question.position, question]));
  for (const [position, sentence] of sentences) {
    const question = byPosition.get(position);
    if (question) problems[question.id] = sentence;
  }
  for (const field of description.fields) {
    const index = /^input\.answers\.(\d+)/.exec(field)?.[1];
    const questionId = index === undefined ? undefined : submitted[Number(index)]?.questionId;
    if (questionId && !problems[questionId]) problems[questionId] = 'This answer was not accepted.';
  }
  return { problems, message: description.message };
}

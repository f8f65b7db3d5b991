import type { QuestionType } from '../generated/prisma/enums.js';

/** Longest FREE_TEXT answer, in characters. */
export const MAX_FREE_TEXT = 4000;

/** What a question allows, as stored on `SurveyQuestion`. */
interface QuestionRules {
  id: string;
  position: number;
  type: QuestionType;
  choices: string[];
  required: boolean;
}

interface AnswerInput {
  questionId: string;
  numberValue?: number | null;
  textValue?: string | null;
}

interface AnswerIssue {
  field: string;
  message: string;
}

/** Checks a response against its survey's questions; returns the rows to store, or every issue found. */
export function checkAnswers(questions: QuestionRules[], inputs: AnswerInput[]) {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const answered = new Set<string>();
  const issues: AnswerIssue[] = [];
  const answers = inputs.flatMap((input, index) => {
    const field = `answers.${index}`;
    const question = byId.get(input.questionId);
    if (!question) {
      issues.push({ field: `${field}.questionId`, message: 'That question is not part of this survey.' });
      return [];
    }
    if (answered.has(question.id)) {
      issues.push({ field: `${field}.questionId`, message: `Question ${question.position} is answered twice.` });
      return [];
    }
    answered.add(question.id);
    const problem = answerProblem(question, input);
    if (problem) {
      issues.push({ field, message: `Question ${question.position}: ${problem}` });
      return [];
    }
    const isNumber = question.type === 'NPS' || question.type === 'RATING';
    return [
      {
        questionId: question.id,
        numberValue: isNumber ? input.numberValue : null,
        textValue: isNumber ? null : input.textValue,
      },
    ];
  });
  for (const question of questions) {
    if (question.required && !answered.has(question.id)) {
      issues.push({ field: 'answers', message: `Question ${question.position} needs an answer.` });
    }
  }
  if (inputs.length === 0 && issues.length === 0)
    issues.push({ field: 'answers', message: 'Answer at least one question.' });
  return { answers, issues };
}

function answerProblem(question: QuestionRules, { numberValue, textValue }: AnswerInput): string | null {
  const inRange = (low: number, high: number) =>
    textValue == null && numberValue != null && numberValue >= low && numberValue <= high;
  switch (question.type) {
    case 'NPS':
      return inRange(0, 10) ? null : 'give a number from 0 to 10.';
    case 'RATING':
      return inRange(1, 5) ? null : 'give a rating from 1 to 5.';
    case 'CHOICE':
      return numberValue == null && textValue != null && question.choices.includes(textValue)
        ? null
        : `pick one of: ${question.choices.join(', ')}.`;
    case 'FREE_TEXT':
      if (numberValue != null || !textValue?.trim()) return 'write an answer.';
      return textValue.length > MAX_FREE_TEXT ? `keep the answer to ${MAX_FREE_TEXT} characters at most.` : null;
  }
}

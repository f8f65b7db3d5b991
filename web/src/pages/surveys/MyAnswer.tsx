import { type Component, For } from 'solid-js';
import { formatDateTime } from '../../charts/format-date';

export interface MyAnswerProps {
  questions: readonly { id: string; prompt: string; type: string }[];
  response: {
    submittedAt: string;
    answers: readonly { numberValue?: number | null; textValue?: string | null; question: { id: string } }[];
  };
}

const SCALE_TOPS: Record<string, number> = { NPS: 10, RATING: 5 };

/** What the viewer answered, question by question (a survey takes one response per person). */
export const MyAnswer: Component<MyAnswerProps> = (props) => {
  const answerTo = (questionId: string) => {
    const answer = props.response.answers.find((candidate) => candidate.question.id === questionId);
    return answer?.numberValue ?? answer?.textValue ?? null;
  };
  const shown = (question: MyAnswerProps['questions'][number]) => {
    const value = answerTo(question.id);
    if (value === null) return 'Not answered';
    return typeof value === 'number' && SCALE_TOPS[question.type]
      ? `${value} of ${SCALE_TOPS[question.type]}`
      : String(value);
  };

  return (
    <div class="my-answer" data-testid="my-answer">
      <p class="muted">You answered on {formatDateTime(props.response.submittedAt)}. Thank you!</p>
      <dl class="my-answer__list">
        <For each={props.questions}>
          {(question) => (
            <div class="my-answer__item">
              <dt>{question.prompt}</dt>
              <dd>{shown(question)}</dd>
            </div>
          )}
        </For>
      </dl>
    </div>
  );
};

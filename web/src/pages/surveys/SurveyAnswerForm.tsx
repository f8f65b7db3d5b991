import type { CombinedError } from '@urql/solid';
import { type Component, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { QuestionType, SurveyAnswerInput } from '../../gql/graphql';
import {
  type AnswerableQuestion,
  type AnswerDraft,
  type AnswerProblems,
  apiAnswerProblems,
  MAX_FREE_TEXT,
  toAnswerInputs,
  validateAnswers,
} from './survey-answers';

export interface FormQuestion extends AnswerableQuestion {
  prompt: string;
}

export interface SurveyAnswerFormProps {
  questions: readonly FormQuestion[];
  /** Sends the answers; resolves to the api's error, or undefined once the response is stored. */
  onSubmit(answers: SurveyAnswerInput[]): Promise<CombinedError | undefined>;
}

const SCALES: Partial<Record<QuestionType, { low: number; high: number; lowLabel: string; highLabel: string }>> = {
  NPS: { low: 0, high: 10, lowLabel: 'Not at all likely', highLabel: 'Extremely likely' },
  RATING: { low: 1, high: 5, lowLabel: 'Poor', highLabel: 'Excellent' },
};

const range = (low: number, high: number) => Array.from({ length: high - low + 1 }, (_, index) => low + index);

/** Answers an open survey: checks the api's rules first, then shows whatever the api still rejects beside its question. */
export const SurveyAnswerForm: Component<SurveyAnswerFormProps> = (props) => {
  const [draft, setDraft] = createSignal<AnswerDraft>({});
  const [problems, setProblems] = createSignal<AnswerProblems>({});
  const [formError, setFormError] = createSignal<string>();
  const [sending, setSending] = createSignal(false);
  const [sent, setSent] = createSignal(false);
  let form!: HTMLFormElement;

  const answer = (questionId: string, value: number | string) => {
    setDraft((current) => ({ ...current, [questionId]: value }));
    setProblems(({ [questionId]: _, ...others }) => others);
  };

  const focusFirstProblem = () =>
    form.querySelector<HTMLElement>('[aria-invalid="true"] input, [aria-invalid="true"] textarea')?.focus();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const found = validateAnswers(props.questions, draft());
    setProblems(found);
    if (Object.keys(found).length > 0) return focusFirstProblem();
    const answers = toAnswerInputs(props.questions, draft());
    setSending(true);
    const error = await props.onSubmit(answers);
    setSending(false);
    if (!error) return setSent(true);
    const rejected = apiAnswerProblems(error, props.questions, answers);
    setProblems(rejected.problems);
    setFormError(rejected.message);
    focusFirstProblem();
  };

  return (
    <Show
      when={!sent()}
      fallback={
        <p class="survey-form__thanks" role="status">
          Thank you: your response was recorded.
        </p>
      }
    >
      <form ref={form} class="survey-form" noValidate onSubmit={(event) => void submit(event)}>
        <For each={props.questions}>
          {(question) => {
            const errorId = `answer-${question.id}-error`;
            const promptId = `answer-${question.id}-prompt`;
            const problem = () => problems()[question.id];
            return (
              <fieldset
                class="survey-question"
                aria-labelledby={promptId}
                aria-invalid={Boolean(problem())}
                aria-describedby={problem() ? errorId : undefined}
                data-testid="survey-question"
              >
                <legend id={promptId}>
                  {question.position}. {question.prompt}
                  <Show when={question.required}>
                    <span class="survey-question__required"> (required)</span>
                  </Show>
                </legend>
                <Switch>
                  <Match when={SCALES[question.type]}>
                    {(scale) => (
                      <div class="scale">
                        <span class="scale__label muted">{scale().lowLabel}</span>
                        <div class="scale__options">
                          <For each={range(scale().low, scale().high)}>
                            {(value) => (
                              <label class="scale__option">
                                <input
                                  type="radio"
                                  name={question.id}
                                  value={value}
                                  checked={draft()[question.id] === value}
                                  onChange={() => answer(question.id, value)}
                                />
                                <span>{value}</span>
                              </label>
                            )}
                          </For>
                        </div>
                        <span class="scale__label muted">{scale().highLabel}</span>
                      </div>
                    )}
                  </Match>
                  <Match when={question.type === 'CHOICE'}>
                    <div class="choices">
                      <For each={question.choices}>
                        {(choice) => (
                          <label class="choice">
                            <input
                              type="radio"
                              name={question.id}
                              value={choice}
                              checked={draft()[question.id] === choice}
                              onChange={() => answer(question.id, choice)}
                            />
                            {choice}
                          </label>
                        )}
                      </For>
                    </div>
                  </Match>
                  <Match when={question.type === 'FREE_TEXT'}>
                    <textarea
                      aria-labelledby={promptId}
                      rows={3}
                      maxLength={MAX_FREE_TEXT}
                      value={String(draft()[question.id] ?? '')}
                      onInput={(event) => answer(question.id, event.currentTarget.value)}
                    />
                  </Match>
                </Switch>
                <Show when={problem()}>
                  <p class="field__error" id={errorId}>
                    {problem()}
                  </p>
                </Show>
              </fieldset>
            );
          }}
        </For>
        <Show when={formError()}>
          <p class="form-error" role="alert">
            {formError()}
          </p>
        </Show>
        <button type="submit" class="button button--primary" disabled={sending()}>
          {sending() ? 'Sending…' : 'Send response'}
        </button>
      </form>
    </Show>
  );
};

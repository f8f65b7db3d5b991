// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { CombinedError } from '@urql/solid';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { SurveyAnswerInput } from '../../gql/graphql';
import { type FormQuestion, SurveyAnswerForm } from './SurveyAnswerForm';
import { validateAnswers } from './survey-answers';

const questions: FormQuestion[] = [
  { id: 'q-nps', position: 1, type: 'NPS', prompt: 'Would you recommend the CoP?', choices: [], required: true },
  { id: 'q-rating', position: 2, type: 'RATING', prompt: 'Rate the last session', choices: [], required: false },
  {
    id: 'q-choice',
    position: 3,
    type: 'CHOICE',
    prompt: 'Preferred format',
    choices: ['Workshop', 'Talk'],
    required: false,
  },
  { id: 'q-text', position: 4, type: 'FREE_TEXT', prompt: 'What should we improve?', choices: [], required: true },
];

/** Renders the form with a submit handler that records calls and answers with `answer`. */
function renderForm(answer?: CombinedError) {
  const submitted: SurveyAnswerInput[][] = [];
  render(() => (
    <SurveyAnswerForm
      questions={questions}
      onSubmit={async (answers) => {
        submitted.push(answers);
        return answer;
      }}
    />
  ));
  const question = (prompt: string) => screen.getByRole('group', { name: new RegExp(prompt) });
  const send = () => fireEvent.click(screen.getByRole('button', { name: 'Send response' }));
  return { submitted, question, send };
}

describe('validateAnswers', () => {
  it('mirrors the api rules: NPS 0–10, rating 1–5, one of the choices, required answered', () => {
    expect(validateAnswers(questions, { 'q-nps': 11, 'q-rating': 0, 'q-choice': 'Lecture', 'q-text': ' ' })).toEqual({
      'q-nps': 'Pick a score from 0 to 10.',
      'q-rating': 'Pick a rating from 1 to 5.',
      'q-choice': 'Pick one of the options.',
      'q-text': 'This question needs an answer.',
    });
    expect(validateAnswers(questions, { 'q-nps': 0, 'q-text': 'More labs' })).toEqual({});
  });

  it('rejects text longer than the api keeps', () => {
    expect(validateAnswers(questions, { 'q-nps': 9, 'q-text': 'x'.repeat(4001) })['q-text']).toMatch(/4000 characters/);
  });
});

describe('SurveyAnswerForm', () => {
  it('does not send while a required question is unanswered and marks it', () => {
    const { submitted, question, send } = renderForm();
    fireEvent.click(within(question('Would you recommend')).getByLabelText('9'));
    send();
    const text = question('What should we improve');
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(text.getAttribute('aria-describedby')!)!.textContent).toBe(
      'This question needs an answer.',
    );
    expect(question('Would you recommend').getAttribute('aria-invalid')).toBe('false');
    expect(submitted).toEqual([]);
  });

  it('sends only the answered questions, numbers as numbers and texts trimmed, then thanks', async () => {
    const { submitted, question, send } = renderForm();
    fireEvent.click(within(question('Would you recommend')).getByLabelText('10'));
    fireEvent.click(within(question('Preferred format')).getByLabelText('Workshop'));
    fireEvent.input(within(question('What should we improve')).getByRole('textbox'), {
      target: { value: '  More hands-on labs ' },
    });
    send();
    await waitFor(() =>
      expect(submitted).toEqual([
        [
          { questionId: 'q-nps', numberValue: 10 },
          { questionId: 'q-choice', textValue: 'Workshop' },
          { questionId: 'q-text', textValue: 'More hands-on labs' },
        ],
      ]),
    );
    expect((await screen.findByRole('status')).textContent).toMatch(/response was recorded/);
  });

  it('shows the api BAD_USER_INPUT beside the questions it names', async () => {
    const rejected = new CombinedError({
      graphQLErrors: [
        new GraphQLError('Question 3: pick one of: Workshop, Talk. Question 4 needs an answer.', {
          extensions: { code: 'BAD_USER_INPUT', fields: ['input.answers.1', 'input.answers'] },
        }),
      ],
    });
    const { question, send } = renderForm(rejected);
    fireEvent.click(within(question('Would you recommend')).getByLabelText('7'));
    fireEvent.click(within(question('Preferred format')).getByLabelText('Talk'));
    fireEvent.input(within(question('What should we improve')).getByRole('textbox'), { target: { value: 'x' } });
    send();
    await screen.findByRole('alert');
    const choice = question('Preferred format');
    expect(choice.getAttribute('aria-invalid')).toBe('true');
    expect(within(choice).getByText('Pick one of: Workshop, Talk.')).toBeTruthy();
    expect(within(question('What should we improve')).getByText('Question 4 needs an answer.')).toBeTruthy();
    expect(question('Would you recommend').getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByRole('button', { name: 'Send response' })).toHaveProperty('disabled', false);
  });
});

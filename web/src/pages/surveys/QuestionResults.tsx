import { type Component, createMemo, For, Match, Show, Switch } from 'solid-js';
import { formatMetric } from '../../charts/metrics';
import { graphql } from '../../gql';
import type { QuestionResults_QuestionFragment } from '../../gql/graphql';
import { formatShare } from './format-share';
import { average, countChoices, countValues, npsBreakdown } from './survey-results';

/** The api pages answers by 100 at most; the results say when they are based on the first page only. */
export const QuestionResultsFragment = graphql(`
  fragment QuestionResults_question on SurveyQuestion {
    id
    position
    prompt
    type
    choices
    answers(first: 100) {
      totalCount
      nodes {
        id
        numberValue
        textValue
      }
    }
  }
`);

export interface QuestionResultsProps {
  question: QuestionResults_QuestionFragment;
}

interface BarsProps {
  rows: { label: string; count: number }[];
}

/** Horizontal bars, one per value, scaled to the most frequent one. */
const Bars: Component<BarsProps> = (props) => {
  const most = () => Math.max(1, ...props.rows.map((row) => row.count));
  return (
    <ul class="bars">
      <For each={props.rows}>
        {(row) => (
          <li class="bars__row">
            <span class="bars__label">{row.label}</span>
            <span class="bars__track" aria-hidden="true">
              <span class="bars__fill" style={{ width: `${(row.count / most()) * 100}%` }} />
            </span>
            <span class="bars__count">{row.count}</span>
          </li>
        )}
      </For>
    </ul>
  );
};

/** The answers to one question: NPS as detractors/passives/promoters, ratings and choices as bars, texts as quotes. */
export const QuestionResults: Component<QuestionResultsProps> = (props) => {
  const answers = () => props.question.answers.nodes;
  const numbers = createMemo(() =>
    answers().flatMap((answer) => (answer.numberValue == null ? [] : [answer.numberValue])),
  );
  const texts = createMemo(() => answers().flatMap((answer) => (answer.textValue ? [answer.textValue] : [])));
  const nps = createMemo(() => npsBreakdown(numbers()));
  const share = (count: number) => (nps().total ? formatShare(count / nps().total) : '0%');

  return (
    <article class="question-results" data-testid="question-results">
      <header class="question-results__header">
        <h3>
          {props.question.position}. {props.question.prompt}
        </h3>
        <span class="muted">
          {props.question.answers.totalCount} {props.question.answers.totalCount === 1 ? 'answer' : 'answers'}
          {props.question.answers.totalCount > answers().length ? ` (the first ${answers().length} shown)` : ''}
        </span>
      </header>
      <Show when={answers().length > 0} fallback={<p class="empty">No answers yet.</p>}>
        <Switch>
          <Match when={props.question.type === 'NPS'}>
            <p>
              NPS <strong>{nps().score == null ? '—' : formatMetric('NPS', nps().score ?? 0)}</strong>
            </p>
            <div
              class="nps-bar"
              role="img"
              aria-label={`${nps().detractors} detractors, ${nps().passives} passives, ${nps().promoters} promoters`}
            >
              <span class="nps-bar__detractors" style={{ 'flex-grow': nps().detractors }} />
              <span class="nps-bar__passives" style={{ 'flex-grow': nps().passives }} />
              <span class="nps-bar__promoters" style={{ 'flex-grow': nps().promoters }} />
            </div>
            <p class="nps-legend muted">
              <span class="nps-legend__detractors">
                Detractors 0–6: {nps().detractors} ({share(nps().detractors)})
              </span>
              <span class="nps-legend__passives">
                Passives 7–8: {nps().passives} ({share(nps().passives)})
              </span>
              <span class="nps-legend__promoters">
                Promoters 9–10: {nps().promoters} ({share(nps().promoters)})
              </span>
            </p>
          </Match>
          <Match when={props.question.type === 'RATING'}>
            <p>
              Average <strong>{average(numbers())?.toFixed(1)}</strong> of 5
            </p>
            <Bars rows={countValues(numbers(), 1, 5).map(({ value, count }) => ({ label: `${value} ★`, count }))} />
          </Match>
          <Match when={props.question.type === 'CHOICE'}>
            <Bars
              rows={countChoices(props.question.choices, texts()).map(({ choice, count }) => ({
                label: choice,
                count,
              }))}
            />
          </Match>
          <Match when={props.question.type === 'FREE_TEXT'}>
            <ul class="quotes">
              <For each={texts()}>{(text) => <li>{text}</li>}</For>
            </ul>
          </Match>
        </Switch>
      </Show>
    </article>
  );
};

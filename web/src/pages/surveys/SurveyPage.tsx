import { A, useParams } from '@solidjs/router';
import { CombinedError, createMutation, createQuery } from '@urql/solid';
import { type Component, For, Show } from 'solid-js';
import { formatDate } from '../../charts/format-date';
import { formatMetric } from '../../charts/metrics';
import { ErrorState } from '../../components/ErrorState';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { SurveyAnswerInput } from '../../gql/graphql';
import { AiAnswerStatus } from '../advisor/AiAnswerStatus';
import { copPath } from '../cop-dashboard/cop-path';
import { formatShare } from './format-share';
import { MyAnswer } from './MyAnswer';
import { QuestionResults } from './QuestionResults';
import { SurveyAnswerForm } from './SurveyAnswerForm';
import { SurveySummaryView } from './SurveySummaryView';
import './surveys.css';

const SurveyQuery = graphql(`
  query Survey($id: ID!) {
    survey(id: $id) {
      ...SurveyFacts_survey
      # Editors see every response, others only their own: compared with responseCount to say which.
      visibleResponses: responses(first: 1) {
        totalCount
      }
      cop {
        id
        name
      }
      myResponse {
        id
        submittedAt
        answers {
          id
          numberValue
          textValue
          question {
            id
          }
        }
      }
      questions {
        id
        position
        prompt
        type
        choices
        required
        ...QuestionResults_question
      }
      summary {
        generatedAt
        expiresAt
        isExpired
        model
        ...SurveySummaryView_summary
      }
    }
  }
`);

const SummarizeSurveyMutation = graphql(`
  mutation SummarizeSurvey($surveyId: ID!, $refresh: Boolean) {
    summarizeSurvey(surveyId: $surveyId, refresh: $refresh) {
      generatedAt
    }
  }
`);

// The survey's aggregates come back with the response, so the cache updates the figures at the top.
const SubmitSurveyResponseMutation = graphql(`
  mutation SubmitSurveyResponse($input: SubmitSurveyResponseInput!) {
    submitSurveyResponse(input: $input) {
      id
      survey {
        id
        nps
        responseCount
        responseRate
      }
    }
  }
`);

const notFound = new CombinedError({
  graphQLErrors: [{ message: 'Survey not found', extensions: { code: 'NOT_FOUND' } }],
});

/**
 * One survey: its figures, the results per question, the AI summary, and the viewer's answer, or the form to
 * answer it while it is open and they have not.
 */
const SurveyPage: Component = () => {
  const params = useParams<{ surveyId: string }>();
  const surveyId = () => decodeURIComponent(params.surveyId);
  const [survey, refetch] = createQuery({ query: SurveyQuery, variables: () => ({ id: surveyId() }) });
  const [summarizing, summarize] = createMutation(SummarizeSurveyMutation);
  const [, submitResponse] = createMutation(SubmitSurveyResponseMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  // SurveySummary has no id of its own, so the cache cannot attach the mutation's answer to the survey.
  const askForSummary = async (refresh: boolean) => {
    const result = await summarize({ surveyId: surveyId(), refresh });
    if (!result.error) reload();
  };
  const submit = async (answers: SurveyAnswerInput[]) => {
    const result = await submitResponse({ input: { surveyId: surveyId(), answers } });
    if (!result.error) reload();
    return result.error;
  };

  return (
    <QueryState result={survey} label="Loading survey" onRetry={reload}>
      <Show when={survey.data?.survey} fallback={<ErrorState error={notFound} />}>
        {(current) => (
          <article class="page" aria-labelledby="survey-title">
            <nav class="breadcrumbs" aria-label="Breadcrumb">
              <A href="/">Portfolio</A>
              <span aria-hidden="true">/</span>
              <A href={copPath(current().cop.id)}>{current().cop.name}</A>
              <span aria-hidden="true">/</span>
              <A href={`${copPath(current().cop.id)}/surveys`}>Surveys</A>
            </nav>
            <header class="page-header">
              <div>
                <h1 id="survey-title">{current().title}</h1>
                <Show when={current().description}>
                  <p class="muted">{current().description}</p>
                </Show>
              </div>
            </header>
            <dl class="summary" data-testid="survey-figures">
              <div class="summary__item">
                <dt>Status</dt>
                <dd>{current().isOpen ? 'Open' : 'Closed'}</dd>
              </div>
              <div class="summary__item">
                <dt>Created</dt>
                <dd>{formatDate(current().createdAt)}</dd>
              </div>
              <div class="summary__item">
                <dt>Responses</dt>
                <dd>{current().responseCount}</dd>
              </div>
              <div class="summary__item">
                <dt>Response rate</dt>
                <dd>{current().responseRate == null ? '—' : formatShare(current().responseRate ?? 0)}</dd>
              </div>
              <div class="summary__item">
                <dt>NPS</dt>
                <dd>{current().nps == null ? '—' : formatMetric('NPS', current().nps ?? 0)}</dd>
              </div>
            </dl>
            <Panel title="AI summary" meta="Themes of the free-text answers">
              <AiAnswerStatus
                answer={current().summary}
                generating={summarizing.fetching}
                progressLabel="Asking the summarizer"
                onGenerate={(refresh) => void askForSummary(refresh)}
                error={summarizing.error}
                empty={
                  current().visibleResponses.totalCount < current().responseCount
                    ? "No summary yet, or it is not shared with you: it quotes members' answers, so only editors and the CoP's leads see it."
                    : 'Not generated yet.'
                }
              />
              <Show when={current().summary}>{(summary) => <SurveySummaryView summary={summary()} />}</Show>
            </Panel>
            <Panel title="Results" meta={`${current().questions.length} questions`}>
              <Show when={current().visibleResponses.totalCount < current().responseCount}>
                <p class="stale-mark" role="note">
                  Answers are personal: you see your own ({current().visibleResponses.totalCount}). The figures above
                  count all {current().responseCount} responses.
                </p>
              </Show>
              <div class="results">
                <For each={current().questions}>{(question) => <QuestionResults question={question} />}</For>
              </div>
            </Panel>
            <Show
              when={current().myResponse}
              fallback={
                <Show when={current().isOpen}>
                  <Panel title="Your answer">
                    <SurveyAnswerForm questions={current().questions} onSubmit={submit} />
                  </Panel>
                </Show>
              }
            >
              {(response) => (
                <Panel title="Your answer">
                  <MyAnswer questions={current().questions} response={response()} />
                </Panel>
              )}
            </Show>
          </article>
        )}
      </Show>
    </QueryState>
  );
};

export default SurveyPage;

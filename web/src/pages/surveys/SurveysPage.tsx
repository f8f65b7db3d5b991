import { A, useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { type Component, For, Show } from 'solid-js';
import { formatDate } from '../../charts/format-date';
import { formatMetric } from '../../charts/metrics';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { CopSectionHeader } from '../cop-dashboard/CopSectionHeader';
import { copIdFromParam } from '../cop-dashboard/cop-path';
import { formatShare } from './format-share';
import { surveyPath } from './survey-path';
import './surveys.css';

const CopSurveysQuery = graphql(`
  query CopSurveys($id: ID!) {
    cop(id: $id) {
      id
      name
      surveys(first: 50) {
        totalCount
        nodes {
          ...SurveyFacts_survey
        }
      }
    }
  }
`);

/** Every survey of a CoP with how many answered and its NPS. */
const SurveysPage: Component = () => {
  const params = useParams<{ id: string }>();
  const [surveys, refetch] = createQuery({
    query: CopSurveysQuery,
    variables: () => ({ id: copIdFromParam(params.id) }),
  });

  return (
    <QueryState result={surveys} label="Loading surveys" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      <Show when={surveys.data?.cop}>
        {(cop) => (
          <section class="page" aria-labelledby="surveys-title">
            <CopSectionHeader
              cop={cop()}
              title="Surveys"
              titleId="surveys-title"
              intro={<>What members of {cop().name} told the community, and how likely they are to recommend it.</>}
            />
            <Panel title="All surveys" meta={`${cop().surveys.totalCount} in total`}>
              <Show when={cop().surveys.nodes.length > 0} fallback={<p class="empty">No surveys yet.</p>}>
                <table class="data-table">
                  <thead>
                    <tr>
                      <th scope="col">Survey</th>
                      <th scope="col">Status</th>
                      <th scope="col" class="numeric">
                        Responses
                      </th>
                      <th scope="col" class="numeric">
                        Response rate
                      </th>
                      <th scope="col" class="numeric">
                        NPS
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={cop().surveys.nodes}>
                      {(survey) => (
                        <tr>
                          <td>
                            <A href={surveyPath(survey.id)} class="data-table__title">
                              {survey.title}
                            </A>
                            <span class="muted"> · {formatDate(survey.createdAt)}</span>
                          </td>
                          <td>
                            <span class="badge" classList={{ 'status--in-production': survey.isOpen }}>
                              {survey.isOpen ? 'Open' : 'Closed'}
                            </span>
                          </td>
                          <td class="numeric">{survey.responseCount}</td>
                          <td class="numeric">
                            {survey.responseRate == null ? '—' : formatShare(survey.responseRate)}
                          </td>
                          <td class="numeric">{survey.nps == null ? '—' : formatMetric('NPS', survey.nps)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
            </Panel>
          </section>
        )}
      </Show>
    </QueryState>
  );
};

export default SurveysPage;

import { type Component, Show } from 'solid-js';
import { formatDate } from '../../charts/format-date';
import { formatMetric } from '../../charts/metrics';
import { ListPanel } from '../../components/ListPanel';
import { graphql } from '../../gql';
import type { SurveysPanel_CopFragment } from '../../gql/graphql';

export const SurveysPanelFragment = graphql(`
  fragment SurveysPanel_cop on Cop {
    surveys(first: 5) {
      totalCount
      nodes {
        id
        title
        isOpen
        createdAt
        nps
        responseCount
        responseRate
      }
    }
  }
`);

export interface SurveysPanelProps {
  cop: SurveysPanel_CopFragment;
}

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });

/** Recent surveys with their NPS and how many members answered. */
export const SurveysPanel: Component<SurveysPanelProps> = (props) => (
  <ListPanel
    title="Surveys"
    meta={`${props.cop.surveys.totalCount} in total`}
    items={props.cop.surveys.nodes}
    empty="No surveys yet."
  >
    {(survey) => (
      <li class="list__row">
        <span class="list__main">
          <span class="list__title">{survey.title}</span>
          <span class="list__sub muted">
            {formatDate(survey.createdAt)} · {survey.responseCount}{' '}
            {survey.responseCount === 1 ? 'response' : 'responses'}
            {survey.responseRate != null ? ` (${percent.format(survey.responseRate)} of members)` : ''}
          </span>
        </span>
        <Show when={survey.nps != null}>
          <span class="badge" title="Net Promoter Score">
            NPS {formatMetric('NPS', survey.nps ?? 0)}
          </span>
        </Show>
        <span class="badge" classList={{ 'status--in-production': survey.isOpen }}>
          {survey.isOpen ? 'Open' : 'Closed'}
        </span>
      </li>
    )}
  </ListPanel>
);

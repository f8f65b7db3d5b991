import { type Component, For, Show } from 'solid-js';
import { formatMetric } from '../../charts/metrics';
import { graphql } from '../../gql';
import type { SurveySummaryView_SummaryFragment } from '../../gql/graphql';

export const SurveySummaryViewFragment = graphql(`
  fragment SurveySummaryView_summary on SurveySummary {
    responseCount
    nps
    workingWell
    opportunities
    topActions
    themes {
      theme
      sentiment
      count
    }
  }
`);

export interface SurveySummaryViewProps {
  summary: SurveySummaryView_SummaryFragment;
}

const SENTIMENT_CLASS: Record<string, string> = {
  positive: 'status--in-production',
  negative: 'status--on-hold',
  mixed: 'status--in-progress',
};

/** The AI summary of the free-text answers: what works, what to improve, what to do, and the themes. */
export const SurveySummaryView: Component<SurveySummaryViewProps> = (props) => (
  <div class="survey-summary">
    <p class="muted">
      Read from {props.summary.responseCount} {props.summary.responseCount === 1 ? 'response' : 'responses'}
      {props.summary.nps == null ? '' : ` (NPS ${formatMetric('NPS', props.summary.nps)} at the time)`}.
    </p>
    <div class="survey-summary__grid">
      <For
        each={[
          { title: 'Working well', items: props.summary.workingWell },
          { title: 'Opportunities', items: props.summary.opportunities },
          { title: 'Top actions', items: props.summary.topActions },
        ]}
      >
        {(section) => (
          <section>
            <h3>{section.title}</h3>
            <Show when={section.items.length > 0} fallback={<p class="empty">Nothing noted.</p>}>
              <ul>
                <For each={section.items}>{(item) => <li>{item}</li>}</For>
              </ul>
            </Show>
          </section>
        )}
      </For>
    </div>
    <Show when={props.summary.themes.length > 0}>
      <h3>Themes</h3>
      <ul class="themes">
        <For each={props.summary.themes}>
          {(theme) => (
            <li
              class={`badge ${SENTIMENT_CLASS[theme.sentiment] ?? ''}`}
              title={`${theme.sentiment}, ${theme.count} answers`}
            >
              {theme.theme} · {theme.count}
            </li>
          )}
        </For>
      </ul>
    </Show>
  </div>
);

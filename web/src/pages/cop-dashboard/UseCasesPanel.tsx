import { type Component, Show } from 'solid-js';
import { ListPanel } from '../../components/ListPanel';
import { enumWords, formatMoney } from '../../components/words';
import { graphql } from '../../gql';
import type { UseCasesPanel_CopFragment } from '../../gql/graphql';

export const UseCasesPanelFragment = graphql(`
  fragment UseCasesPanel_cop on Cop {
    useCases(first: 8) {
      totalCount
      nodes {
        id
        title
        status
        platform
        leader
        valueEstimate
      }
    }
  }
`);

export interface UseCasesPanelProps {
  cop: UseCasesPanel_CopFragment;
}

/** What the community builds on the platform, and what it is worth. */
export const UseCasesPanel: Component<UseCasesPanelProps> = (props) => (
  <ListPanel
    title="Use cases"
    meta={`${props.cop.useCases.totalCount} in total`}
    items={props.cop.useCases.nodes}
    empty="No use cases yet."
  >
    {(useCase) => (
      <li class="list__row">
        <span class="list__main">
          <span class="list__title">{useCase.title}</span>
          <span class="list__sub muted">
            {[useCase.platform, useCase.leader].filter(Boolean).join(' · ')}
            <Show when={useCase.valueEstimate != null}>
              {' · '}
              {formatMoney(useCase.valueEstimate ?? 0)}/yr
            </Show>
          </span>
        </span>
        <span class={`badge status status--${useCase.status.toLowerCase().replaceAll('_', '-')}`}>
          {enumWords(useCase.status)}
        </span>
      </li>
    )}
  </ListPanel>
);

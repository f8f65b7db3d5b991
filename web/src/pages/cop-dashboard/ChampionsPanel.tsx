import type { Component } from 'solid-js';
import { formatDate } from '../../charts/format-date';
import { ListPanel } from '../../components/ListPanel';
import { graphql } from '../../gql';
import type { ChampionsPanel_CopFragment } from '../../gql/graphql';

export const ChampionsPanelFragment = graphql(`
  fragment ChampionsPanel_cop on Cop {
    champions(first: 6) {
      totalCount
      nodes {
        id
        reason
        recognizedAt
        user {
          id
          name
        }
      }
    }
  }
`);

export interface ChampionsPanelProps {
  cop: ChampionsPanel_CopFragment;
}

/** People the community recognized, most recent first, with why. */
export const ChampionsPanel: Component<ChampionsPanelProps> = (props) => (
  <ListPanel
    title="Champions"
    meta={`${props.cop.champions.totalCount} recognized`}
    items={props.cop.champions.nodes}
    empty="No champions recognized yet."
  >
    {(champion) => (
      <li class="list__row">
        <span class="avatar avatar--champion" aria-hidden="true">
          ★
        </span>
        <span class="list__main">
          <span class="list__title">{champion.user.name}</span>
          <span class="list__sub">{champion.reason}</span>
        </span>
        <span class="muted list__aside">{formatDate(champion.recognizedAt)}</span>
      </li>
    )}
  </ListPanel>
);

import { A } from '@solidjs/router';
import { type Component, For, Show } from 'solid-js';
import { Sparkline } from '../../charts/Sparkline';
import { PhaseBadge } from '../../components/PhaseBadge';
import { graphql } from '../../gql';
import type { CopCard_CopFragment } from '../../gql/graphql';
import { copPath } from '../cop-dashboard/cop-path';

export const CopCardFragment = graphql(`
  fragment CopCard_cop on Cop {
    id
    name
    phase
    isActive
    daysActive
    members {
      totalCount
    }
    trends: kpiSeries(metricNames: ["MAP", "NPS"], from: $from) {
      metricName
      points {
        date
        value
      }
    }
  }
`);

export interface CopCardProps {
  cop: CopCard_CopFragment;
}

/** A CoP in the portfolio: links to its dashboard. */
export const CopCard: Component<CopCardProps> = (props) => (
  <article class="card cop-card" classList={{ 'is-inactive': !props.cop.isActive }}>
    <header class="cop-card__header">
      <h3>
        <A href={copPath(props.cop.id)} class="card-link">
          {props.cop.name}
        </A>
      </h3>
    </header>
    <p class="cop-card__facts">
      <PhaseBadge phase={props.cop.phase} />
      <span>
        <strong>{props.cop.members.totalCount}</strong> {props.cop.members.totalCount === 1 ? 'member' : 'members'}
      </span>
      <span class="muted">{props.cop.daysActive} days active</span>
      <Show when={!props.cop.isActive}>
        <span class="badge badge--muted">Inactive</span>
      </Show>
    </p>
    <div class="cop-card__trends">
      <For each={props.cop.trends}>
        {(series) => <Sparkline metricName={series.metricName} points={series.points} />}
      </For>
    </div>
  </article>
);

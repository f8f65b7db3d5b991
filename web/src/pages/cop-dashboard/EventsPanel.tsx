import type { Component } from 'solid-js';
import { formatDateTime } from '../../charts/format-date';
import { ListPanel } from '../../components/ListPanel';
import { enumWords } from '../../components/words';
import { graphql } from '../../gql';
import type { EventsPanel_CopFragment } from '../../gql/graphql';

export const EventsPanelFragment = graphql(`
  fragment EventsPanel_cop on Cop {
    upcomingEvents: events(upcoming: true, first: 5) {
      totalCount
      nodes {
        id
        title
        kind
        startsAt
        endsAt
        location
      }
    }
  }
`);

export interface EventsPanelProps {
  cop: EventsPanel_CopFragment;
}

/** The next sessions of the CoP, soonest first. */
export const EventsPanel: Component<EventsPanelProps> = (props) => (
  <ListPanel
    title="Upcoming events"
    meta={`${props.cop.upcomingEvents.totalCount} planned`}
    items={props.cop.upcomingEvents.nodes}
    empty="Nothing planned yet."
  >
    {(event) => (
      <li class="list__row">
        <time class="date-tile" dateTime={event.startsAt}>
          <span>{monthOf(event.startsAt)}</span>
          <strong>{dayOf(event.startsAt)}</strong>
        </time>
        <span class="list__main">
          <span class="list__title">{event.title}</span>
          <span class="list__sub muted">
            {formatDateTime(event.startsAt)}
            {event.location ? ` · ${event.location}` : ''}
          </span>
        </span>
        <span class="badge">{enumWords(event.kind)}</span>
      </li>
    )}
  </ListPanel>
);

const monthOf = (instant: string) => new Date(instant).toLocaleString('en', { month: 'short' });
const dayOf = (instant: string) => new Date(instant).getDate();

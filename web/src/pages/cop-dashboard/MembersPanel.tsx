import { createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { formatDate } from '../../charts/format-date';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { enumWords } from '../../components/words';
import { graphql } from '../../gql';

const CopMembersQuery = graphql(`
  query CopMembers($id: ID!, $first: Int!) {
    cop(id: $id) {
      id
      members(first: $first) {
        totalCount
        pageInfo {
          hasNextPage
        }
        nodes {
          id
          role
          joinedAt
          user {
            id
            name
          }
        }
      }
    }
  }
`);

const PAGE_SIZE = 10;

export interface MembersPanelProps {
  copId: string;
}

/**
 * Leads first, then champions and members. "Show more" asks for a longer first page rather than merging
 * cursor pages in the cache: Graphcache's relayPagination drops `totalCount`, which this panel shows.
 */
export const MembersPanel: Component<MembersPanelProps> = (props) => {
  const [first, setFirst] = createSignal(PAGE_SIZE);
  const [members, refetch] = createQuery({
    query: CopMembersQuery,
    variables: () => ({ id: props.copId, first: first() }),
  });
  const connection = () => members.data?.cop?.members;

  return (
    <Panel
      title="Members"
      meta={connection() ? `${connection()?.totalCount} in total` : undefined}
      class="members-panel"
    >
      <QueryState result={members} label="Loading members" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        <Show when={connection()?.nodes.length} fallback={<p class="empty">No members yet.</p>}>
          <ul class="list">
            <For each={connection()?.nodes}>
              {(member) => (
                <li class="list__row">
                  <span class="avatar" aria-hidden="true">
                    {initials(member.user.name)}
                  </span>
                  <span class="list__main">
                    <span class="list__title">{member.user.name}</span>
                    <span class="list__sub muted">Joined {formatDate(member.joinedAt)}</span>
                  </span>
                  <span class={`badge role role--${member.role.toLowerCase()}`}>{enumWords(member.role)}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={connection()?.pageInfo.hasNextPage}>
          <button
            type="button"
            class="button button--secondary"
            disabled={members.fetching}
            onClick={() => setFirst((count) => count + PAGE_SIZE)}
          >
            {members.fetching ? 'Loading…' : 'Show more members'}
          </button>
        </Show>
      </QueryState>
    </Panel>
  );
};

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

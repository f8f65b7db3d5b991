import { createMutation, createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { ErrorState } from '../../components/ErrorState';
import { graphql } from '../../gql';

const LinkableCopsQuery = graphql(`
  query LinkableCops {
    cops(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

const LinkCopAccountMutation = graphql(`
  mutation LinkCopAccount($copId: ID!, $accountId: ID!) {
    linkCopAccount(copId: $copId, accountId: $accountId) {
      id
    }
  }
`);

export interface CopLinkFormProps {
  accountId: string;
  /** The CoPs that serve the account already: not offered again. */
  linked: readonly string[];
  onLinked(): void;
}

/** Records that one of the viewer's CoPs serves this account (the link is kept by the app, not the warehouse). */
export const CopLinkForm: Component<CopLinkFormProps> = (props) => {
  const [cops] = createQuery({ query: LinkableCopsQuery });
  const [linked, link] = createMutation(LinkCopAccountMutation);
  const [copId, setCopId] = createSignal('');
  const offered = () => (cops.data?.cops.nodes ?? []).filter((cop) => !props.linked.includes(cop.id));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!copId()) return;
    const result = await link({ copId: copId(), accountId: props.accountId });
    if (!result.error) {
      setCopId('');
      props.onLinked();
    }
  };

  return (
    <Show when={offered().length > 0}>
      <form class="crm-link" onSubmit={submit}>
        <label for="crm-link-cop">Serve from a CoP</label>
        <select id="crm-link-cop" value={copId()} onChange={(event) => setCopId(event.currentTarget.value)}>
          <option value="">Choose a CoP</option>
          <For each={offered()}>{(cop) => <option value={cop.id}>{cop.name}</option>}</For>
        </select>
        <button type="submit" class="button" disabled={!copId() || linked.fetching}>
          Link
        </button>
        <Show when={linked.error}>{(error) => <ErrorState error={error()} variant="inline" />}</Show>
      </form>
    </Show>
  );
};

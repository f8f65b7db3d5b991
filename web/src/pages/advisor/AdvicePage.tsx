import { useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { CopSectionHeader } from '../cop-dashboard/CopSectionHeader';
import { copIdFromParam } from '../cop-dashboard/cop-path';
import { AdviceView } from './AdviceView';
import { AiAnswerStatus } from './AiAnswerStatus';

const CopAdviceQuery = graphql(`
  query CopAdvice($id: ID!) {
    cop(id: $id) {
      id
      name
      advice {
        generatedAt
        expiresAt
        isExpired
        model
        ...AdviceView_advice
      }
    }
  }
`);

const GenerateCopAdviceMutation = graphql(`
  mutation GenerateCopAdvice($copId: ID!, $refresh: Boolean) {
    generateCopAdvice(copId: $copId, refresh: $refresh) {
      generatedAt
    }
  }
`);

/** The AI advisor's recommendations for one CoP, generated on request and cached by the api for a day. */
const AdvicePage: Component = () => {
  const params = useParams<{ id: string }>();
  const copId = () => copIdFromParam(params.id);
  const [advice, refetch] = createQuery({ query: CopAdviceQuery, variables: () => ({ id: copId() }) });
  const [generation, generate] = createMutation(GenerateCopAdviceMutation);

  // CopAdvice has no id of its own, so the cache cannot attach the mutation's answer to the CoP: read it again.
  const ask = async (refresh: boolean) => {
    const result = await generate({ copId: copId(), refresh });
    if (!result.error) refetch({ requestPolicy: 'network-only' });
  };

  return (
    <QueryState result={advice} label="Loading advice" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      <Show when={advice.data?.cop}>
        {(cop) => (
          <section class="page" aria-labelledby="advisor-title">
            <CopSectionHeader
              cop={cop()}
              title="AI advisor"
              titleId="advisor-title"
              intro={<>What {cop().name} could do next, read from its members, events, content, KPIs and champions.</>}
            />
            <AiAnswerStatus
              answer={cop().advice}
              generating={generation.fetching}
              progressLabel="Asking the advisor"
              onGenerate={(refresh) => void ask(refresh)}
              error={generation.error}
            />
            <Show
              when={cop().advice}
              fallback={<p class="empty">No advice yet. Generate it to get next sessions, content and a roadmap.</p>}
            >
              {(current) => <AdviceView advice={current()} />}
            </Show>
          </section>
        )}
      </Show>
    </QueryState>
  );
};

export default AdvicePage;

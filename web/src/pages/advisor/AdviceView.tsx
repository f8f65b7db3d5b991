import { type Component, For, type JSX, Show } from 'solid-js';
import { Panel } from '../../components/Panel';
import { graphql } from '../../gql';
import type { AdviceView_AdviceFragment } from '../../gql/graphql';
import './ai.css';

export const AdviceViewFragment = graphql(`
  fragment AdviceView_advice on CopAdvice {
    summary
    nextSessions {
      title
      format
      rationale
    }
    contentToPrioritize {
      title
      reason
    }
    championsToRecognize {
      name
      reason
    }
    roadmap {
      phase
      milestone
      timeframe
    }
  }
`);

export interface AdviceViewProps {
  advice: AdviceView_AdviceFragment;
}

interface AdviceListProps<Item> {
  title: string;
  items: readonly Item[];
  empty: string;
  children: (item: Item) => JSX.Element;
}

/** One panel of recommendations; the model may have nothing to say on a topic. */
function AdviceList<Item>(props: AdviceListProps<Item>): JSX.Element {
  return (
    <Panel title={props.title} meta={`${props.items.length}`}>
      <Show when={props.items.length > 0} fallback={<p class="empty">{props.empty}</p>}>
        <ol class="advice-list">
          <For each={props.items}>{(item) => <li>{props.children(item)}</li>}</For>
        </ol>
      </Show>
    </Panel>
  );
}

/** What the AI advisor recommends: a summary, next sessions, content, champions and a roadmap. */
export const AdviceView: Component<AdviceViewProps> = (props) => (
  <div class="advice">
    <Panel title="Summary">
      <p class="advice__summary">{props.advice.summary}</p>
    </Panel>
    <div class="advice__grid">
      <AdviceList title="Next sessions" items={props.advice.nextSessions} empty="No session suggested.">
        {(session) => (
          <>
            <p class="advice__title">
              {session.title} <span class="badge">{session.format}</span>
            </p>
            <p class="muted">{session.rationale}</p>
          </>
        )}
      </AdviceList>
      <AdviceList title="Content to prioritize" items={props.advice.contentToPrioritize} empty="No content suggested.">
        {(content) => (
          <>
            <p class="advice__title">{content.title}</p>
            <p class="muted">{content.reason}</p>
          </>
        )}
      </AdviceList>
      <AdviceList
        title="Champions to recognize"
        items={props.advice.championsToRecognize}
        empty="Nobody stands out yet."
      >
        {(champion) => (
          <>
            <p class="advice__title">{champion.name}</p>
            <p class="muted">{champion.reason}</p>
          </>
        )}
      </AdviceList>
      <AdviceList title="Roadmap" items={props.advice.roadmap} empty="No roadmap suggested.">
        {(milestone) => (
          <>
            <p class="advice__title">
              {milestone.milestone} <span class="badge">{milestone.phase}</span>
            </p>
            <p class="muted">{milestone.timeframe}</p>
          </>
        )}
      </AdviceList>
    </div>
  </div>
);

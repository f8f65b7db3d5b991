import { createMutation, createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { enumWords } from '../../components/words';
import { graphql } from '../../gql';
import type { AssetType } from '../../gql/graphql';
import type { ContentFilter } from './content-filter';
import { DashboardEmbed } from './DashboardEmbed';

const ContentLibraryQuery = graphql(`
  query ContentLibrary(
    $id: ID!
    $assetType: AssetType
    $tag: String
    $authorId: ID
    $platform: ContentPlatform
    $search: String
  ) {
    cop(id: $id) {
      id
      contentAssets(
        first: 50
        assetType: $assetType
        tag: $tag
        authorId: $authorId
        platform: $platform
        search: $search
      ) {
        totalCount
        nodes {
          id
          title
          description
          url
          assetType
          skillLevel
          personaTag
          tags
          views
          embeddable
          databricksLink
          createdBy {
            id
            name
          }
        }
      }
    }
  }
`);

const RecordContentViewMutation = graphql(`
  mutation RecordContentView($id: ID!) {
    recordContentView(id: $id) {
      id
      views
    }
  }
`);

export const ASSET_TYPES: Record<AssetType, { glyph: string; label: string }> = {
  DBSQL_DASHBOARD: { glyph: 'SQL', label: 'DBSQL dashboard' },
  NOTEBOOK: { glyph: 'NB', label: 'Notebook' },
  REPO: { glyph: 'Git', label: 'Repo' },
  CATALOG: { glyph: 'UC', label: 'Unity Catalog' },
  DOC: { glyph: 'Doc', label: 'Document' },
  VIDEO: { glyph: '▶', label: 'Video' },
};

export interface ContentLibraryProps {
  copId: string;
  filter: ContentFilter;
}

/** The CoP's assets that match the filter; DBSQL dashboards open in place, other assets in a new tab. */
export const ContentLibrary: Component<ContentLibraryProps> = (props) => {
  const [library, refetch] = createQuery({
    query: ContentLibraryQuery,
    variables: () => ({ id: props.copId, ...props.filter }),
  });
  const [, recordView] = createMutation(RecordContentViewMutation);
  const [openDashboardId, setOpenDashboardId] = createSignal<string | null>(null);

  // A view counts once the user opens the asset; the cache updates `views` from the mutation's answer.
  const opened = (assetId: string) => void recordView({ id: assetId });
  const toggleDashboard = (assetId: string) => {
    const opening = openDashboardId() !== assetId;
    setOpenDashboardId(opening ? assetId : null);
    if (opening) opened(assetId);
  };
  const assets = () => library.data?.cop?.contentAssets;
  /** The filter of the list on screen, once loaded (the browser test waits for it). */
  const shownFilter = () => (library.fetching ? undefined : JSON.stringify(library.operation?.variables ?? {}));

  return (
    <Panel title="Library" meta={assets() ? `${assets()?.totalCount} matching` : undefined} class="content-library">
      <div data-shown-filter={shownFilter()} hidden />
      <QueryState result={library} label="Loading content" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        <Show when={assets()}>
          {(found) => (
            <Show when={found().nodes.length > 0} fallback={<p class="empty">No content matches these filters.</p>}>
              <ul class="list content-list">
                <For each={found().nodes}>
                  {(asset) => (
                    <li class="content-item">
                      <div class="list__row">
                        <span class={`asset-icon asset-icon--${asset.assetType.toLowerCase()}`} aria-hidden="true">
                          {ASSET_TYPES[asset.assetType].glyph}
                        </span>
                        <span class="list__main">
                          <span class="list__title">{asset.title}</span>
                          <span class="list__sub muted">
                            {ASSET_TYPES[asset.assetType].label} · {enumWords(asset.skillLevel)}
                            {asset.personaTag ? ` · for ${asset.personaTag}` : ''}
                            {asset.createdBy ? ` · by ${asset.createdBy.name}` : ''} · {asset.views} views
                          </span>
                        </span>
                        <Show
                          when={asset.embeddable}
                          fallback={
                            <a
                              class="button button--secondary"
                              href={asset.databricksLink ?? asset.url}
                              target="_blank"
                              rel="noopener noreferrer"
                              onClick={() => opened(asset.id)}
                            >
                              {asset.databricksLink ? 'Open in Databricks ↗' : 'Open ↗'}
                            </a>
                          }
                        >
                          <button
                            type="button"
                            class="button button--secondary"
                            aria-expanded={openDashboardId() === asset.id}
                            onClick={() => toggleDashboard(asset.id)}
                          >
                            {openDashboardId() === asset.id ? 'Hide dashboard' : 'Show dashboard'}
                          </button>
                        </Show>
                      </div>
                      <Show when={asset.description}>
                        <p class="content-item__description">{asset.description}</p>
                      </Show>
                      <Show when={openDashboardId() === asset.id}>
                        <DashboardEmbed title={asset.title} url={asset.url} />
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </QueryState>
    </Panel>
  );
};

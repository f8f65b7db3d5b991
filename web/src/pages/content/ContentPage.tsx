import { A, useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { enumWords } from '../../components/words';
import { graphql } from '../../gql';
import type { AssetType } from '../../gql/graphql';
import { CopTabs } from '../cop-dashboard/CopTabs';
import { copIdFromParam, copPath } from '../cop-dashboard/cop-path';
import { DashboardEmbed } from './DashboardEmbed';

const CopContentQuery = graphql(`
  query CopContent($id: ID!) {
    cop(id: $id) {
      id
      name
      customer {
        id
        name
      }
      contentAssets(first: 50) {
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

const ASSET_TYPES: Record<AssetType, { glyph: string; label: string }> = {
  DBSQL_DASHBOARD: { glyph: 'SQL', label: 'DBSQL dashboard' },
  NOTEBOOK: { glyph: 'NB', label: 'Notebook' },
  REPO: { glyph: 'Git', label: 'Repo' },
  CATALOG: { glyph: 'UC', label: 'Unity Catalog' },
  DOC: { glyph: 'Doc', label: 'Document' },
  VIDEO: { glyph: '▶', label: 'Video' },
};

/** The CoP's content library; DBSQL dashboards open in place, other assets in a new tab. */
const ContentPage: Component = () => {
  const params = useParams<{ id: string }>();
  const copId = () => copIdFromParam(params.id);
  const [content, refetch] = createQuery({ query: CopContentQuery, variables: () => ({ id: copId() }) });
  const [, recordView] = createMutation(RecordContentViewMutation);
  const [openDashboardId, setOpenDashboardId] = createSignal<string | null>(null);

  // A view counts once the user opens the asset; the cache updates `views` from the mutation's answer.
  const opened = (assetId: string) => void recordView({ id: assetId });
  const toggleDashboard = (assetId: string) => {
    const opening = openDashboardId() !== assetId;
    setOpenDashboardId(opening ? assetId : null);
    if (opening) opened(assetId);
  };

  return (
    <QueryState result={content} label="Loading content" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      <Show when={content.data?.cop}>
        {(cop) => (
          <section class="page" aria-labelledby="content-title">
            <nav class="breadcrumbs" aria-label="Breadcrumb">
              <A href="/">Portfolio</A>
              <span aria-hidden="true">/</span>
              <A href={copPath(cop().id)}>{cop().name}</A>
            </nav>
            <header class="page-header">
              <div>
                <h1 id="content-title">Content</h1>
                <p class="muted">
                  {cop().contentAssets.totalCount} assets shared in {cop().name}: dashboards, notebooks, repos and docs.
                </p>
              </div>
            </header>
            <CopTabs copId={cop().id} />
            <Panel title="Library" meta={`${cop().contentAssets.totalCount} assets`}>
              <Show when={cop().contentAssets.nodes.length > 0} fallback={<p class="empty">No content yet.</p>}>
                <ul class="list content-list">
                  <For each={cop().contentAssets.nodes}>
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
                              {asset.personaTag ? ` · for ${asset.personaTag}` : ''} · {asset.views} views
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
            </Panel>
          </section>
        )}
      </Show>
    </QueryState>
  );
};

export default ContentPage;

import type { Component } from 'solid-js';

export interface DashboardEmbedProps {
  title: string;
  url: string;
}

/**
 * A DBSQL dashboard in an iframe. A cross-origin frame cannot tell us whether the workspace let the user in
 * (sign-in pages, blocked third-party cookies), so the way out, "Open in Databricks", is always beside it.
 */
export const DashboardEmbed: Component<DashboardEmbedProps> = (props) => (
  <figure class="dashboard-embed">
    <iframe
      title={`${props.title} (Databricks SQL dashboard)`}
      src={props.url}
      loading="lazy"
      referrerpolicy="strict-origin-when-cross-origin"
      sandbox="allow-scripts allow-same-origin allow-popups allow-forms allow-popups-to-escape-sandbox"
    />
    <figcaption class="dashboard-embed__fallback">
      <span class="muted">Blank or asking you to sign in? Your browser may block the workspace inside this page.</span>
      <a class="button button--secondary" href={props.url} target="_blank" rel="noopener noreferrer">
        Open in Databricks ↗
      </a>
    </figcaption>
  </figure>
);

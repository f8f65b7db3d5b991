import type { Component } from 'solid-js';
import type { SyncStatus } from '../../gql/graphql';
import './sync-badge.css';

const LABELS: Record<SyncStatus, string> = {
  SYNCED: 'Synced',
  PENDING: 'Syncing…',
  LOCAL_ONLY: 'Local only',
  FAILED: 'Sync failed',
  DISABLED: 'Local (Databricks off)',
};

/** Where a resource stands with Databricks, with the last error as its tooltip. */
export const SyncBadge: Component<{ status: SyncStatus; error?: string | null }> = (props) => (
  <span
    class={`badge sync-badge sync-badge--${props.status.toLowerCase()}`}
    title={props.error ?? undefined}
    data-testid="sync-badge"
  >
    {LABELS[props.status]}
  </span>
);

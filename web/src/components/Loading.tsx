import type { Component } from 'solid-js';

export interface LoadingProps {
  /** What is loading, read out to screen readers ("Loading portfolio"). */
  label: string;
}

export const Loading: Component<LoadingProps> = (props) => (
  <div class="loading" role="status" aria-live="polite">
    <span class="loading__spinner" aria-hidden="true" />
    <span>{props.label}…</span>
  </div>
);

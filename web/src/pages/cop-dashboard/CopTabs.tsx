import { A } from '@solidjs/router';
import type { Component } from 'solid-js';
import { copPath } from './cop-path';

export interface CopTabsProps {
  copId: string;
}

/** The sections of one CoP. */
export const CopTabs: Component<CopTabsProps> = (props) => (
  <nav class="cop-tabs" aria-label="CoP sections">
    <A href={copPath(props.copId)} end activeClass="is-active">
      Overview
    </A>
    <A href={`${copPath(props.copId)}/content`} activeClass="is-active">
      Content
    </A>
    <A href={`${copPath(props.copId)}/surveys`} activeClass="is-active">
      Surveys
    </A>
    <A href={`${copPath(props.copId)}/advisor`} activeClass="is-active">
      AI advisor
    </A>
    <A href={`${copPath(props.copId)}/catalog`} activeClass="is-active">
      Catalog
    </A>
    <A href={`${copPath(props.copId)}/pipeline`} activeClass="is-active">
      Pipeline
    </A>
  </nav>
);

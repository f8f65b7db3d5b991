import { A } from '@solidjs/router';
import type { Component, JSX } from 'solid-js';
import { CopTabs } from './CopTabs';
import { copPath } from './cop-path';

export interface CopSectionHeaderProps {
  cop: { id: string; name: string };
  title: string;
  /** Id of the heading, for the section's `aria-labelledby`. */
  titleId: string;
  /** One line under the title. */
  intro: JSX.Element;
}

/** The top of a CoP's section page: breadcrumb back to the CoP, title, and the CoP's tabs. */
export const CopSectionHeader: Component<CopSectionHeaderProps> = (props) => (
  <>
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <A href="/">Portfolio</A>
      <span aria-hidden="true">/</span>
      <A href={copPath(props.cop.id)}>{props.cop.name}</A>
    </nav>
    <header class="page-header">
      <div>
        <h1 id={props.titleId}>{props.title}</h1>
        <p class="muted">{props.intro}</p>
      </div>
    </header>
    <CopTabs copId={props.cop.id} />
  </>
);

import { type Component, For } from 'solid-js';
import { graphql } from '../../gql';
import type { AssetType, ContentFilters_CopFragment, ContentPlatform } from '../../gql/graphql';
import { ASSET_TYPES } from './ContentLibrary';
import { type ContentFilter, filterOptions, withChoice } from './content-filter';
import './content.css';

graphql(`
  fragment ContentFilters_cop on Cop {
    contentAssets(first: 200) {
      totalCount
      nodes {
        id
        tags
        createdBy {
          id
          name
        }
      }
    }
  }
`);

const PLATFORMS: Record<ContentPlatform, string> = {
  DATABRICKS_AWS: 'Databricks on AWS',
  DATABRICKS_AZURE: 'Azure Databricks',
  EXTERNAL: 'Elsewhere',
};

export interface ContentFiltersProps {
  cop: ContentFilters_CopFragment;
  filter: ContentFilter;
  onChange(filter: ContentFilter): void;
}

/** Filters of the library: type, tag, author, platform, and a search on title, description or tag. */
export const ContentFilters: Component<ContentFiltersProps> = (props) => {
  const options = () => filterOptions(props.cop.contentAssets.nodes);
  const choose = (name: keyof ContentFilter) => (event: { currentTarget: { value: string } }) =>
    props.onChange(withChoice(props.filter, name, event.currentTarget.value));

  return (
    <form
      class="content-filters"
      aria-label="Filter content"
      onSubmit={(event) => {
        event.preventDefault();
        const input = event.currentTarget.elements.namedItem('search') as HTMLInputElement;
        props.onChange(withChoice(props.filter, 'search', input.value));
      }}
    >
      <div class="field">
        <label for="content-search">Search</label>
        <input id="content-search" name="search" type="search" placeholder="Title, description or tag" />
      </div>
      <div class="field">
        <label for="content-type">Type</label>
        <select id="content-type" value={props.filter.assetType ?? ''} onChange={choose('assetType')}>
          <option value="">All types</option>
          <For each={Object.entries(ASSET_TYPES) as [AssetType, { label: string }][]}>
            {([value, { label }]) => <option value={value}>{label}</option>}
          </For>
        </select>
      </div>
      <div class="field">
        <label for="content-tag">Tag</label>
        <select id="content-tag" value={props.filter.tag ?? ''} onChange={choose('tag')}>
          <option value="">All tags</option>
          <For each={options().tags}>{(tag) => <option value={tag}>{tag}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="content-author">Author</label>
        <select id="content-author" value={props.filter.authorId ?? ''} onChange={choose('authorId')}>
          <option value="">Anyone</option>
          <For each={options().authors}>{(author) => <option value={author.id}>{author.name}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="content-platform">Platform</label>
        <select id="content-platform" value={props.filter.platform ?? ''} onChange={choose('platform')}>
          <option value="">Any platform</option>
          <For each={Object.entries(PLATFORMS)}>{([value, label]) => <option value={value}>{label}</option>}</For>
        </select>
      </div>
      <button type="submit" class="button button--secondary">
        Search
      </button>
    </form>
  );
};

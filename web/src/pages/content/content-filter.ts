import type { AssetType, ContentPlatform } from '../../gql/graphql';

/** The library's filters, as the api's `contentAssets` arguments (unset = no filter). */
export interface ContentFilter {
  assetType?: AssetType;
  tag?: string;
  authorId?: string;
  platform?: ContentPlatform;
  search?: string;
}

/** The choices the filters offer, from the CoP's assets: every tag and every author, sorted. */
export function filterOptions(
  assets: readonly { tags: readonly string[]; createdBy?: { id: string; name: string } | null }[],
) {
  const tags = [...new Set(assets.flatMap((asset) => asset.tags))].sort();
  const authors = new Map(
    assets.flatMap((asset) => (asset.createdBy ? [[asset.createdBy.id, asset.createdBy.name]] : [])),
  );
  return {
    tags,
    authors: [...authors].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The filter with one choice changed; an empty value removes that filter. */
export function withChoice<K extends keyof ContentFilter>(
  filter: ContentFilter,
  name: K,
  value: string,
): ContentFilter {
  const next = { ...filter };
  if (value.trim() === '') delete next[name];
  else next[name] = value.trim() as ContentFilter[K];
  return next;
}

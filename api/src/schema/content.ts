import { z } from 'zod';
import { EDITOR_ROLES } from '../auth/viewer.js';
import type { AssetType } from '../generated/prisma/enums.js';
import { recordContentView } from '../kpis/activity.js';
import { builder } from './builder.js';
import { Cop } from './cop.js';
import { AssetTypeEnum, SkillLevelEnum } from './enums.js';
import { type InputFields, withoutNulls } from './input.js';
import { ownedCopId, ownedDeleteMutation, ownedNode, updateOwned } from './ownership.js';
import { User } from './user.js';

/** Workspace hosts the web app's CSP allows in frames: `*.cloud.databricks.com` (AWS) and `*.azuredatabricks.net`. */
const PLATFORM_HOST_SUFFIXES = { DATABRICKS_AWS: '.cloud.databricks.com', DATABRICKS_AZURE: '.azuredatabricks.net' };
const DATABRICKS_HOST_SUFFIXES = Object.values(PLATFORM_HOST_SUFFIXES);
type ContentPlatform = keyof typeof PLATFORM_HOST_SUFFIXES | 'EXTERNAL';
const DEEP_LINK_TYPES: readonly AssetType[] = ['NOTEBOOK', 'REPO', 'CATALOG'];

/** Whether `url` is an https URL on a Databricks workspace host (a subdomain of one of the suffixes). */
export function isDatabricksWorkspaceUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' && DATABRICKS_HOST_SUFFIXES.some((suffix) => hostname.endsWith(suffix));
}

/** Where an asset lives: a Databricks workspace on AWS or Azure, or anywhere else. */
export function contentPlatform(url: string): ContentPlatform {
  if (!isDatabricksWorkspaceUrl(url)) return 'EXTERNAL';
  const { hostname } = new URL(url);
  return hostname.endsWith(PLATFORM_HOST_SUFFIXES.DATABRICKS_AWS) ? 'DATABRICKS_AWS' : 'DATABRICKS_AZURE';
}

/**
 * The `where` of assets on a platform, from the URL's text (SQL has no URL parser, and Prisma no regex): an https
 * URL with the host suffix followed by `/` or ending it. It agrees with `contentPlatform` except for a URL that
 * merely carries a workspace host in its path, which the filter counts as on Databricks.
 */
function onPlatform(platform: ContentPlatform) {
  const onHost = (suffix: string) => ({
    AND: [
      { url: { startsWith: 'https://' } },
      { OR: [{ url: { contains: `${suffix}/` } }, { url: { endsWith: suffix } }] },
    ],
  });
  if (platform !== 'EXTERNAL') return onHost(PLATFORM_HOST_SUFFIXES[platform]);
  return { NOT: { OR: DATABRICKS_HOST_SUFFIXES.map(onHost) } };
}

const ContentPlatformEnum = builder.enumType('ContentPlatform', {
  description: 'Where an asset lives: a Databricks workspace on AWS or Azure, or elsewhere (docs, videos, …).',
  values: ['DATABRICKS_AWS', 'DATABRICKS_AZURE', 'EXTERNAL'] as const,
});

/** A DBSQL dashboard on a workspace host can be shown in an iframe; anything else would be blocked by the CSP. */
export const isEmbeddable = (asset: { assetType: AssetType; url: string }) =>
  asset.assetType === 'DBSQL_DASHBOARD' && isDatabricksWorkspaceUrl(asset.url);

/** Notebooks, repos and catalog objects on a workspace host open in Databricks itself. */
export const databricksLink = (asset: { assetType: AssetType; url: string }) =>
  DEEP_LINK_TYPES.includes(asset.assetType) && isDatabricksWorkspaceUrl(asset.url) ? asset.url : null;

export const ContentAsset = builder.prismaNode('ContentAsset', {
  ...ownedNode('contentAsset'),
  fields: (t) => ({
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    url: t.exposeString('url'),
    assetType: t.expose('assetType', { type: AssetTypeEnum }),
    skillLevel: t.expose('skillLevel', { type: SkillLevelEnum }),
    personaTag: t.exposeString('personaTag', { nullable: true, description: 'Who it is for, e.g. "analyst".' }),
    tags: t.exposeStringList('tags'),
    views: t.exposeInt('views'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.relation('createdBy', { nullable: true }),
    cop: t.relation('cop'),
    embeddable: t.boolean({
      description: 'True for a DBSQL dashboard on a Databricks workspace host: the web app can embed it in an iframe.',
      select: { assetType: true, url: true },
      resolve: isEmbeddable,
    }),
    platform: t.field({
      type: ContentPlatformEnum,
      select: { url: true },
      resolve: (asset) => contentPlatform(asset.url),
    }),
    databricksLink: t.string({
      nullable: true,
      description: 'Deep link into the workspace for a notebook, repo or catalog object hosted on Databricks.',
      select: { assetType: true, url: true },
      resolve: databricksLink,
    }),
  }),
});

builder.prismaObjectField('Cop', 'contentAssets', (t) =>
  t.relatedConnection('contentAssets', {
    cursor: 'id',
    totalCount: true,
    description: 'Content assets, newest first.',
    args: {
      assetType: t.arg({ type: AssetTypeEnum, required: false }),
      skillLevel: t.arg({ type: SkillLevelEnum, required: false }),
      personaTag: t.arg.string({ required: false }),
      search: t.arg.string({ required: false, description: 'Case-insensitive match on title, description or a tag.' }),
      tag: t.arg.string({ required: false, description: 'Only assets with this tag (tags are lower-case).' }),
      authorId: t.arg.globalID({ for: User, required: false, description: 'Only assets this person shared.' }),
      platform: t.arg({
        type: ContentPlatformEnum,
        required: false,
        description: 'Only assets on this platform (told from the URL).',
      }),
    },
    query: ({ assetType, skillLevel, personaTag, search, tag, authorId, platform }) => ({
      where: {
        AND: [
          assetType ? { assetType } : {},
          tag ? { tags: { has: tag.trim().toLowerCase() } } : {},
          authorId ? { createdById: authorId.id } : {},
          platform ? onPlatform(platform) : {},
          skillLevel ? { skillLevel } : {},
          personaTag ? { personaTag: { equals: personaTag, mode: 'insensitive' as const } } : {},
          search
            ? {
                OR: [
                  { title: { contains: search, mode: 'insensitive' as const } },
                  { description: { contains: search, mode: 'insensitive' as const } },
                  { tags: { has: search.trim().toLowerCase() } },
                ],
              }
            : {},
        ],
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    }),
  }),
);

const assetTitle = z.string().trim().min(2, 'A title needs at least 2 characters.').max(200);
const assetUrl = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, message: 'Enter an http:// or https:// URL.' }));
// Tags are stored lower-case and without duplicates so that filtering by tag is exact.
const tags = z
  .array(z.string().trim().toLowerCase().min(1, 'A tag cannot be empty.').max(40))
  .max(20, 'At most 20 tags.')
  .transform((list) => [...new Set(list)]);

/** Fields that are optional both when creating and when updating an asset. */
const assetDetails = (t: InputFields) => ({
  description: t.string({ required: false, validate: z.string().max(4000) }),
  skillLevel: t.field({ type: SkillLevelEnum, required: false }),
  personaTag: t.string({ required: false, validate: z.string().trim().max(60) }),
  tags: t.stringList({ required: false, validate: tags }),
});

const CreateContentAssetInput = builder.inputType('CreateContentAssetInput', {
  fields: (t) => ({
    copId: t.globalID({ for: Cop }),
    title: t.string({ validate: assetTitle }),
    url: t.string({ validate: assetUrl }),
    assetType: t.field({ type: AssetTypeEnum }),
    ...assetDetails(t),
  }),
});

const UpdateContentAssetInput = builder.inputType('UpdateContentAssetInput', {
  fields: (t) => ({
    title: t.string({ required: false, validate: assetTitle }),
    url: t.string({ required: false, validate: assetUrl }),
    assetType: t.field({ type: AssetTypeEnum, required: false }),
    ...assetDetails(t),
  }),
});

builder.mutationFields((t) => ({
  createContentAsset: t.prismaField({
    type: 'ContentAsset',
    authScopes: { role: EDITOR_ROLES },
    args: { input: t.arg({ type: CreateContentAssetInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { copId, ...rest } = withoutNulls(input);
      return ctx.prisma.contentAsset.create({
        ...query,
        data: {
          ...rest,
          copId: await ownedCopId(ctx, copId.id),
          // Service tokens are not people: their assets have no author.
          createdById: ctx.viewer?.kind === 'user' ? ctx.viewer.id : null,
        },
      });
    },
  }),
  updateContentAsset: t.prismaField({
    type: 'ContentAsset',
    authScopes: { role: EDITOR_ROLES },
    args: { id: t.arg.globalID({ for: ContentAsset }), input: t.arg({ type: UpdateContentAssetInput }) },
    resolve: (query, _root, { id, input }, ctx) =>
      updateOwned(ctx, 'contentAsset', id.id, { ...query, data: withoutNulls(input) }),
  }),
  recordContentView: t.prismaField({
    type: 'ContentAsset',
    description:
      'Counts one view of the asset (any member of the tenant) and records the viewer’s activity (MAP); returns the asset.',
    authScopes: { authenticated: true },
    args: { id: t.arg.globalID({ for: ContentAsset }) },
    resolve: async (query, _root, { id }, ctx) => {
      // One atomic increment with the tenant filter in its where: concurrent views are never lost.
      const asset = await updateOwned(ctx, 'contentAsset', id.id, { ...query, data: { views: { increment: 1 } } });
      // Service tokens are not people: their views count, but make nobody active.
      if (ctx.viewer?.kind === 'user') await recordContentView(ctx.prisma, id.id, ctx.viewer.id);
      return asset;
    },
  }),
}));

ownedDeleteMutation('deleteContentAsset', {
  node: ContentAsset,
  model: 'contentAsset',
  roles: EDITOR_ROLES,
  description: 'Deletes the asset; returns its id.',
});

import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databricksLink, isDatabricksWorkspaceUrl, isEmbeddable } from '../src/schema/content.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let editorToken: string;
let memberToken: string;
let outsiderToken: string;

const DASHBOARD_URL = 'https://dbc-1a2b3c4d-5e6f.cloud.databricks.com/sql/dashboardsv3/01ef';
const CREATE = `mutation($input: CreateContentAssetInput!) {
  createContentAsset(input: $input) { id title url assetType skillLevel tags views embeddable databricksLink createdBy { id } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateContentAssetInput!) { updateContentAsset(id: $id, input: $input) { id title } }`;
const DELETE = `mutation($id: ID!) { deleteContentAsset(id: $id) }`;
const VIEW = `mutation($id: ID!) { recordContentView(id: $id) { views } }`;

beforeAll(async () => {
  tenant = await createTenant(api.prisma);
  editorToken = await api.tokenFor(tenant.users.DATA_ENGINEER.id);
  memberToken = await api.tokenFor(tenant.users.MEMBER.id);
  const outsider = await createTenant(api.prisma, 'Outsider');
  outsiderToken = await api.tokenFor(outsider.users.CUSTOMER_ADMIN.id);
});
afterAll(() => api.close());

async function insertAsset(copId: string, title: string, extra: Partial<{ tags: string[]; personaTag: string }> = {}) {
  const row = await api.prisma.contentAsset.create({
    data: {
      copId,
      title,
      url: 'https://example.com/doc',
      assetType: 'DOC',
      createdById: tenant.users.ANALYST.id,
      ...extra,
    },
  });
  return encodeGlobalID('ContentAsset', row.id);
}

describe('Databricks links', () => {
  it('recognizes https workspace hosts on AWS and Azure only', () => {
    expect(isDatabricksWorkspaceUrl(DASHBOARD_URL)).toBe(true);
    expect(isDatabricksWorkspaceUrl('https://adb-1234567890123456.7.azuredatabricks.net/?o=1#notebook/42')).toBe(true);
    expect(isDatabricksWorkspaceUrl('http://dbc-1.cloud.databricks.com/')).toBe(false);
    expect(isDatabricksWorkspaceUrl('https://dbc-1.cloud.databricks.com.evil.example/')).toBe(false);
    expect(isDatabricksWorkspaceUrl('https://evilazuredatabricks.net/')).toBe(false);
    expect(isDatabricksWorkspaceUrl('https://dbc-1.cloud.databricks.com@evil.example/')).toBe(false);
    expect(isDatabricksWorkspaceUrl('not a url')).toBe(false);
  });

  it('embeds only dashboards and deep-links only notebooks, repos and catalog objects', () => {
    expect(isEmbeddable({ assetType: 'DBSQL_DASHBOARD', url: DASHBOARD_URL })).toBe(true);
    expect(isEmbeddable({ assetType: 'NOTEBOOK', url: DASHBOARD_URL })).toBe(false);
    expect(isEmbeddable({ assetType: 'DBSQL_DASHBOARD', url: 'https://lookerstudio.google.com/x' })).toBe(false);
    expect(databricksLink({ assetType: 'REPO', url: DASHBOARD_URL })).toBe(DASHBOARD_URL);
    expect(databricksLink({ assetType: 'DBSQL_DASHBOARD', url: DASHBOARD_URL })).toBeNull();
    expect(databricksLink({ assetType: 'CATALOG', url: 'https://github.com/org/repo' })).toBeNull();
  });
});

describe('content mutations', () => {
  it('lets an editor publish, update and delete an asset, crediting them as its author', async () => {
    const created = await api.graphql(
      CREATE,
      {
        input: {
          copId: tenant.ids.cop,
          title: 'Adoption dashboard',
          url: DASHBOARD_URL,
          assetType: 'DBSQL_DASHBOARD',
          tags: ['Adoption', ' adoption ', 'DBSQL'],
        },
      },
      editorToken,
    );
    const asset = created.data?.createContentAsset;
    expect(asset).toMatchObject({
      title: 'Adoption dashboard',
      skillLevel: 'BEGINNER',
      tags: ['adoption', 'dbsql'],
      views: 0,
      embeddable: true,
      databricksLink: null,
      createdBy: { id: encodeGlobalID('User', tenant.users.DATA_ENGINEER.id) },
    });

    const updated = await api.graphql(
      UPDATE,
      { id: asset.id, input: { title: 'Adoption (DBU) dashboard' } },
      editorToken,
    );
    expect(updated.data?.updateContentAsset).toEqual({ id: asset.id, title: 'Adoption (DBU) dashboard' });

    const deleted = await api.graphql(DELETE, { id: asset.id }, editorToken);
    expect(deleted.data?.deleteContentAsset).toBe(asset.id);
    expect(
      await api.prisma.contentAsset.count({ where: { copId: tenant.cop.id, title: { startsWith: 'Adoption' } } }),
    ).toBe(0);
  });

  it.each(['javascript:alert(1)', 'ftp://files.example.com/a.pdf', 'not a url'])(
    'rejects the URL %s with BAD_USER_INPUT and writes nothing',
    async (url) => {
      const before = await api.prisma.contentAsset.count({ where: { copId: tenant.cop.id } });
      const result = await api.graphql(
        CREATE,
        { input: { copId: tenant.ids.cop, title: 'Bad link', url, assetType: 'DOC' } },
        editorToken,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.url'] });
      expect(await api.prisma.contentAsset.count({ where: { copId: tenant.cop.id } })).toBe(before);
    },
  );

  it('rejects an update to a non-http URL and keeps the stored one', async () => {
    const id = await insertAsset(tenant.cop.id, 'Unity Catalog primer');
    const result = await api.graphql(UPDATE, { id, input: { url: 'file:///etc/passwd' } }, editorToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      await api.prisma.contentAsset.findFirst({ where: { copId: tenant.cop.id, title: 'Unity Catalog primer' } }),
    ).toMatchObject({
      url: 'https://example.com/doc',
    });
  });

  it('does not let a member publish content', async () => {
    const result = await api.graphql(
      CREATE,
      { input: { copId: tenant.ids.cop, title: 'Member post', url: 'https://example.com', assetType: 'DOC' } },
      memberToken,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('counts every view from a member, even concurrent ones', async () => {
    const id = await insertAsset(tenant.cop.id, 'Popular notebook');
    await Promise.all(Array.from({ length: 5 }, () => api.graphql(VIEW, { id }, memberToken)));
    const last = await api.graphql(VIEW, { id }, memberToken);
    expect(last.data?.recordContentView.views).toBe(6);
  });

  it('answers NOT_FOUND for a view of an asset that does not exist', async () => {
    const result = await api.graphql(VIEW, { id: encodeGlobalID('ContentAsset', crypto.randomUUID()) }, memberToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('Cop.contentAssets', () => {
  const query = `query($id: ID!, $assetType: AssetType, $personaTag: String, $search: String) {
    cop(id: $id) { contentAssets(assetType: $assetType, personaTag: $personaTag, search: $search) {
      totalCount nodes { title }
    } }
  }`;
  const titles = (result: { data?: any }) =>
    result.data?.cop.contentAssets.nodes.map((n: { title: string }) => n.title);

  it('filters by type, persona and a search on title, description or tag', async () => {
    await insertAsset(tenant.cop.id, 'Lakehouse for analysts', { personaTag: 'analyst', tags: ['sql'] });
    await insertAsset(tenant.cop.id, 'Streaming deep dive', { personaTag: 'engineer', tags: ['streaming'] });
    await api.prisma.contentAsset.create({
      data: { copId: tenant.cop.id, title: 'Jobs notebook', url: DASHBOARD_URL, assetType: 'NOTEBOOK' },
    });

    const byPersona = await api.graphql(query, { id: tenant.ids.cop, personaTag: 'Analyst' }, memberToken);
    expect(titles(byPersona)).toEqual(['Lakehouse for analysts']);
    const byTag = await api.graphql(query, { id: tenant.ids.cop, search: 'STREAMING' }, memberToken);
    expect(titles(byTag)).toEqual(['Streaming deep dive']);
    const byType = await api.graphql(query, { id: tenant.ids.cop, assetType: 'NOTEBOOK' }, memberToken);
    expect(byType.data?.cop.contentAssets).toEqual({ totalCount: 1, nodes: [{ title: 'Jobs notebook' }] });
  });

  it('filters by tag, author and platform (AWS, Azure or elsewhere), each combinable with a search', async () => {
    const cop = await api.prisma.cop.create({
      data: { customerId: tenant.customer.id, name: `Filters ${Date.now()}`, startDate: new Date('2026-01-01') },
    });
    const copId = encodeGlobalID('Cop', cop.id);
    const asset = (title: string, url: string, createdById: string, tags: string[]) =>
      api.prisma.contentAsset.create({ data: { copId: cop.id, title, url, assetType: 'DOC', createdById, tags } });
    await asset('AWS dashboard', DASHBOARD_URL, tenant.users.ANALYST.id, ['sql', 'finops']);
    await asset('Azure notebook', 'https://adb-1.2.azuredatabricks.net/#notebook/1', tenant.users.DATA_ENGINEER.id, [
      'sql',
    ]);
    await asset('Vendor guide', 'https://docs.example.com/lakehouse', tenant.users.ANALYST.id, ['finops']);
    const filtered = `query($id: ID!, $tag: String, $authorId: ID, $platform: ContentPlatform, $search: String) {
      cop(id: $id) { contentAssets(tag: $tag, authorId: $authorId, platform: $platform, search: $search) {
        nodes { title platform }
      } }
    }`;
    const titlesFor = async (filter: Record<string, string>) =>
      titles(await api.graphql(filtered, { id: copId, ...filter }, memberToken)).sort();
    expect(await titlesFor({ tag: 'FinOps' })).toEqual(['AWS dashboard', 'Vendor guide']);
    expect(await titlesFor({ authorId: encodeGlobalID('User', tenant.users.DATA_ENGINEER.id) })).toEqual([
      'Azure notebook',
    ]);
    expect(await titlesFor({ platform: 'DATABRICKS_AWS' })).toEqual(['AWS dashboard']);
    expect(await titlesFor({ platform: 'DATABRICKS_AZURE' })).toEqual(['Azure notebook']);
    expect(await titlesFor({ platform: 'EXTERNAL' })).toEqual(['Vendor guide']);
    expect(await titlesFor({ tag: 'sql', search: 'notebook' })).toEqual(['Azure notebook']);
    const platforms = await api.graphql(filtered, { id: copId }, memberToken);
    expect(platforms.data?.cop.contentAssets.nodes.map((n: { platform: string }) => n.platform).sort()).toEqual([
      'DATABRICKS_AWS',
      'DATABRICKS_AZURE',
      'EXTERNAL',
    ]);
  });

  it('loads assets with their authors in a constant number of SQL statements', async () => {
    const cop = await api.prisma.cop.create({
      data: { customerId: tenant.customer.id, name: `Statements CoP ${crypto.randomUUID()}`, startDate: new Date() },
    });
    const copId = encodeGlobalID('Cop', cop.id);
    const nested = `query($id: ID!) {
      cop(id: $id) { contentAssets { nodes { title embeddable createdBy { name } cop { name } } } }
    }`;
    const statementsFor = async () => {
      api.counter.statements = 0;
      const result = await api.graphql(nested, { id: copId }, editorToken);
      expect(result.errors).toBeUndefined();
      return api.counter.statements;
    };
    await insertAsset(cop.id, 'First asset');
    const one = await statementsFor();
    for (const n of [2, 3, 4, 5]) await insertAsset(cop.id, `Asset ${n}`);
    expect(await statementsFor()).toBe(one);
  });
});

describe('content tenancy', () => {
  it('hides assets from another tenant and refuses their changes and views', async () => {
    const id = await insertAsset(tenant.cop.id, 'Internal architecture notes');
    const node = await api.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id }, outsiderToken);
    expect(node.data?.node).toBeNull();

    for (const [mutation, variables] of [
      [UPDATE, { id, input: { title: 'Hijacked' } }],
      [DELETE, { id }],
      [VIEW, { id }],
    ] as const) {
      const result = await api.graphql(mutation, variables, outsiderToken);
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const create = await api.graphql(
      CREATE,
      { input: { copId: tenant.ids.cop, title: 'Planted', url: 'https://example.com', assetType: 'DOC' } },
      outsiderToken,
    );
    expect(create.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      await api.prisma.contentAsset.findFirst({
        where: { copId: tenant.cop.id, title: 'Internal architecture notes' },
      }),
    ).toMatchObject({
      views: 0,
    });
    expect(
      await api.prisma.contentAsset.count({ where: { copId: tenant.cop.id, title: { in: ['Hijacked', 'Planted'] } } }),
    ).toBe(0);
  });
});

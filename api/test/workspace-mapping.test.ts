import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformAdmin, createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
type Tenant = Awaited<ReturnType<typeof createTenant>>;
let tenant: Tenant;
let other: Tenant;
let adminToken: string;
let otherAdminToken: string;
let integrationId: string;
let otherIntegrationId: string;

const MAPPING_FIELDS = `id workspaceUrl workspaceName workspaceId defaultCatalog defaultSchema isActive createdAt
  integration { id } cop { id name }`;
const CREATE = `mutation($input: CreateWorkspaceMappingInput!) {
  createWorkspaceMapping(input: $input) { ${MAPPING_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateWorkspaceMappingInput!) {
  updateWorkspaceMapping(id: $id, input: $input) { ${MAPPING_FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteWorkspaceMapping(id: $id) }';
const NODE = `query($id: ID!) { node(id: $id) { ... on WorkspaceMapping { ${MAPPING_FIELDS} } } }`;

/** A Databricks integration row for the tenant (its settings do not matter to mappings). */
async function integrationFor(customer: Tenant['customer']): Promise<string> {
  const row = await api.prisma.integration.create({
    data: { customerId: customer.id, type: 'DATABRICKS', displayName: 'Workspace', config: { authType: 'PAT' } },
  });
  return encodeGlobalID('Integration', row.id);
}

let sequence = 0;
const mappingInput = (overrides: Record<string, unknown> = {}) => ({
  integrationId,
  copId: tenant.ids.cop,
  workspaceUrl: 'https://adb-1444828305810485.5.azuredatabricks.net/',
  workspaceName: `Analytics ${++sequence}`,
  // One workspace per mapping: the same workspace and CoP twice is a CONFLICT (one mapping per integration).
  workspaceId: String(1444828305810484 + sequence),
  defaultCatalog: 'copos_main',
  ...overrides,
});

async function createMapping(overrides: Record<string, unknown> = {}) {
  const result = await api.graphql(CREATE, { input: mappingInput(overrides) }, adminToken);
  expect(result.errors).toBeUndefined();
  return result.data?.createWorkspaceMapping;
}

const mappingCount = () =>
  api.prisma.workspaceMapping.count({ where: { integration: { customerId: tenant.customer.id } } });

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTenant(api.prisma), createTenant(api.prisma, 'Other')]);
  [adminToken, otherAdminToken, integrationId, otherIntegrationId] = await Promise.all([
    api.tokenFor(tenant.users.CUSTOMER_ADMIN.id),
    api.tokenFor(other.users.CUSTOMER_ADMIN.id),
    integrationFor(tenant.customer),
    integrationFor(other.customer),
  ]);
});
afterAll(() => api.close());

describe('createWorkspaceMapping', () => {
  it('maps a workspace of an integration to a CoP', async () => {
    const mapping = await createMapping();
    expect(mapping).toMatchObject({
      workspaceUrl: 'https://adb-1444828305810485.5.azuredatabricks.net',
      workspaceId: '1444828305810485',
      defaultCatalog: 'copos_main',
      defaultSchema: null,
      isActive: true,
      integration: { id: integrationId },
      cop: { id: tenant.ids.cop, name: tenant.cop.name },
    });
    const throughParents = await api.graphql(
      `query($cop: ID!, $integration: ID!) {
        cop(id: $cop) { workspaceMappings { nodes { id } } }
        node(id: $integration) { ... on Integration { workspaceMappings { nodes { id } } } } }`,
      { cop: tenant.ids.cop, integration: integrationId },
      adminToken,
    );
    expect(throughParents.data?.cop.workspaceMappings.nodes).toContainEqual({ id: mapping.id });
    expect(throughParents.data?.node.workspaceMappings.nodes).toContainEqual({ id: mapping.id });
  });

  it('maps a workspace to no CoP when copId is omitted', async () => {
    const mapping = await createMapping({ copId: undefined });
    expect(mapping.cop).toBeNull();
  });

  it.each([
    ['a plain-HTTP URL', { workspaceUrl: 'http://adb-1.azuredatabricks.net' }, 'input.workspaceUrl'],
    ['a non-numeric workspace id', { workspaceId: 'abc' }, 'input.workspaceId'],
    ['a one-letter name', { workspaceName: 'x' }, 'input.workspaceName'],
    ['a catalog name with spaces', { defaultCatalog: 'my catalog' }, 'input.defaultCatalog'],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, overrides, field) => {
    const before = await mappingCount();
    const result = await api.graphql(CREATE, { input: mappingInput(overrides) }, adminToken);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [field] });
    expect(await mappingCount()).toBe(before);
  });

  it('refuses a CoP of another customer than the integration, even for the platform admin', async () => {
    const platformToken = await api.tokenFor((await createPlatformAdmin(api.prisma)).id);
    const before = await mappingCount();
    const result = await api.graphql(CREATE, { input: mappingInput({ copId: other.ids.cop }) }, platformToken);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['copId'] });
    expect(await mappingCount()).toBe(before);
  });
});

describe('updateWorkspaceMapping', () => {
  it('changes the given fields, keeps the omitted ones and unmaps the CoP on null', async () => {
    const mapping = await createMapping({ defaultSchema: 'gold' });
    const result = await api.graphql(
      UPDATE,
      { id: mapping.id, input: { workspaceName: 'Renamed', copId: null, defaultCatalog: null, isActive: false } },
      adminToken,
    );
    expect(result.data?.updateWorkspaceMapping).toMatchObject({
      workspaceName: 'Renamed',
      workspaceUrl: mapping.workspaceUrl,
      defaultCatalog: null,
      defaultSchema: 'gold',
      isActive: false,
      cop: null,
    });
  });

  it('rejects a plain-HTTP URL with BAD_USER_INPUT and changes nothing', async () => {
    const mapping = await createMapping();
    const result = await api.graphql(
      UPDATE,
      { id: mapping.id, input: { workspaceUrl: 'http://plain.example.com' } },
      adminToken,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const row = await api.prisma.workspaceMapping.findUniqueOrThrow({ where: { id: decodeGlobalID(mapping.id).id } });
    expect(row.workspaceUrl).toBe(mapping.workspaceUrl);
  });
});

describe('deleteWorkspaceMapping', () => {
  it('deletes the mapping and answers NOT_FOUND the second time', async () => {
    const mapping = await createMapping();
    const first = await api.graphql(DELETE, { id: mapping.id }, adminToken);
    expect(first.data?.deleteWorkspaceMapping).toBe(mapping.id);
    const second = await api.graphql(DELETE, { id: mapping.id }, adminToken);
    expect(second.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('tenancy and roles', () => {
  it('hides mappings from another tenant’s admin and refuses their writes', async () => {
    const mapping = await createMapping();
    const node = await api.graphql(NODE, { id: mapping.id }, otherAdminToken);
    expect(node.data?.node).toBeNull();
    const update = await api.graphql(UPDATE, { id: mapping.id, input: { workspaceName: 'Hijacked' } }, otherAdminToken);
    const remove = await api.graphql(DELETE, { id: mapping.id }, otherAdminToken);
    const onOurIntegration = await api.graphql(
      CREATE,
      { input: mappingInput({ copId: other.ids.cop }) },
      otherAdminToken,
    );
    const ourCopOnTheirs = await api.graphql(
      CREATE,
      { input: mappingInput({ integrationId: otherIntegrationId }) },
      otherAdminToken,
    );
    for (const result of [update, remove, onOurIntegration, ourCopOnTheirs]) {
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const row = await api.prisma.workspaceMapping.findUniqueOrThrow({ where: { id: decodeGlobalID(mapping.id).id } });
    expect(row.workspaceName).toBe(mapping.workspaceName);
  });

  it('gives non-admin roles FORBIDDEN on Cop.workspaceMappings but still the CoP', async () => {
    const token = await api.tokenFor(tenant.users.DATA_ENGINEER.id);
    const result = await api.graphql(
      'query($id: ID!) { cop(id: $id) { name workspaceMappings { totalCount } } }',
      { id: tenant.ids.cop },
      token,
    );
    expect(result.data?.cop).toEqual({ name: tenant.cop.name, workspaceMappings: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const create = await api.graphql(CREATE, { input: mappingInput() }, token);
    expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('statement count', () => {
  it('reads integrations with their mappings and CoPs in the same number of statements for 1 or 4', async () => {
    const customer = await createTenant(api.prisma, 'Counted');
    const token = await api.tokenFor(customer.users.CUSTOMER_ADMIN.id);
    // Authenticated once beforehand: only the first request of a viewer costs a statement for authentication.
    await api.graphql('{ viewer { kind } }', {}, token);
    const query = `query($id: ID!) { customer(id: $id) { integrations { nodes {
      displayName secrets { isSet } workspaceMappings { nodes { workspaceName cop { name } } } } } } }`;
    const countStatements = async () => {
      api.counter.statements = 0;
      const result = await api.graphql(query, { id: customer.ids.customer }, token);
      expect(result.errors).toBeUndefined();
      return api.counter.statements;
    };
    const addIntegration = async () => {
      const row = await api.prisma.integration.create({
        data: { customerId: customer.customer.id, type: 'DATABRICKS', displayName: 'Counted', config: {} },
      });
      await api.prisma.workspaceMapping.create({
        data: {
          integrationId: row.id,
          copId: customer.cop.id,
          workspaceUrl: 'https://a.net',
          workspaceName: 'A',
          workspaceId: '1',
        },
      });
    };
    await addIntegration();
    const one = await countStatements();
    await Promise.all([addIntegration(), addIntegration(), addIntegration()]);
    expect(await countStatements()).toBe(one);
  });
});

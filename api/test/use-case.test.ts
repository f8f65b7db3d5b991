import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let editorToken: string;
let outsiderToken: string;

const CREATE = `mutation($input: CreateUseCaseInput!) {
  createUseCase(input: $input) { id title problem status platform valueEstimate cop { id } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateUseCaseInput!) { updateUseCase(id: $id, input: $input) { id status } }`;
const DELETE = `mutation($id: ID!) { deleteUseCase(id: $id) }`;

beforeAll(async () => {
  tenant = await createTenant(api.prisma);
  editorToken = await api.tokenFor(tenant.users.ANALYST.id);
  const outsider = await createTenant(api.prisma, 'Outsider');
  outsiderToken = await api.tokenFor(outsider.users.CUSTOMER_ADMIN.id);
});
afterAll(() => api.close());

const useCaseCount = () => api.prisma.useCase.count({ where: { copId: tenant.cop.id } });

async function insertUseCase(title: string, status: 'IDEA' | 'IN_PRODUCTION' = 'IDEA') {
  const row = await api.prisma.useCase.create({
    data: { copId: tenant.cop.id, title, problem: 'Slow reports', status },
  });
  return encodeGlobalID('UseCase', row.id);
}

describe('use case mutations', () => {
  it('lets an editor create, advance and delete a use case', async () => {
    const created = await api.graphql(
      CREATE,
      {
        input: {
          copId: tenant.ids.cop,
          title: 'Claims fraud scoring',
          problem: 'Fraud is found weeks late.',
          platform: 'Model Serving',
          valueEstimate: 250000,
        },
      },
      editorToken,
    );
    const useCase = created.data?.createUseCase;
    expect(useCase).toMatchObject({
      title: 'Claims fraud scoring',
      status: 'IDEA',
      platform: 'Model Serving',
      valueEstimate: 250000,
      cop: { id: tenant.ids.cop },
    });

    const updated = await api.graphql(UPDATE, { id: useCase.id, input: { status: 'IN_PRODUCTION' } }, editorToken);
    expect(updated.data?.updateUseCase).toEqual({ id: useCase.id, status: 'IN_PRODUCTION' });

    const deleted = await api.graphql(DELETE, { id: useCase.id }, editorToken);
    expect(deleted.data?.deleteUseCase).toBe(useCase.id);
    expect(await api.prisma.useCase.count({ where: { copId: tenant.cop.id, title: 'Claims fraud scoring' } })).toBe(0);
  });

  it('rejects a negative value estimate with BAD_USER_INPUT and writes nothing', async () => {
    const before = await useCaseCount();
    const result = await api.graphql(
      CREATE,
      { input: { copId: tenant.ids.cop, title: 'Churn model', problem: 'Customers leave', valueEstimate: -5 } },
      editorToken,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.valueEstimate'] });
    expect(await useCaseCount()).toBe(before);
  });

  it('rejects a one-letter title on update and keeps the stored one', async () => {
    const id = await insertUseCase('Supply chain forecast');
    const result = await api.graphql(UPDATE, { id, input: { title: 'X' } }, editorToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await api.prisma.useCase.count({ where: { copId: tenant.cop.id, title: 'Supply chain forecast' } })).toBe(1);
  });

  it('does not let a member delete a use case', async () => {
    const id = await insertUseCase('Member-proof use case');
    const result = await api.graphql(DELETE, { id }, await api.tokenFor(tenant.users.MEMBER.id));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await api.prisma.useCase.count({ where: { copId: tenant.cop.id, title: 'Member-proof use case' } })).toBe(1);
  });
});

describe('Cop.useCases', () => {
  it('filters by status', async () => {
    await insertUseCase('Live pricing engine', 'IN_PRODUCTION');
    await insertUseCase('GenAI support bot');
    const result = await api.graphql(
      `query($id: ID!) { cop(id: $id) { useCases(status: IN_PRODUCTION) { totalCount nodes { title status } } } }`,
      { id: tenant.ids.cop },
      editorToken,
    );
    const nodes = result.data?.cop.useCases.nodes;
    expect(nodes.map((node: { title: string }) => node.title)).toContain('Live pricing engine');
    expect(nodes.every((node: { status: string }) => node.status === 'IN_PRODUCTION')).toBe(true);
    expect(result.data?.cop.useCases.totalCount).toBe(nodes.length);
  });
});

describe('use case tenancy', () => {
  it('hides use cases from another tenant and refuses their changes', async () => {
    const id = await insertUseCase('Confidential merger analytics');
    const node = await api.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id }, outsiderToken);
    expect(node.data?.node).toBeNull();
    const update = await api.graphql(UPDATE, { id, input: { status: 'ON_HOLD' } }, outsiderToken);
    expect(update.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const remove = await api.graphql(DELETE, { id }, outsiderToken);
    expect(remove.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const create = await api.graphql(
      CREATE,
      { input: { copId: tenant.ids.cop, title: 'Planted use case', problem: 'None' } },
      outsiderToken,
    );
    expect(create.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      await api.prisma.useCase.findFirst({ where: { copId: tenant.cop.id, title: 'Confidential merger analytics' } }),
    ).toMatchObject({ status: 'IDEA' });
    expect(await api.prisma.useCase.count({ where: { copId: tenant.cop.id, title: 'Planted use case' } })).toBe(0);
  });
});

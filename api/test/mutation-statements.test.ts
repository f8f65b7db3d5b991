import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let token: string;

beforeAll(async () => {
  tenant = await createTenant(api.prisma);
  token = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
  await api.graphql('{ viewer { kind } }', {}, token); // the viewer is cached from here on
});
afterAll(() => api.close());

// A simple mutation with the viewer known: the tenant-checked UPDATE and the audit INSERT, nothing else.
describe('SQL statements of a simple mutation, its audit row included', () => {
  it.each([
    [
      'updateCop',
      'mutation($id: ID!) { updateCop(id: $id, input: { description: "x" }) { id } }',
      () => encodeGlobalID('Cop', tenant.cop.id),
    ],
    [
      'updateCustomer',
      'mutation($id: ID!) { updateCustomer(id: $id, input: { industry: "Pets" }) { id } }',
      () => encodeGlobalID('Customer', tenant.customer.id),
    ],
  ])('%s costs 2 statements', async (_name, document, id) => {
    api.counter.statements = 0;
    const result = await api.graphql(document, { id: id() }, token);
    expect(result.errors).toBeUndefined();
    expect(api.counter.statements).toBe(2);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTenant } from './support/fixtures.js';
import { type Instance, startInstance } from './support/second-instance.js';

const VIEWER = '{ viewer { kind role } }';

let a: Instance;
let b: Instance;
beforeAll(async () => {
  [a, b] = await Promise.all([startInstance('viewers-a'), startInstance('viewers-b')]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe('authentication', () => {
  it('costs no SQL statement for a valid session once its viewer is known', async () => {
    const tenant = await createTenant(a.api.prisma, 'Viewer cache');
    const token = await a.api.tokenFor(tenant.users.ANALYST.id);
    expect((await a.api.graphql(VIEWER, {}, token)).data?.viewer).toEqual({ kind: 'user', role: 'ANALYST' });

    a.api.counter.statements = 0;
    for (let i = 0; i < 5; i++) expect((await a.api.graphql(VIEWER, {}, token)).data?.viewer.role).toBe('ANALYST');
    expect(a.api.counter.statements).toBe(0);
  });

  it('sees a role change and a deleted user on every instance once the change is announced', async () => {
    const tenant = await createTenant(a.api.prisma, 'Viewer change');
    const user = tenant.users.ANALYST;
    const token = await a.api.tokenFor(user.id);
    for (const instance of [a, b])
      expect((await instance.api.graphql(VIEWER, {}, token)).data?.viewer.role).toBe('ANALYST');

    await a.api.prisma.user.update({ where: { id: user.id }, data: { role: 'DATA_ENGINEER' } });
    a.api.deps.viewers.invalidate(user.id);
    expect((await a.api.graphql(VIEWER, {}, token)).data?.viewer.role).toBe('DATA_ENGINEER');
    // The other instance hears it through Redis.
    await vi.waitFor(async () =>
      expect((await b.api.graphql(VIEWER, {}, token)).data?.viewer.role).toBe('DATA_ENGINEER'),
    );

    await a.api.prisma.user.delete({ where: { id: user.id } });
    b.api.deps.viewers.invalidate(user.id);
    expect((await b.api.graphql(VIEWER, {}, token)).data?.viewer).toBeNull();
    await vi.waitFor(async () => expect((await a.api.graphql(VIEWER, {}, token)).data?.viewer).toBeNull());
  });
});

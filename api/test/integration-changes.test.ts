import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunPubSub } from '../src/runs/pubsub.js';
import { connectEmulator } from './support/databricks.js';
import { createTenant } from './support/fixtures.js';
import { waitFor } from './support/live-workspace.js';
import { TEST_REDIS_URL } from './support/second-instance.js';
import { createTestApi } from './support/test-api.js';

const WORKSPACE = '1444828305810485';
// Two instances of one deployment, sharing Redis under a prefix no other test run uses.
const env = { REDIS_URL: TEST_REDIS_URL, REDIS_CHANNEL_PREFIX: `copos-test-${randomUUID().slice(0, 8)}:` };
const [first, second] = [createTestApi(env), createTestApi(env)];
let tenant: Awaited<ReturnType<typeof createTenant>>;
let integrationId: string;
let admin: string;

beforeAll(async () => {
  tenant = await createTenant(first.prisma, 'Integration changes');
  admin = await first.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
  integrationId = (
    await connectEmulator(first.prisma, first.deps.secretBox, {
      customerId: tenant.customer.id,
      mappings: [{ workspaceId: WORKSPACE, copId: tenant.cop.id }],
    })
  ).id;
});
afterAll(() => Promise.all([first.close(), second.close()]));

const jobsOf = (instance: typeof first) =>
  instance.graphql(
    `query($id: ID!) { cop(id: $id) { workspaces { jobs { stale nodes { name } } } } }`,
    {
      id: tenant.ids.cop,
    },
    admin,
  );

describe('changing or deleting an integration', () => {
  it('stops every instance serving what it cached with the replaced token', async () => {
    for (const instance of [first, second]) {
      expect((await jobsOf(instance)).data?.cop.workspaces[0].jobs.nodes.length).toBeGreaterThan(0);
    }
    const revoked = await first.graphql(
      `mutation($id: ID!, $input: UpdateIntegrationInput!) { updateIntegration(id: $id, input: $input) { id } }`,
      { id: encodeGlobalID('Integration', integrationId), input: { secrets: { token: 'dapi-revoked-token' } } },
      admin,
    );
    expect(revoked.errors).toBeUndefined();
    // The editing instance forgets at once; the other one as soon as it hears of it (well within the 60 s TTL).
    expect((await jobsOf(first)).errors?.[0]?.extensions?.code).toBe('DATABRICKS_AUTH');
    await waitFor(async () => (await jobsOf(second)).errors?.[0]?.extensions?.code === 'DATABRICKS_AUTH', 3_000);
  });

  it('drops the cached reads of a deleted integration on every instance', async () => {
    const other = await createTenant(first.prisma, 'Deleted integration');
    const otherAdmin = await first.tokenFor(other.users.CUSTOMER_ADMIN.id);
    const { id } = await connectEmulator(first.prisma, first.deps.secretBox, {
      customerId: other.customer.id,
      mappings: [{ workspaceId: WORKSPACE, copId: other.cop.id }],
    });
    const read = `query($id: ID!) { cop(id: $id) { workspaces { clusters { stale } } } }`;
    await second.graphql(read, { id: other.ids.cop }, otherAdmin);
    expect(second.deps.databricksGateway.cache.lastKnown(`${id}|clusters`)).toBeDefined();
    const deleted = await first.graphql(
      `mutation($id: ID!) { deleteIntegration(id: $id) }`,
      { id: encodeGlobalID('Integration', id) },
      otherAdmin,
    );
    expect(deleted.errors).toBeUndefined();
    await waitFor(async () => second.deps.databricksGateway.cache.lastKnown(`${id}|clusters`) === undefined, 3_000);
  });
});

describe('Redis channels', () => {
  it('carry the deployment prefix, so deployments sharing a Redis never hear each other', async () => {
    const prefix = `copos-test-${randomUUID().slice(0, 8)}`;
    const ours = createRunPubSub({ redisUrl: TEST_REDIS_URL, channelPrefix: `${prefix}-a:` });
    const sameDeployment = createRunPubSub({ redisUrl: TEST_REDIS_URL, channelPrefix: `${prefix}-a:` });
    const otherDeployment = createRunPubSub({ redisUrl: TEST_REDIS_URL, channelPrefix: `${prefix}-b:` });
    const raw = new Redis(TEST_REDIS_URL);
    try {
      const onRaw: string[] = [];
      raw.on('message', (channel: string) => onRaw.push(channel));
      await raw.subscribe(`${prefix}-a:runs:poll`);
      const heard = { same: 0, other: 0 };
      const listen = async (pubsub: typeof ours, key: keyof typeof heard) => {
        for await (const _request of pubsub.subscribe('runs:poll')) heard[key]++;
      };
      void listen(sameDeployment, 'same');
      void listen(otherDeployment, 'other');
      await sleep(200); // the subscriptions reach Redis
      ours.publish('runs:poll', { reason: 'test' });
      await waitFor(async () => heard.same === 1 && onRaw.length === 1, 3_000);
      await sleep(200);
      expect(heard).toEqual({ same: 1, other: 0 });
      expect(onRaw).toEqual([`${prefix}-a:runs:poll`]);
    } finally {
      raw.disconnect();
      await Promise.all([ours.close(), sameDeployment.close(), otherDeployment.close()]);
    }
  });
});

import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let memberToken: string;
let analystToken: string;
let adminToken: string;
let outsiderToken: string;

const CREATE = `mutation($input: CreateDiscussionInput!) {
  createDiscussion(input: $input) { id title body author { id } replies { totalCount } }
}`;
const REPLY = `mutation($input: ReplyToDiscussionInput!) {
  replyToDiscussion(input: $input) { id body author { id } discussion { id } }
}`;
const DELETE = `mutation($id: ID!) { deleteDiscussion(id: $id) }`;

beforeAll(async () => {
  tenant = await createTenant(api.prisma);
  memberToken = await api.tokenFor(tenant.users.MEMBER.id);
  analystToken = await api.tokenFor(tenant.users.ANALYST.id);
  adminToken = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
  const outsider = await createTenant(api.prisma, 'Outsider');
  outsiderToken = await api.tokenFor(outsider.users.CUSTOMER_ADMIN.id);
});
afterAll(() => api.close());

const discussionCount = () => api.prisma.discussion.count({ where: { copId: tenant.cop.id } });

async function insertDiscussion(title: string, authorId = tenant.users.MEMBER.id, copId = tenant.cop.id) {
  const row = await api.prisma.discussion.create({ data: { copId, authorId, title, body: 'What do you think?' } });
  return { row, id: encodeGlobalID('Discussion', row.id) };
}

describe('posting', () => {
  it('lets a member start a discussion and another member reply, both as themselves', async () => {
    const created = await api.graphql(
      CREATE,
      { input: { copId: tenant.ids.cop, title: 'Photon or not?', body: 'Is Photon worth it for small jobs?' } },
      memberToken,
    );
    const discussion = created.data?.createDiscussion;
    expect(discussion).toMatchObject({
      title: 'Photon or not?',
      author: { id: encodeGlobalID('User', tenant.users.MEMBER.id) },
      replies: { totalCount: 0 },
    });

    const reply = await api.graphql(
      REPLY,
      { input: { discussionId: discussion.id, body: 'Yes for anything with joins.' } },
      analystToken,
    );
    expect(reply.data?.replyToDiscussion).toMatchObject({
      body: 'Yes for anything with joins.',
      author: { id: encodeGlobalID('User', tenant.users.ANALYST.id) },
      discussion: { id: discussion.id },
    });

    const thread = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Discussion { replies { totalCount nodes { body } } } } }`,
      { id: discussion.id },
      memberToken,
    );
    expect(thread.data?.node.replies).toEqual({ totalCount: 1, nodes: [{ body: 'Yes for anything with joins.' }] });
  });

  it('rejects an empty body with BAD_USER_INPUT and posts nothing', async () => {
    const before = await discussionCount();
    const result = await api.graphql(
      CREATE,
      { input: { copId: tenant.ids.cop, title: 'Blank', body: '   ' } },
      memberToken,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.body'] });
    expect(await discussionCount()).toBe(before);
  });

  it('rejects an empty reply with BAD_USER_INPUT and adds no reply', async () => {
    const { row, id } = await insertDiscussion('Quiet thread');
    const result = await api.graphql(REPLY, { input: { discussionId: id, body: '' } }, memberToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await api.prisma.discussionReply.count({ where: { discussionId: row.id } })).toBe(0);
  });

  it('requires a signed-in user', async () => {
    const result = await api.graphql(CREATE, { input: { copId: tenant.ids.cop, title: 'Anonymous', body: 'Hi' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('deleting a discussion', () => {
  it('lets its author delete it, replies included', async () => {
    const { row, id } = await insertDiscussion('Posted by mistake');
    await api.prisma.discussionReply.create({ data: { discussionId: row.id, body: 'Oops', authorId: null } });
    const result = await api.graphql(DELETE, { id }, memberToken);
    expect(result.data?.deleteDiscussion).toBe(id);
    expect(await api.prisma.discussionReply.count({ where: { discussionId: row.id } })).toBe(0);
  });

  it('refuses another member with FORBIDDEN and keeps the discussion', async () => {
    const { row, id } = await insertDiscussion('Not yours to delete');
    const result = await api.graphql(DELETE, { id }, analystToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await api.prisma.discussion.count({ where: { id: row.id } })).toBe(1);
  });

  it('lets an admin moderate any discussion of the tenant', async () => {
    const { row, id } = await insertDiscussion('Off-topic advertising');
    const result = await api.graphql(DELETE, { id }, adminToken);
    expect(result.data?.deleteDiscussion).toBe(id);
    expect(await api.prisma.discussion.count({ where: { id: row.id } })).toBe(0);
  });
});

describe('Cop.discussions', () => {
  it('reads threads with authors and replies in a constant number of SQL statements', async () => {
    const cop = await api.prisma.cop.create({
      data: { customerId: tenant.customer.id, name: `Forum CoP ${crypto.randomUUID()}`, startDate: new Date() },
    });
    const query = `query($id: ID!) {
      cop(id: $id) { discussions { totalCount nodes {
        title author { name } replies { totalCount nodes { body author { name } } }
      } } }
    }`;
    const statementsFor = async (expectedThreads: number) => {
      api.counter.statements = 0;
      const result = await api.graphql(query, { id: encodeGlobalID('Cop', cop.id) }, memberToken);
      expect(result.data?.cop.discussions.totalCount).toBe(expectedThreads);
      return api.counter.statements;
    };
    const addThread = async (n: number) => {
      const { row } = await insertDiscussion(`Thread ${n}`, tenant.users.MEMBER.id, cop.id);
      await api.prisma.discussionReply.createMany({
        data: [1, 2, 3].map((r) => ({ discussionId: row.id, body: `Reply ${r}`, authorId: tenant.users.ANALYST.id })),
      });
    };
    await addThread(1);
    const one = await statementsFor(1);
    for (const n of [2, 3, 4, 5]) await addThread(n);
    expect(await statementsFor(5)).toBe(one);
  });
});

describe('discussion tenancy', () => {
  it('hides discussions and replies from another tenant and refuses their posts and deletes', async () => {
    const { row, id } = await insertDiscussion('Internal reorg rumours');
    const reply = await api.prisma.discussionReply.create({
      data: { discussionId: row.id, body: 'Keep it quiet', authorId: tenant.users.ANALYST.id },
    });
    const nodes = await api.graphql(
      `query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }`,
      { a: id, b: encodeGlobalID('DiscussionReply', reply.id) },
      outsiderToken,
    );
    expect(nodes.data).toEqual({ a: null, b: null });

    const replied = await api.graphql(REPLY, { input: { discussionId: id, body: 'Leaked!' } }, outsiderToken);
    expect(replied.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const deleted = await api.graphql(DELETE, { id }, outsiderToken);
    expect(deleted.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const created = await api.graphql(
      CREATE,
      { input: { copId: tenant.ids.cop, title: 'Planted thread', body: 'Spam' } },
      outsiderToken,
    );
    expect(created.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    expect(await api.prisma.discussionReply.count({ where: { discussionId: row.id } })).toBe(1);
    expect(await api.prisma.discussion.count({ where: { copId: tenant.cop.id, title: 'Planted thread' } })).toBe(0);
  });
});

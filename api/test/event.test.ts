import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let editorToken: string;
let outsiderToken: string;

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR);

/** CreateEventInput for an hour-long meetup in the tenant's CoP, starting in `startsInHours`. */
const newEvent = (title: string, startsInHours = 1, extra: Record<string, unknown> = {}) => ({
  input: {
    copId: tenant.ids.cop,
    title,
    kind: 'MEETUP',
    startsAt: inHours(startsInHours).toISOString(),
    endsAt: inHours(startsInHours + 1).toISOString(),
    ...extra,
  },
});
const CREATE = `mutation($input: CreateEventInput!) {
  createEvent(input: $input) { id title kind startsAt endsAt location attendance cop { id } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id title attendance } }`;
const DELETE = `mutation($id: ID!) { deleteEvent(id: $id) }`;

beforeAll(async () => {
  tenant = await createTenant(api.prisma);
  editorToken = await api.tokenFor(tenant.users.ANALYST.id);
  const outsider = await createTenant(api.prisma, 'Outsider');
  outsiderToken = await api.tokenFor(outsider.users.CUSTOMER_ADMIN.id);
});
afterAll(() => api.close());

const eventCount = () => api.prisma.copEvent.count({ where: { copId: tenant.cop.id } });

async function insertEvent(title: string, startsInHours: number) {
  const row = await api.prisma.copEvent.create({
    data: {
      copId: tenant.cop.id,
      title,
      kind: 'MEETUP',
      startsAt: inHours(startsInHours),
      endsAt: inHours(startsInHours + 1),
    },
  });
  return encodeGlobalID('CopEvent', row.id);
}

describe('event mutations', () => {
  it('lets an editor create, update and delete an event', async () => {
    const created = await api.graphql(
      CREATE,
      newEvent('Delta Live Tables workshop', 48, {
        kind: 'WORKSHOP',
        endsAt: inHours(50).toISOString(),
        location: 'Room 4.12',
      }),
      editorToken,
    );
    const event = created.data?.createEvent;
    expect(event).toMatchObject({
      title: 'Delta Live Tables workshop',
      kind: 'WORKSHOP',
      location: 'Room 4.12',
      attendance: 0,
      cop: { id: tenant.ids.cop },
    });

    const updated = await api.graphql(UPDATE, { id: event.id, input: { attendance: 27 } }, editorToken);
    expect(updated.data?.updateEvent).toEqual({ id: event.id, title: 'Delta Live Tables workshop', attendance: 27 });

    const deleted = await api.graphql(DELETE, { id: event.id }, editorToken);
    expect(deleted.data?.deleteEvent).toBe(event.id);
    expect(
      await api.prisma.copEvent.count({ where: { copId: tenant.cop.id, title: 'Delta Live Tables workshop' } }),
    ).toBe(0);
  });

  it('rejects an event that ends before it starts with BAD_USER_INPUT and writes nothing', async () => {
    const before = await eventCount();
    const result = await api.graphql(
      CREATE,
      newEvent('Backwards meetup', 5, { endsAt: inHours(4).toISOString() }),
      editorToken,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.endsAt'] });
    expect(await eventCount()).toBe(before);
  });

  it('rejects negative attendance with BAD_USER_INPUT and leaves the event unchanged', async () => {
    const id = await insertEvent('Office hours with negative turnout', 3);
    const result = await api.graphql(UPDATE, { id, input: { attendance: -1 } }, editorToken);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.attendance'] });
    expect(
      await api.prisma.copEvent.findFirst({
        where: { copId: tenant.cop.id, title: 'Office hours with negative turnout' },
      }),
    ).toMatchObject({ attendance: 0 });
  });

  it('checks a patched start against the stored end', async () => {
    const id = await insertEvent('Hackathon kickoff', 10);
    const result = await api.graphql(UPDATE, { id, input: { startsAt: inHours(12).toISOString() } }, editorToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const stored = await api.prisma.copEvent.findFirstOrThrow({
      where: { copId: tenant.cop.id, title: 'Hackathon kickoff' },
    });
    expect(stored.endsAt.getTime()).toBeGreaterThan(stored.startsAt.getTime());
  });

  it('answers NOT_FOUND when deleting an event that does not exist', async () => {
    const result = await api.graphql(DELETE, { id: encodeGlobalID('CopEvent', crypto.randomUUID()) }, editorToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('does not let a member create events', async () => {
    const before = await eventCount();
    const result = await api.graphql(CREATE, newEvent('Members only', 1), await api.tokenFor(tenant.users.MEMBER.id));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await eventCount()).toBe(before);
  });
});

describe('Cop.events', () => {
  it('lists upcoming events in start order and past events separately', async () => {
    await insertEvent('Next month showcase', 24 * 30);
    await insertEvent('Tomorrow training', 24);
    await insertEvent('Last week meetup', -24 * 7);
    const query = `query($id: ID!, $upcoming: Boolean) {
      cop(id: $id) { events(upcoming: $upcoming) { totalCount nodes { title } } }
    }`;
    const upcoming = await api.graphql(query, { id: tenant.ids.cop, upcoming: true }, editorToken);
    const titles = upcoming.data?.cop.events.nodes.map((node: { title: string }) => node.title);
    expect(titles.indexOf('Tomorrow training')).toBeLessThan(titles.indexOf('Next month showcase'));
    expect(titles).not.toContain('Last week meetup');
    expect(upcoming.data?.cop.events.totalCount).toBe(titles.length);

    const past = await api.graphql(query, { id: tenant.ids.cop, upcoming: false }, editorToken);
    expect(past.data?.cop.events.nodes.map((node: { title: string }) => node.title)).toContain('Last week meetup');
    expect(past.data?.cop.events.nodes.map((node: { title: string }) => node.title)).not.toContain('Tomorrow training');
  });
});

describe('event tenancy', () => {
  it('hides events from another tenant and refuses their changes', async () => {
    const id = await insertEvent('Private roadmap session', 30);
    const node = await api.graphql(
      `query($id: ID!) { node(id: $id) { id } cop(id: "${tenant.ids.cop}") { id } }`,
      { id },
      outsiderToken,
    );
    expect(node.data).toEqual({ node: null, cop: null });

    const update = await api.graphql(UPDATE, { id, input: { title: 'Hijacked' } }, outsiderToken);
    expect(update.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const remove = await api.graphql(DELETE, { id }, outsiderToken);
    expect(remove.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const create = await api.graphql(CREATE, newEvent('Planted event', 1), outsiderToken);
    expect(create.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const rows = await api.prisma.copEvent.findMany({ where: { copId: tenant.cop.id }, select: { title: true } });
    expect(rows.map((row) => row.title)).toContain('Private roadmap session');
    expect(rows.map((row) => row.title)).not.toEqual(expect.arrayContaining(['Hijacked', 'Planted event']));
  });
});

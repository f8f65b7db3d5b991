import { z } from 'zod';
import { EDITOR_ROLES } from '../auth/viewer.js';
import { appError } from '../errors.js';
import { recordEventAttendance } from '../kpis/activity.js';
import { builder } from './builder.js';
import { Cop } from './cop.js';
import { COP_LEAD_SCOPES, managedCopId } from './cop-lead.js';
import { EventKindEnum } from './enums.js';
import { type InputFields, withoutNulls } from './input.js';
import { findOwned, ownedDeleteMutation, ownedNode, updateOwned } from './ownership.js';
import { User } from './user.js';

export const CopEvent = builder.prismaNode('CopEvent', {
  ...ownedNode('copEvent'),
  fields: (t) => ({
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    kind: t.expose('kind', { type: EventKindEnum }),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    location: t.exposeString('location', { nullable: true, description: 'A room, a city or a meeting link.' }),
    attendance: t.exposeInt('attendance', { description: 'How many people attended.' }),
    cop: t.relation('cop'),
  }),
});

builder.prismaObjectField('Cop', 'events', (t) =>
  t.relatedConnection('events', {
    cursor: 'id',
    totalCount: true,
    description: 'Events by start time.',
    args: {
      upcoming: t.arg.boolean({
        required: false,
        description: 'true: events starting from now on; false: events that started before now; omitted: all.',
      }),
    },
    query: ({ upcoming }) => ({
      where: typeof upcoming === 'boolean' ? { startsAt: upcoming ? { gte: new Date() } : { lt: new Date() } } : {},
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    }),
  }),
);

const eventTitle = z.string().trim().min(2, 'An event title needs at least 2 characters.').max(200);
/** Fields that are optional both when creating and when updating an event. */
const eventDetails = (t: InputFields) => ({
  description: t.string({ required: false, validate: z.string().max(4000) }),
  location: t.string({ required: false, validate: z.string().trim().max(300) }),
  attendance: t.int({ required: false, validate: z.number().int().min(0, 'Attendance cannot be negative.') }),
});

const CreateEventInput = builder.inputType('CreateEventInput', {
  fields: (t) => ({
    copId: t.globalID({ for: Cop }),
    title: t.string({ validate: eventTitle }),
    kind: t.field({ type: EventKindEnum }),
    startsAt: t.field({ type: 'DateTime' }),
    endsAt: t.field({ type: 'DateTime', description: 'Must be after startsAt.' }),
    ...eventDetails(t),
  }),
});

const UpdateEventInput = builder.inputType('UpdateEventInput', {
  fields: (t) => ({
    title: t.string({ required: false, validate: eventTitle }),
    kind: t.field({ type: EventKindEnum, required: false }),
    startsAt: t.field({ type: 'DateTime', required: false }),
    endsAt: t.field({ type: 'DateTime', required: false, description: 'Must be after startsAt.' }),
    ...eventDetails(t),
  }),
});

/** An event must end after it starts; checked on the merged values so a patch of one side is checked too. */
function assertEndsAfterStart(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw appError('BAD_USER_INPUT', 'An event must end after it starts.', { fields: ['input.endsAt'] });
  }
}

builder.mutationFields((t) => ({
  createEvent: t.prismaField({
    type: 'CopEvent',
    description: 'Plans an event. Editors of the customer and the CoP’s own leads may (FORBIDDEN for others).',
    authScopes: COP_LEAD_SCOPES,
    args: { input: t.arg({ type: CreateEventInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      assertEndsAfterStart(input.startsAt, input.endsAt);
      const { copId, ...rest } = withoutNulls(input);
      const data = { ...rest, copId: await managedCopId(ctx, copId.id, EDITOR_ROLES) };
      return ctx.prisma.copEvent.create({ ...query, data });
    },
  }),
  updateEvent: t.prismaField({
    type: 'CopEvent',
    authScopes: { role: EDITOR_ROLES },
    args: { id: t.arg.globalID({ for: CopEvent }), input: t.arg({ type: UpdateEventInput }) },
    resolve: async (query, _root, { id, input }, ctx) => {
      const stored = await findOwned(ctx, 'copEvent', id.id, { select: { startsAt: true, endsAt: true } });
      const patch = withoutNulls(input);
      assertEndsAfterStart(patch.startsAt ?? stored.startsAt, patch.endsAt ?? stored.endsAt);
      return updateOwned(ctx, 'copEvent', id.id, { ...query, data: patch });
    },
  }),
}));

builder.mutationField('recordEventAttendance', (t) =>
  t.prismaField({
    type: 'CopEvent',
    description:
      'Records members of the CoP as attendees of the event (again: no change), counting towards MAP; the event’s ' +
      'attendance becomes at least the number of attendees recorded. Every person must be a member, else nothing ' +
      'is written (BAD_USER_INPUT naming userIds).',
    authScopes: { role: EDITOR_ROLES },
    args: {
      id: t.arg.globalID({ for: CopEvent }),
      userIds: t.arg.globalIDList({ for: User, validate: z.array(z.unknown()).min(1).max(1000) }),
    },
    resolve: async (query, _root, { id, userIds }, ctx) => {
      const event = await findOwned(ctx, 'copEvent', id.id, { select: { id: true, copId: true, startsAt: true } });
      await recordEventAttendance(
        ctx.prisma,
        event,
        userIds.map((userId) => userId.id),
      );
      return ctx.prisma.copEvent.findUniqueOrThrow({ ...query, where: { id: event.id } });
    },
  }),
);

ownedDeleteMutation('deleteEvent', {
  node: CopEvent,
  model: 'copEvent',
  roles: EDITOR_ROLES,
  description: 'Deletes the event; returns its id.',
});

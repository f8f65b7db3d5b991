import { z } from 'zod';
import { inViewerCops, requireViewer } from '../auth/tenancy.js';
import { ADMIN_ROLES } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { forbidden } from '../errors.js';
import { builder } from './builder.js';
import { Cop } from './cop.js';
import { deleteOwned, findOwned, ownedCopId, ownedNode } from './ownership.js';

export const Discussion = builder.prismaNode('Discussion', {
  ...ownedNode('discussion'),
  fields: (t) => ({
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    author: t.relation('author', { nullable: true, description: 'Null once the author’s account is deleted.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    cop: t.relation('cop'),
    replies: t.relatedConnection('replies', {
      cursor: 'id',
      totalCount: true,
      description: 'Replies, oldest first.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

export const DiscussionReply = builder.prismaNode('DiscussionReply', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, discussion: inViewerCops(ctx.viewer) }),
  nullable: true,
  fields: (t) => ({
    body: t.exposeString('body'),
    author: t.relation('author', { nullable: true, description: 'Null once the author’s account is deleted.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    discussion: t.relation('discussion'),
  }),
});

builder.prismaObjectField('Cop', 'discussions', (t) =>
  t.relatedConnection('discussions', {
    cursor: 'id',
    totalCount: true,
    description: 'Discussions, newest first.',
    query: { orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] },
  }),
);

const body = z.string().trim().min(1, 'Write something first.').max(10_000);

const CreateDiscussionInput = builder.inputType('CreateDiscussionInput', {
  fields: (t) => ({
    copId: t.globalID({ for: Cop }),
    title: t.string({ validate: z.string().trim().min(3, 'A title needs at least 3 characters.').max(200) }),
    body: t.string({ validate: body }),
  }),
});

const ReplyToDiscussionInput = builder.inputType('ReplyToDiscussionInput', {
  fields: (t) => ({
    discussionId: t.globalID({ for: Discussion }),
    body: t.string({ validate: body }),
  }),
});

/** Posts carry a person as author; a service token is not one. */
function authorId(ctx: Context): string {
  if (ctx.viewer?.kind !== 'user') throw forbidden('Only a signed-in person can post.');
  return ctx.viewer.id;
}

/** Admins moderate every discussion of their tenant; anyone else only their own. */
builder.mutationFields((t) => ({
  createDiscussion: t.prismaField({
    type: 'Discussion',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: CreateDiscussionInput }) },
    resolve: async (query, _root, { input }, ctx) =>
      ctx.prisma.discussion.create({
        ...query,
        data: {
          title: input.title,
          body: input.body,
          authorId: authorId(ctx),
          copId: await ownedCopId(ctx, input.copId.id),
        },
      }),
  }),
  replyToDiscussion: t.prismaField({
    type: 'DiscussionReply',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: ReplyToDiscussionInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const author = authorId(ctx);
      const discussion = await findOwned(ctx, 'discussion', input.discussionId.id, { select: { id: true } });
      return ctx.prisma.discussionReply.create({
        ...query,
        data: { body: input.body, authorId: author, discussionId: discussion.id },
      });
    },
  }),
  deleteDiscussion: t.field({
    type: 'ID',
    description: 'Deletes the discussion and its replies (its author or an admin); returns its id.',
    authScopes: { authenticated: true },
    args: { id: t.arg.globalID({ for: Discussion }) },
    resolve: async (_root, { id }, ctx) => {
      const { authorId } = await findOwned(ctx, 'discussion', id.id, { select: { authorId: true } });
      const viewer = requireViewer(ctx.viewer);
      if (!ADMIN_ROLES.includes(viewer.role) && authorId !== viewer.id) {
        throw forbidden('Only the author or an admin can delete this discussion.');
      }
      return deleteOwned(ctx, 'discussion', id);
    },
  }),
}));

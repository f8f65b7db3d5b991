import { z } from 'zod';
import { ADMIN_ROLES } from '../auth/viewer.js';
import { builder } from './builder.js';
import { Cop } from './cop.js';
import { COP_LEAD_SCOPES, managedCopId } from './cop-lead.js';
import { found, ownedDeleteMutation, ownedNode } from './ownership.js';
import { User } from './user.js';

export const Champion = builder.prismaNode('Champion', {
  ...ownedNode('champion'),
  fields: (t) => ({
    user: t.relation('user'),
    cop: t.relation('cop'),
    reason: t.exposeString('reason', { description: 'Why the community recognizes this person.' }),
    recognizedAt: t.expose('recognizedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField('Cop', 'champions', (t) =>
  t.relatedConnection('champions', {
    cursor: 'id',
    totalCount: true,
    description: 'Recognized champions, most recent first.',
    query: { orderBy: [{ recognizedAt: 'desc' }, { id: 'asc' }] },
  }),
);

const RecognizeChampionInput = builder.inputType('RecognizeChampionInput', {
  fields: (t) => ({
    copId: t.globalID({ for: Cop }),
    userId: t.globalID({ for: User }),
    reason: t.string({ validate: z.string().trim().min(3, 'Say why in at least 3 characters.').max(1000) }),
  }),
});

builder.mutationFields((t) => ({
  recognizeChampion: t.prismaField({
    type: 'Champion',
    description:
      'Recognizes a person of the CoP’s customer as a champion; recognizing them again renews the reason. ' +
      'Admins of the customer and the CoP’s own leads may (FORBIDDEN for others).',
    authScopes: COP_LEAD_SCOPES,
    args: { input: t.arg({ type: RecognizeChampionInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const copId = await managedCopId(ctx, input.copId.id, ADMIN_ROLES);
      const userId = input.userId.id;
      // Only people of the customer that owns the CoP can be its champions.
      found(
        await ctx.prisma.user.findFirst({ where: { id: userId, customer: { cops: { some: { id: copId } } } } }),
        'User',
      );
      const recognition = { reason: input.reason, recognizedAt: new Date() };
      // One INSERT … ON CONFLICT on the (CoP, person) key (a nested selection would make Prisma read then write).
      const { id } = await ctx.prisma.champion.upsert({
        where: { copId_userId: { copId, userId } },
        create: { ...recognition, copId, userId },
        update: recognition,
        select: { id: true },
      });
      return ctx.prisma.champion.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));

ownedDeleteMutation('removeChampion', {
  node: Champion,
  model: 'champion',
  roles: ADMIN_ROLES,
  description: 'Withdraws a recognition; returns its id.',
});

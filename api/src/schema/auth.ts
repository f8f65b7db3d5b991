import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { verifyPassword } from '../auth/passwords.js';
import { appError } from '../errors.js';
import { builder } from './builder.js';
import { RoleEnum } from './enums.js';

const Viewer = builder.simpleObject('Viewer', {
  description: 'Who the request acts as: a person or a service token.',
  fields: (t) => ({
    kind: t.string(),
    role: t.field({ type: RoleEnum }),
    email: t.string({ nullable: true }),
    customerId: t.id({ nullable: true, description: 'Global id of the customer (null for platform admins).' }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    nullable: true,
    description: 'The signed-in user or service token; null when anonymous.',
    resolve: (_root, _args, ctx) => {
      const viewer = ctx.viewer;
      if (!viewer) return null;
      return {
        kind: viewer.kind,
        role: viewer.role,
        email: viewer.kind === 'user' ? viewer.email : null,
        customerId: viewer.customerId ? encodeGlobalID('Customer', viewer.customerId) : null,
      };
    },
  }),
);

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in person, with their memberships.',
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer?.kind === 'user' ? ctx.prisma.user.findUnique({ ...query, where: { id: ctx.viewer.id } }) : null,
  }),
);

const SignInPayload = builder.simpleObject('SignInPayload', {
  fields: (t) => ({ token: t.string({ description: 'Bearer token (JWT) for the Authorization header.' }) }),
});

builder.mutationField('signIn', (t) =>
  t.field({
    type: SignInPayload,
    args: {
      email: t.arg.string({ validate: z.string().email('Enter a valid email address.') }),
      password: t.arg.string({ validate: z.string().min(1, 'Enter your password.') }),
    },
    resolve: async (_root, { email, password }, ctx) => {
      const user = await ctx.prisma.user.findUnique({ where: { email: email.toLowerCase() } });
      if (!user || !(await verifyPassword(password, user.passwordHash))) {
        throw appError('UNAUTHENTICATED', 'Email or password is incorrect.');
      }
      return { token: await ctx.sessions.sign(user.id) };
    },
  }),
);

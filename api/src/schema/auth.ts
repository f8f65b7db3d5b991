import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { passwordMatches } from '../auth/passwords.js';
import { appError } from '../errors.js';
import { SENSITIVE } from '../graphql/sensitive.js';
import { AUDIT_ANONYMOUS } from '../plugins/audit-log.js';
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
    description:
      'Exchanges an e-mail and password for a session token. After repeated failures for one e-mail or from one ' +
      'address, attempts are refused for a while with RATE_LIMITED (`retryAfterMs` says how long).',
    extensions: AUDIT_ANONYMOUS,
    args: {
      email: t.arg.string({ validate: z.string().max(320).email('Enter a valid email address.') }),
      password: t.arg.string({
        validate: z.string().min(1, 'Enter your password.').max(1000),
        extensions: SENSITIVE,
      }),
    },
    resolve: async (_root, args, ctx) => {
      const email = args.email.toLowerCase();
      const retryAfterMs = await ctx.signInThrottle.retryAfterMs(email, ctx.clientAddress);
      if (retryAfterMs > 0) {
        throw appError('RATE_LIMITED', 'Too many failed sign-ins: wait a few minutes and try again.', {
          retryAfterMs,
        });
      }
      const user = await ctx.prisma.user.findUnique({ where: { email } });
      if (!(await passwordMatches(args.password, user?.passwordHash)) || !user) {
        await ctx.signInThrottle.recordFailure(email, ctx.clientAddress);
        throw appError('UNAUTHENTICATED', 'Email or password is incorrect.');
      }
      await ctx.signInThrottle.recordSuccess(email);
      return { token: await ctx.sessions.sign(user.id) };
    },
  }),
);

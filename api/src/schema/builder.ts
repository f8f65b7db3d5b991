import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Context } from '../context.js';
import { appError, unauthenticated } from '../errors.js';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';
import type { Role } from '../generated/prisma/enums.js';

// The builder is only configuration; each domain module registers its own types and fields.
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: { authenticated: boolean; role: readonly Role[] };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: File; Output: never };
  };
}>({
  plugins: [
    ScopeAuthPlugin,
    SimpleObjectsPlugin,
    PrismaPlugin,
    RelayPlugin,
    ValidationPlugin,
    DataloaderPlugin,
    ComplexityPlugin,
  ],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    authScopes: (ctx) => ({
      authenticated: ctx.viewer !== null,
      role: (roles) => ctx.viewer !== null && roles.includes(ctx.viewer.role),
    }),
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer ? appError('FORBIDDEN', 'Your role does not allow this.') : unauthenticated(),
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
  },
  validation: {
    validationError: (result) =>
      appError('BAD_USER_INPUT', result.issues.map((issue) => issue.message).join('; '), {
        fields: result.issues.map((issue) =>
          issue.path?.map((part) => (typeof part === 'object' ? part.key : part)).join('.'),
        ),
      }),
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: 50_000, depth: 12, breadth: 200 },
  },
});

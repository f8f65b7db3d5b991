import { z } from 'zod';
import { EDITOR_ROLES } from '../auth/viewer.js';
import { builder } from './builder.js';
import { Cop } from './cop.js';
import { UseCaseStatusEnum } from './enums.js';
import { type InputFields, withoutNulls } from './input.js';
import { ownedCopId, ownedDeleteMutation, ownedNode, updateOwned } from './ownership.js';

export const UseCase = builder.prismaNode('UseCase', {
  ...ownedNode('useCase'),
  fields: (t) => ({
    title: t.exposeString('title'),
    problem: t.exposeString('problem', { description: 'The business problem the use case addresses.' }),
    solution: t.exposeString('solution'),
    leader: t.exposeString('leader', {
      nullable: true,
      description: 'Who drives it (a name, not necessarily a user).',
    }),
    status: t.expose('status', { type: UseCaseStatusEnum }),
    enablementTier: t.exposeString('enablementTier', { nullable: true }),
    platform: t.exposeString('platform', { nullable: true, description: 'e.g. "Databricks SQL", "Model Serving".' }),
    valueEstimate: t.exposeFloat('valueEstimate', { nullable: true, description: 'Estimated yearly value.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    cop: t.relation('cop'),
  }),
});

builder.prismaObjectField('Cop', 'useCases', (t) =>
  t.relatedConnection('useCases', {
    cursor: 'id',
    totalCount: true,
    description: 'Use cases, most recently changed first.',
    args: { status: t.arg({ type: UseCaseStatusEnum, required: false }) },
    query: ({ status }) => ({ where: status ? { status } : {}, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }] }),
  }),
);

const useCaseTitle = z.string().trim().min(2, 'A use case title needs at least 2 characters.').max(200);
const problem = z.string().trim().min(1, 'Describe the problem.').max(4000);
const shortText = z.string().trim().max(120);

/** Fields that are optional both when creating and when updating a use case. */
const useCaseDetails = (t: InputFields) => ({
  solution: t.string({ required: false, validate: z.string().max(4000) }),
  leader: t.string({ required: false, validate: shortText }),
  status: t.field({ type: UseCaseStatusEnum, required: false }),
  enablementTier: t.string({ required: false, validate: shortText }),
  platform: t.string({ required: false, validate: shortText }),
  valueEstimate: t.float({ required: false, validate: z.number().min(0, 'The value estimate cannot be negative.') }),
});

const CreateUseCaseInput = builder.inputType('CreateUseCaseInput', {
  fields: (t) => ({
    copId: t.globalID({ for: Cop }),
    title: t.string({ validate: useCaseTitle }),
    problem: t.string({ validate: problem }),
    ...useCaseDetails(t),
  }),
});

const UpdateUseCaseInput = builder.inputType('UpdateUseCaseInput', {
  fields: (t) => ({
    title: t.string({ required: false, validate: useCaseTitle }),
    problem: t.string({ required: false, validate: problem }),
    ...useCaseDetails(t),
  }),
});

builder.mutationFields((t) => ({
  createUseCase: t.prismaField({
    type: 'UseCase',
    authScopes: { role: EDITOR_ROLES },
    args: { input: t.arg({ type: CreateUseCaseInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { copId, ...rest } = withoutNulls(input);
      return ctx.prisma.useCase.create({ ...query, data: { ...rest, copId: await ownedCopId(ctx, copId.id) } });
    },
  }),
  updateUseCase: t.prismaField({
    type: 'UseCase',
    authScopes: { role: EDITOR_ROLES },
    args: { id: t.arg.globalID({ for: UseCase }), input: t.arg({ type: UpdateUseCaseInput }) },
    resolve: (query, _root, { id, input }, ctx) =>
      updateOwned(ctx, 'useCase', id.id, { ...query, data: withoutNulls(input) }),
  }),
}));

ownedDeleteMutation('deleteUseCase', {
  node: UseCase,
  model: 'useCase',
  roles: EDITOR_ROLES,
  description: 'Deletes the use case; returns its id.',
});

/**
 * Tenant-owned reads and writes, in one shape for every domain.
 *
 * Like the row-level-security example of Prisma's client extensions, the tenant rule lives in one place and
 * not in each resolver: `TENANT_FILTERS` says, for every tenant-owned model, how a row reaches its customer.
 * The helpers below put that filter into the `where` of the statement itself (never an `if` after a query),
 * so a row of another tenant behaves exactly like a row that does not exist: NOT_FOUND.
 *
 * A new domain adds its model to `TENANT_FILTERS` and then uses, in its schema module:
 * - `...ownedNode('model')` in the options of its `prismaNode`;
 * - `findOwned` to read a row it is about to act on;
 * - `updateOwned` for its update mutation, `ownedDeleteMutation` (or `deleteOwned`) for its delete;
 * - `ownedCopId` to check the CoP a new row is created in.
 */
import type { ObjectParam } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { inViewerCops, ownedByViewer, visibleCustomers } from '../auth/tenancy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import type { PrismaClient } from '../db/prisma.js';
import { notFound } from '../errors.js';
import { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';
import { builder } from './builder.js';

type Where<M extends keyof PrismaClient> = NonNullable<Prisma.Args<PrismaClient[M], 'findFirst'>['where']>;

interface TenantRule<W> {
  /** The row's name in a NOT_FOUND message ("Asset was not found."). */
  noun: string;
  /** The part of a `where` that keeps the viewer inside their own customer (empty for platform admins). */
  filter: (viewer: Viewer | null) => W;
}

const inCops = (noun: string) => ({ noun, filter: inViewerCops });
const ofCustomer = (noun: string) => ({ noun, filter: ownedByViewer });

/** Every tenant-owned model and how its rows reach their customer: directly, through their CoP, or further. */
const TENANT_FILTERS = {
  customer: { noun: 'Customer', filter: visibleCustomers },
  cop: ofCustomer('CoP'),
  user: ofCustomer('User'),
  integration: ofCustomer('Integration'),
  serviceToken: ofCustomer('Service token'),
  jobRun: ofCustomer('Run'),
  workspaceMapping: { noun: 'Workspace mapping', filter: (viewer) => ({ integration: ownedByViewer(viewer) }) },
  membership: inCops('Membership'),
  copEvent: inCops('Event'),
  contentAsset: inCops('Asset'),
  useCase: inCops('Use case'),
  champion: inCops('Champion'),
  discussion: inCops('Discussion'),
  survey: inCops('Survey'),
  kpiMetric: inCops('KPI'),
  // A deleted dataset is a tombstone until the reconciler removes it from Databricks: gone for viewers already.
  alert: ofCustomer('Alert'),
  alertRule: ofCustomer('Alert rule'),
  dataset: { noun: 'Dataset', filter: (viewer) => ({ ...ownedByViewer(viewer), deletedAt: null }) },
  pipeline: { noun: 'Pipeline', filter: (viewer) => ({ ...ownedByViewer(viewer), deletedAt: null }) },
  notebook: { noun: 'Notebook', filter: (viewer) => ({ ...ownedByViewer(viewer), deletedAt: null }) },
  tenantCatalog: ofCustomer('Tenant catalog'),
} satisfies { [M in keyof PrismaClient]?: TenantRule<Where<M>> };

export type OwnedModel = keyof typeof TENANT_FILTERS;
type Delegate<M extends OwnedModel> = PrismaClient[M];

/** The `where` that matches row `id` of `model` only inside the viewer's tenant. */
export function ownedRow<M extends OwnedModel>(viewer: Viewer | null, model: M, id: string) {
  const filter = TENANT_FILTERS[model].filter(viewer) as ReturnType<(typeof TENANT_FILTERS)[M]['filter']>;
  return { id, ...filter };
}

/**
 * The Relay options of a tenant-owned `prismaNode` (`builder.prismaNode('Model', { ...ownedNode('model'), fields })`):
 * `node(id:)` and refetches see only the viewer's tenant, and another tenant's id resolves to null.
 */
export const ownedNode = <M extends OwnedModel>(model: M) =>
  ({
    id: { field: 'id' },
    findUnique: (id: string, ctx: Context) => ownedRow(ctx.viewer, model, id),
    nullable: true,
  }) as const;

// The delegates' generic methods cannot be called through a union of models; the helpers' signatures
// carry the precise types, so their bodies call the delegate untyped.
interface UntypedDelegate {
  findFirst(args: object): Promise<unknown>;
  update(args: object): Promise<unknown>;
  deleteMany(args: object): Promise<{ count: number }>;
}
const delegate = (ctx: Context, model: OwnedModel) => ctx.prisma[model] as unknown as UntypedDelegate;

/** Row `id` of `model` in the viewer's tenant, read with `args` (select, include, or `{}`); NOT_FOUND otherwise. */
export async function findOwned<
  M extends OwnedModel,
  A extends Omit<Prisma.Args<Delegate<M>, 'findFirstOrThrow'>, 'where'>,
>(ctx: Context, model: M, id: string, args: A): Promise<Prisma.Result<Delegate<M>, A, 'findFirstOrThrow'>> {
  const row = await delegate(ctx, model).findFirst({ ...args, where: ownedRow(ctx.viewer, model, id) });
  if (!row) throw notFound(TENANT_FILTERS[model].noun);
  return row as never;
}

/**
 * Updates row `id` of `model` in one statement whose `where` carries the tenant filter; NOT_FOUND when no
 * such row exists for the viewer. `args` is the rest of Prisma's `update` (data, and the selection of a
 * `prismaField`'s `query`).
 */
export async function updateOwned<M extends OwnedModel, A extends Omit<Prisma.Args<Delegate<M>, 'update'>, 'where'>>(
  ctx: Context,
  model: M,
  id: string,
  args: A,
): Promise<Prisma.Result<Delegate<M>, A, 'update'>> {
  try {
    return (await delegate(ctx, model).update({ ...args, where: ownedRow(ctx.viewer, model, id) })) as never;
  } catch (error) {
    if (isRecordNotFound(error)) throw notFound(TENANT_FILTERS[model].noun);
    throw error;
  }
}

/**
 * Deletes row `id` of `model` (a decoded global id) with the tenant filter in the statement's `where`;
 * NOT_FOUND when nothing was deleted. Returns the deleted node's global id, as delete mutations answer.
 * `where` narrows further (e.g. "only its author may delete it").
 */
export async function deleteOwned<M extends OwnedModel>(
  ctx: Context,
  model: M,
  id: { typename: string; id: string },
  where: Where<M> = {},
): Promise<string> {
  const { count } = await delegate(ctx, model).deleteMany({
    where: { ...where, ...ownedRow(ctx.viewer, model, id.id) },
  });
  if (count === 0) throw notFound(TENANT_FILTERS[model].noun);
  return encodeGlobalID(id.typename, id.id);
}

/** Declares `name(id: ID!): ID!`, which deletes a tenant-owned node and answers its global id. */
export function ownedDeleteMutation(
  name: string,
  options: {
    node: ObjectParam<typeof builder.$inferSchemaTypes>;
    model: OwnedModel;
    roles: readonly Role[];
    description?: string;
    /** Runs after a delete that removed the row (e.g. to drop caches), with the row's id. */
    onDeleted?: (ctx: Context, id: string) => void;
  },
): void {
  builder.mutationField(name, (t) =>
    t.field({
      type: 'ID',
      description: options.description,
      authScopes: { role: options.roles },
      args: { id: t.arg.globalID({ for: options.node }) },
      resolve: async (_root, { id }, ctx) => {
        const deleted = await deleteOwned(ctx, options.model, id);
        options.onDeleted?.(ctx, id.id);
        return deleted;
      },
    }),
  );
}

/** The id of a CoP the viewer's tenant owns; NOT_FOUND otherwise (another tenant's CoP does not exist for them). */
export async function ownedCopId(ctx: Context, copId: string): Promise<string> {
  return (await findOwned(ctx, 'cop', copId, { select: { id: true } })).id;
}

/** Prisma's "record to update not found" (P2025). */
const isRecordNotFound = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';

/** Throws NOT_FOUND unless `row` exists; for rows looked up by something other than their id. */
export function found<T>(row: T | null, what: string): T {
  if (!row) throw notFound(what);
  return row;
}

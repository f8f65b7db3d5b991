import { encodeGlobalID } from '@pothos/plugin-relay';
import { inViewerCops, ownedByViewer } from '../auth/tenancy.js';
import type { Context } from '../context.js';
import { notFound } from '../errors.js';

/** The id of a CoP the viewer's tenant owns; NOT_FOUND otherwise (another tenant's CoP does not exist for them). */
export async function ownedCopId(ctx: Context, copId: string): Promise<string> {
  const cop = await ctx.prisma.cop.findFirst({
    where: { id: copId, ...ownedByViewer(ctx.viewer) },
    select: { id: true },
  });
  if (!cop) throw notFound('CoP');
  return cop.id;
}

/** Throws NOT_FOUND unless `row` exists; use with a `findFirst` whose where carries the tenant filter. */
export function found<T>(row: T | null, what: string): T {
  if (!row) throw notFound(what);
  return row;
}

/** The where of a CoP-owned row the viewer may touch. */
export const copOwnedRow = (ctx: Context, id: string) => ({ id, ...inViewerCops(ctx.viewer) });

/**
 * Finishes a delete that ran as `deleteMany` with the tenant filter in its where:
 * zero rows means the id does not exist for this viewer. Returns the deleted node's global id.
 */
export function deletedId(result: { count: number }, id: { typename: string; id: string }, what: string): string {
  if (result.count === 0) throw notFound(what);
  return encodeGlobalID(id.typename, id.id);
}

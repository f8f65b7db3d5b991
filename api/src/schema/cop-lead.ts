import { requireViewer } from '../auth/tenancy.js';
import type { Context } from '../context.js';
import { forbidden } from '../errors.js';
import type { Role } from '../generated/prisma/enums.js';
import { findOwned } from './ownership.js';

/** Authorization of fields a CoP's leads may use for their own CoP: anybody signed in, narrowed by `managedCopId`. */
export const COP_LEAD_SCOPES = { authenticated: true } as const;

/**
 * The id of a CoP the viewer may manage: their role allows it for the whole customer (`roles`), or they lead this
 * CoP (a LEAD membership). Another tenant's CoP is NOT_FOUND; a CoP of their own they do not lead is FORBIDDEN.
 * One statement: the CoP, in the tenant, with the viewer's LEAD membership if any.
 */
export async function managedCopId(ctx: Context, copId: string, roles: readonly Role[]): Promise<string> {
  const viewer = requireViewer(ctx.viewer);
  const cop = await findOwned(ctx, 'cop', copId, {
    select: { id: true, memberships: { where: { userId: viewer.id, role: 'LEAD' }, select: { id: true } } },
  });
  if (!roles.includes(viewer.role) && cop.memberships.length === 0)
    throw forbidden('Only the CoP’s leads (or an editor of the customer) may do this.');
  return cop.id;
}

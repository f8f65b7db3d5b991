import type { Viewer } from '../auth/viewer.js';
import { ADMIN_ROLES } from '../auth/viewer.js';
import type { Role } from '../generated/prisma/enums.js';

/**
 * The usage job's service token (SYSTEM), the platform's own automation (DATABRICKS_INTERNAL, which may do
 * nothing else) and customer admins may report usage.
 */
export const INGEST_ROLES: readonly Role[] = ['SYSTEM', 'DATABRICKS_INTERNAL', ...ADMIN_ROLES];

/** Whether `viewer` may report usage for `customerId`: only for its own customer, unless a platform admin. */
export function mayIngestFor(viewer: Viewer, customerId: string): boolean {
  return INGEST_ROLES.includes(viewer.role) && (viewer.role === 'ADMIN' || viewer.customerId === customerId);
}

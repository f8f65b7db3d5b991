import { forbidden, unauthenticated } from '../errors.js';
import type { Viewer } from './viewer.js';

/**
 * Row filters that keep each customer inside its own data. Platform admins see every customer;
 * everybody else sees only their own. They go into Prisma `where` clauses, never into `if`s after a query.
 */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** For models with a `customerId` column. */
export function ownedByViewer(viewer: Viewer | null): { customerId?: string } {
  const v = requireViewer(viewer);
  return v.role === 'ADMIN' ? {} : { customerId: v.customerId ?? '' };
}

/**
 * For the Customer model itself. Wrapped in AND so that spreading it next to a requested `id`
 * narrows the match instead of replacing the requested id with the viewer's own.
 */
export function visibleCustomers(viewer: Viewer | null): { AND?: { id: string }[] } {
  const { customerId } = ownedByViewer(viewer);
  return customerId === undefined ? {} : { AND: [{ id: customerId }] };
}

/** For models that belong to a CoP. */
export function inViewerCops(viewer: Viewer | null): { cop?: { customerId: string } } {
  const { customerId } = ownedByViewer(viewer);
  return customerId === undefined ? {} : { cop: { customerId } };
}

/** Guards writes that name a customer explicitly (e.g. creating a CoP for customer X). */
export function assertCustomerAccess(viewer: Viewer | null, customerId: string): void {
  const v = requireViewer(viewer);
  if (v.role !== 'ADMIN' && v.customerId !== customerId) throw forbidden('That customer belongs to another tenant.');
}

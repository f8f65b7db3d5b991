/**
 * Who may write a CRM: customer admins and data engineers (and platform admins), and the leads of the
 * customer's CoPs; analysts and members read. The tenant itself is checked when the CRM is opened.
 */
import { OPERATOR_ROLES } from '../auth/viewer.js';
import { CrmError } from './errors.js';
import type { CrmDeps, CrmWarehouse } from './warehouse.js';

export async function assertCrmWriter(deps: CrmDeps, w: CrmWarehouse): Promise<void> {
  const viewer = deps.viewer;
  if (viewer && OPERATOR_ROLES.includes(viewer.role)) return;
  if (viewer?.kind === 'user') {
    const leads = await deps.prisma.membership.count({
      where: { userId: viewer.id, role: 'LEAD', cop: { customerId: w.customerId } },
    });
    if (leads > 0) return;
  }
  throw new CrmError('FORBIDDEN', 'Only customer admins, data engineers and CoP leads may change the CRM.');
}

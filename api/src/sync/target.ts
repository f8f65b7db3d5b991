import { type ConnectionRow, connectionSelect } from '../databricks/registry.js';
import type { PrismaClient } from '../db/prisma.js';
import { tenantCatalogName } from './tenant-catalog.js';

/** Where a customer's resources sync to: nowhere (Databricks off), or its Databricks integration and catalog. */
export type SyncTarget = { enabled: false } | { enabled: true; integration: ConnectionRow | null; catalog: string };

/** One statement: the customer's flag, name and first active Databricks integration. */
export async function syncTargetOf(prisma: PrismaClient, customerId: string): Promise<SyncTarget> {
  const customer = await prisma.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: {
      name: true,
      databricksEnabled: true,
      integrations: {
        where: { type: 'DATABRICKS', isActive: true },
        orderBy: { createdAt: 'asc' },
        take: 1,
        select: connectionSelect,
      },
    },
  });
  if (!customer.databricksEnabled) return { enabled: false };
  const integration = customer.integrations[0] ?? null;
  const prefix = (integration?.config as { catalogPrefix?: string } | undefined)?.catalogPrefix;
  return { enabled: true, integration, catalog: tenantCatalogName(customer, prefix || undefined) };
}

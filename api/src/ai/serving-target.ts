import { connectionSelect, type DatabricksRegistry, type WorkspaceConnection } from '../databricks/registry.js';
import type { PrismaClient } from '../db/prisma.js';
import { databricksConfigSchema } from '../integrations/databricks-config.js';
import { AiError } from './errors.js';

/** What the AI services need beyond the database: a connection per integration. */
export interface AiDeps {
  prisma: PrismaClient;
  registry: Pick<DatabricksRegistry, 'forIntegration'>;
}

export type ServingRole = 'advisor' | 'summarizer';

/** The endpoint names used when an integration does not configure its own. */
export const DEFAULT_ENDPOINTS: Record<ServingRole, string> = {
  advisor: 'cop_advisor',
  summarizer: 'survey_summarizer',
};

export interface ServingTarget {
  connection: WorkspaceConnection;
  endpoint: string;
}

/**
 * The serving endpoint that answers for a CoP: through the integration of the CoP's first active workspace
 * mapping, else through the customer's first active Databricks integration.
 */
export async function servingTarget(
  deps: AiDeps,
  copId: string,
  customerId: string,
  role: ServingRole,
): Promise<ServingTarget> {
  const active = { type: 'DATABRICKS' as const, isActive: true, customerId };
  const mapping = await deps.prisma.workspaceMapping.findFirst({
    where: { copId, isActive: true, integration: active },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { integration: { select: connectionSelect } },
  });
  const integration =
    mapping?.integration ??
    (await deps.prisma.integration.findFirst({
      where: active,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: connectionSelect,
    }));
  if (!integration) {
    throw new AiError(
      'NO_DATABRICKS_INTEGRATION',
      'Connect a Databricks workspace to this customer to use the AI features.',
    );
  }
  const config = databricksConfigSchema.safeParse(integration.config).data;
  return {
    connection: deps.registry.forIntegration(integration),
    endpoint: config?.servingEndpoints?.[role] ?? DEFAULT_ENDPOINTS[role],
  };
}

import type { SecretBox } from '../../src/auth/secret-box.js';
import type { PrismaClient } from '../../src/db/prisma.js';
import type { DatabricksConfig } from '../../src/integrations/databricks-config.js';

/** The emulator's built-in warehouse and the workspace its system tables and jobs belong to. */
export const EMULATOR_WAREHOUSE_ID = 'ab12cd34ef56ab78';

/**
 * A Databricks integration of a tenant pointing at the test emulator, with workspace mappings for the
 * given CoPs. Secrets are sealed exactly as the API stores them.
 */
export async function connectEmulator(
  prisma: PrismaClient,
  secretBox: SecretBox,
  options: {
    customerId: string;
    mappings: { workspaceId: string; copId?: string; name?: string }[];
    config?: Partial<DatabricksConfig>;
    token?: string;
  },
) {
  const config: DatabricksConfig = {
    host: process.env.EMULATOR_URL!,
    authType: 'PAT',
    warehouseId: EMULATOR_WAREHOUSE_ID,
    ...options.config,
  };
  return prisma.integration.create({
    data: {
      customerId: options.customerId,
      type: 'DATABRICKS',
      displayName: 'Emulator workspace',
      config,
      secrets: { token: secretBox.seal(options.token ?? process.env.EMULATOR_TOKEN!) },
      workspaceMappings: {
        create: options.mappings.map((mapping) => ({
          copId: mapping.copId,
          workspaceId: mapping.workspaceId,
          workspaceName: mapping.name ?? `Workspace ${mapping.workspaceId}`,
          workspaceUrl: config.host,
        })),
      },
    },
    include: { workspaceMappings: true },
  });
}

import type { SecretBox } from '@cop-os/api/auth/secret-box';
import { generateServiceToken } from '@cop-os/api/auth/service-tokens';
import type { PrismaClient } from '@cop-os/api/db/prisma';
import { databricksConfigSchema } from '@cop-os/api/integrations/databricks-config';
import type { SealedSecrets } from '@cop-os/api/integrations/secret-fields';
import { missing } from './rows.js';
import type { SeededCop, SeededCustomer } from './tenants.js';

export interface DatabricksSettings {
  /** Workspace URL; the local emulator by default. */
  host: string;
  token: string;
  /** Job id of the emulator's "PetInsure360 Pipeline". */
  pipelineJobId: string;
  /** Workspace URL by workspace id, where workspaces have URLs of their own (the emulator's); `host` otherwise. */
  hosts?: Record<string, string>;
}

const USAGE_TOKEN_NAME = 'Daily usage collection job';

const customersOf = (cops: SeededCop[]): SeededCustomer[] => [...new Set(cops.map((cop) => cop.customer))];

/** One Databricks integration per customer (PAT sealed with the SecretBox) and a workspace mapping per CoP. */
export async function seedIntegrations(
  prisma: PrismaClient,
  cops: SeededCop[],
  databricks: DatabricksSettings,
  secretBox: SecretBox,
) {
  const customers = customersOf(cops);
  const existing = await prisma.integration.findMany({
    where: { customerId: { in: customers.map((c) => c.id) }, type: 'DATABRICKS' },
    select: { customerId: true },
  });
  const toCreate = missing(
    customers,
    existing.map((i) => i.customerId),
    (c) => c.id,
  );
  for (const customer of toCreate) {
    const config = databricksConfigSchema.parse({
      host: databricks.hosts?.[customer.spec.workspaces[0].id] ?? databricks.host,
      authType: 'PAT',
      warehouseId: 'ab12cd34ef56ab78',
      pipelineJobId: databricks.pipelineJobId,
      notebookPaths: {
        bronze: '/PetInsure360/01_bronze_ingestion',
        silver: '/PetInsure360/02_silver_transformations',
        gold: '/PetInsure360/03_gold_aggregations',
      },
      servingEndpoints: { advisor: 'cop_advisor', summarizer: 'survey_summarizer' },
      catalogPrefix: customer.spec.catalog,
    });
    const secrets: SealedSecrets = { token: secretBox.seal(databricks.token) };
    await prisma.integration.create({
      data: {
        customerId: customer.id,
        type: 'DATABRICKS',
        displayName: `${customer.spec.name} Databricks`,
        config,
        secrets,
      },
    });
  }

  const integrations = await prisma.integration.findMany({
    where: { customerId: { in: customers.map((c) => c.id) }, type: 'DATABRICKS' },
    select: { id: true, customerId: true, config: true },
  });
  const mappings = cops.map((cop) => {
    const integration = integrations.find((i) => i.customerId === cop.customer.id)!;
    const workspace = cop.customer.spec.workspaces[cop.spec.workspace];
    return {
      integrationId: integration.id,
      copId: cop.id,
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      workspaceUrl: (integration.config as { host: string }).host,
      defaultCatalog: cop.customer.spec.catalog,
      defaultSchema: 'gold',
    };
  });
  const present = await prisma.workspaceMapping.findMany({
    where: { integrationId: { in: integrations.map((i) => i.id) } },
    select: { integrationId: true, workspaceId: true, copId: true },
  });
  const key = (m: { integrationId: string; workspaceId: string; copId: string | null }) =>
    `${m.integrationId}/${m.workspaceId}/${m.copId}`;
  await prisma.workspaceMapping.createMany({ data: missing(mappings, present.map(key), key) });
}

/** A service token per customer for the daily usage job; the plain value exists only in the returned list. */
export async function seedServiceTokens(prisma: PrismaClient, cops: SeededCop[]) {
  const customers = customersOf(cops);
  const existing = await prisma.serviceToken.findMany({
    where: { customerId: { in: customers.map((c) => c.id) }, name: USAGE_TOKEN_NAME, revokedAt: null },
    select: { customerId: true },
  });
  const issued: { customer: string; token: string }[] = [];
  for (const customer of missing(
    customers,
    existing.map((t) => t.customerId),
    (c) => c.id,
  )) {
    const { token, tokenHash, prefix } = generateServiceToken();
    await prisma.serviceToken.create({
      data: { customerId: customer.id, name: USAGE_TOKEN_NAME, tokenHash, prefix, role: 'SYSTEM' },
    });
    issued.push({ customer: customer.spec.name, token });
  }
  return issued;
}

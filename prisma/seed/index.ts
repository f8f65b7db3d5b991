import { hashPassword } from '@cop-os/api/auth/passwords';
import { SecretBox } from '@cop-os/api/auth/secret-box';
import type { PrismaClient } from '@cop-os/api/db/prisma';
import { seedActivity } from './activity.js';
import { seedChampions, seedDiscussions, seedUseCases } from './engagement.js';
import { seedContent, seedEvents } from './events-and-content.js';
import { type DatabricksSettings, seedIntegrations, seedServiceTokens } from './integrations.js';
import { seedKpis } from './kpis.js';
import { DEMO_PASSWORD, seedPeople } from './people.js';
import { startOfUtcDay } from './rows.js';
import { seedSurveys } from './surveys.js';
import { seedTenants } from './tenants.js';

export { DEMO_PASSWORD, type DemoAccount, demoAccounts } from './people.js';

export interface SeedOptions {
  /** `SECRETS_KEY`: seals the integrations' tokens. */
  secretsKey: string;
  /** Where the seeded integrations point; the local emulator and its default token unless given. */
  databricks?: Partial<DatabricksSettings>;
  /** The day dates are relative to (events, KPIs, responses); today by default. */
  today?: Date;
}

export interface SeedResult {
  /** Service tokens created by this run, in plain text; they cannot be shown again. */
  serviceTokens: { customer: string; token: string }[];
}

export const DEFAULT_DATABRICKS: DatabricksSettings = {
  host: 'https://127.0.0.1:8443',
  token: 'dapi-emulator-token',
  pipelineJobId: '1001',
};

/**
 * Loads the demo data: two customers, six CoPs and their community, 90 days of MAP and NPS, integrations and demo
 * accounts. Idempotent: rows are found by natural key (customer name, e-mail, CoP name, title, KPI key) and only
 * missing ones are inserted, so a second run changes nothing. Deterministic: values come from seeded PRNGs.
 */
export async function seed(prisma: PrismaClient, options: SeedOptions): Promise<SeedResult> {
  const today = startOfUtcDay(options.today ?? new Date());
  const given = options.databricks ?? {};
  const databricks: DatabricksSettings = {
    host: given.host ?? DEFAULT_DATABRICKS.host,
    token: given.token ?? DEFAULT_DATABRICKS.token,
    pipelineJobId: given.pipelineJobId ?? DEFAULT_DATABRICKS.pipelineJobId,
    hosts: given.hosts,
  };
  const cops = await seedTenants(prisma, today);
  const people = await seedPeople(prisma, cops, await hashPassword(DEMO_PASSWORD), today);
  const [serviceTokens] = await Promise.all([
    seedServiceTokens(prisma, cops),
    seedIntegrations(prisma, cops, databricks, new SecretBox(options.secretsKey)),
    seedEvents(prisma, cops, people, today),
    seedContent(prisma, cops, people),
    seedUseCases(prisma, cops, people),
    seedChampions(prisma, cops, people, today),
    seedDiscussions(prisma, cops, people, today),
    seedSurveys(prisma, cops, people, today),
  ]);
  // From the activity of the community seeded above: who attended and viewed what, then MAP and NPS.
  await seedActivity(prisma, cops, people, today);
  await seedKpis(prisma, cops, today);
  return { serviceTokens };
}

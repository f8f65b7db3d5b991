// Operating a Databricks integration: check that it works end to end, and pull a day of usage through it.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLError } from 'graphql';
import { DEFAULT_ENDPOINTS } from '../ai/serving-target.js';
import { ownedByViewer } from '../auth/tenancy.js';
import { ADMIN_ROLES } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { currentUser, listServingEndpoints, listWarehouses } from '../databricks/api/compute.js';
import { DatabricksError } from '../databricks/errors.js';
import type { WorkspaceConnection } from '../databricks/registry.js';
import { appError, badInput, forbidden } from '../errors.js';
import type { Integration as IntegrationRow } from '../generated/prisma/client.js';
import { type DatabricksConfig, databricksConfigSchema } from '../integrations/databricks-config.js';
import { INGEST_ROLES, mayIngestFor } from '../usage/access.js';
import { UsageAttributionError } from '../usage/ingest.js';
import { syncCustomerUsage, yesterday } from '../usage-sync/sync.js';
import { builder } from './builder.js';
import { Customer } from './customer.js';
import { remote } from './databricks/remote.js';
import { Integration } from './integration.js';
import { found } from './ownership.js';

interface CheckStep {
  step: string;
  ok: boolean;
  message: string;
  durationMs: number;
  code: string | null;
}

/** A check that failed for a reason of its own (not a Databricks error), with a code a client can branch on. */
class CheckFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Runs one step; a failure is reported with its typed reason, never thrown. */
async function step(name: string, check: () => Promise<string>): Promise<CheckStep> {
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  try {
    return { step: name, ok: true, message: await remote(check), durationMs: durationMs(), code: null };
  } catch (error) {
    // `remote` turned Databricks failures into errors carrying their GraphQL code.
    const code =
      error instanceof CheckFailure ? error.code : String((error as GraphQLError).extensions?.code ?? 'CHECK_FAILED');
    return { step: name, ok: false, message: (error as Error).message, durationMs: durationMs(), code };
  }
}

const skipped = (names: string[], because: string): CheckStep[] =>
  names.map((name) => ({ step: name, ok: false, message: `Not checked: ${because}.`, durationMs: 0, code: 'SKIPPED' }));

const AUTH_LABELS: Record<DatabricksConfig['authType'], string> = {
  PAT: 'The workspace accepted the personal access token.',
  OAUTH_M2M: 'Obtained an OAuth token for the service principal and the workspace accepted it.',
  AZURE_SP: 'Obtained an Azure AD token for the service principal and the workspace accepted it.',
};

/**
 * Credentials, workspace, SQL warehouse (REST state and `SELECT 1` through the driver) and serving endpoints,
 * in that order; steps that cannot succeed once an earlier one failed are reported as skipped.
 * Calls go straight to Databricks, never through the cache: this is a live check.
 */
async function checkDatabricksIntegration(ctx: Context, integration: IntegrationRow): Promise<CheckStep[]> {
  const config = databricksConfigSchema.safeParse(integration.config).data;
  let connection: WorkspaceConnection | undefined;
  const credentials = await step('credentials', async () => {
    connection = ctx.databricksGateway.registry.forIntegration(integration);
    await currentUser(connection.rest);
    return AUTH_LABELS[config?.authType ?? 'PAT'];
  });
  if (!credentials.ok || !connection || !config) {
    return [
      credentials,
      ...skipped(['workspace', 'warehouse', 'sqlQuery', 'servingEndpoints'], 'the credentials step failed'),
    ];
  }
  const conn = connection;
  const workspace = await step('workspace', async () => {
    const me = await currentUser(conn.rest);
    return `Reached ${conn.host} as ${me.userName}${me.displayName ? ` (${me.displayName})` : ''}.`;
  });
  if (!workspace.ok)
    return [
      credentials,
      workspace,
      ...skipped(['warehouse', 'sqlQuery', 'servingEndpoints'], 'the workspace is unreachable'),
    ];
  const warehouseId = config.warehouseId;
  const sql = conn.sql;
  const [warehouse, sqlQuery] =
    warehouseId && sql
      ? [
          await step('warehouse', async () => {
            const match = (await listWarehouses(conn.rest)).find((candidate) => candidate.id === warehouseId);
            if (!match)
              throw new DatabricksError('NOT_FOUND', `SQL warehouse ${warehouseId} does not exist in this workspace.`);
            if (/^DELET/.test(match.state))
              throw new CheckFailure('WAREHOUSE_DELETED', `SQL warehouse "${match.name}" is ${match.state}.`);
            return `SQL warehouse "${match.name}" is ${match.state}${match.state === 'STOPPED' ? ' (it starts on the first query)' : ''}.`;
          }),
          await step('sqlQuery', async () => {
            const { rows } = await sql.query<{ ok: number }>({ sql: 'SELECT 1 AS ok', rowLimit: 1 });
            if (Number(rows[0]?.ok) !== 1) throw new CheckFailure('UNEXPECTED_RESULT', 'SELECT 1 did not return 1.');
            return 'SELECT 1 ran on the warehouse through the SQL driver.';
          }),
        ]
      : [
          {
            step: 'warehouse',
            ok: false,
            message: 'No SQL warehouse is configured: usage and CRM need one.',
            durationMs: 0,
            code: 'NOT_CONFIGURED',
          },
          ...skipped(['sqlQuery'], 'no SQL warehouse is configured'),
        ];
  const servingEndpoints = await step('servingEndpoints', async () => {
    const wanted = [
      config.servingEndpoints?.advisor ?? DEFAULT_ENDPOINTS.advisor,
      config.servingEndpoints?.summarizer ?? DEFAULT_ENDPOINTS.summarizer,
    ];
    const endpoints = new Map((await listServingEndpoints(conn.rest)).map((endpoint) => [endpoint.name, endpoint]));
    const missing = wanted.filter((name) => !endpoints.has(name));
    const notReady = wanted.filter((name) => endpoints.has(name) && endpoints.get(name)?.state?.ready !== 'READY');
    if (missing.length)
      throw new DatabricksError('NOT_FOUND', `Serving endpoint ${missing.join(' and ')} does not exist.`);
    if (notReady.length)
      throw new CheckFailure('NOT_READY', `Serving endpoint ${notReady.join(' and ')} is not ready.`);
    return `Serving endpoints ${wanted.join(' and ')} are ready.`;
  });
  return [credentials, workspace, warehouse, sqlQuery, servingEndpoints];
}

const IntegrationCheckStep = builder.simpleObject('IntegrationCheckStep', {
  fields: (t) => ({
    step: t.string({ description: 'credentials, workspace, warehouse, sqlQuery or servingEndpoints.' }),
    ok: t.boolean(),
    message: t.string(),
    durationMs: t.int(),
    code: t.string({
      nullable: true,
      description: 'Why it failed: DATABRICKS_AUTH, DATABRICKS_UNAVAILABLE, NOT_FOUND, NOT_CONFIGURED, SKIPPED, …',
    }),
  }),
});

const IntegrationCheck = builder.simpleObject('IntegrationCheck', {
  fields: (t) => ({
    ok: t.boolean({ description: 'Every step passed.' }),
    checkedAt: t.field({ type: 'DateTime' }),
    steps: t.field({ type: [IntegrationCheckStep] }),
  }),
});

const PlatformUsageSync = builder.simpleObject('PlatformUsageSync', {
  fields: (t) => ({
    date: t.field({ type: 'Date' }),
    processed: t.int({ description: 'KPI rows written.' }),
    copIds: t.idList({ description: 'The CoPs whose KPIs were written.' }),
    warnings: t.stringList({ description: 'Integrations that could not be read, and why.' }),
  }),
});

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

builder.mutationFields((t) => ({
  testIntegration: t.field({
    type: IntegrationCheck,
    description: 'Checks a Databricks integration step by step; a failing step is reported, not thrown.',
    authScopes: { role: ADMIN_ROLES },
    args: { id: t.arg.globalID({ for: Integration }) },
    resolve: async (_root, { id }, ctx) => {
      const integration = found(
        await ctx.prisma.integration.findFirst({ where: { id: id.id, ...ownedByViewer(ctx.viewer) } }),
        'Integration',
      );
      if (integration.type !== 'DATABRICKS') throw badInput('Only Databricks integrations can be tested.', 'id');
      const steps = await checkDatabricksIntegration(ctx, integration);
      return { ok: steps.every((s) => s.ok), checkedAt: new Date(), steps };
    },
  }),
  syncPlatformUsage: t.field({
    type: PlatformUsageSync,
    description:
      'Copies one day of usage (DBU, active users, jobs, queries, model requests) from the system tables of every ' +
      'mapped workspace into the CoPs’ KPIs; replaying a day overwrites it. The daily schedule runs it for yesterday.',
    authScopes: { role: INGEST_ROLES },
    args: {
      customerId: t.arg.globalID({ for: Customer }),
      date: t.arg({ type: 'Date', required: false, description: 'The day to sync; defaults to yesterday (UTC).' }),
    },
    resolve: async (_root, { customerId, date }, ctx) => {
      if (!ctx.viewer || !mayIngestFor(ctx.viewer, customerId.id))
        throw forbidden('That customer belongs to another tenant.');
      const day = date ? isoDay(date) : yesterday();
      if (day >= isoDay(new Date()))
        throw badInput('Only days that are over can be synced: pick a date before today.', 'date');
      try {
        const result = await remote(() =>
          syncCustomerUsage({ prisma: ctx.prisma, registry: ctx.databricksGateway.registry }, customerId.id, day),
        );
        return {
          ...result,
          date: new Date(`${day}T00:00:00Z`),
          copIds: result.copIds.map((copId) => encodeGlobalID('Cop', copId)),
        };
      } catch (error) {
        if (error instanceof UsageAttributionError)
          throw appError('NOT_FOUND', error.message, { reason: error.reason });
        throw error;
      }
    },
  }),
}));

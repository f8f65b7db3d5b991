// Checks a Databricks integration end to end, step by step, straight against the workspace (never the cache).
import { DEFAULT_ENDPOINTS } from '../ai/serving-target.js';
import { currentUser, listServingEndpoints, listWarehouses } from '../databricks/api/compute.js';
import { DatabricksError } from '../databricks/errors.js';
import type { WorkspaceConnection } from '../databricks/registry.js';
import { describeError } from '../errors.js';
import type { Integration } from '../generated/prisma/client.js';
import { type DatabricksConfig, databricksConfigSchema } from './databricks-config.js';

/** One step of a live check, as `testIntegration` reports it. */
export interface CheckStep {
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
export async function step(name: string, check: () => Promise<string>): Promise<CheckStep> {
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  try {
    return { step: name, ok: true, message: await check(), durationMs: durationMs(), code: null };
  } catch (error) {
    const code = error instanceof CheckFailure ? error.code : (describeError(error)?.code ?? 'CHECK_FAILED');
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
 * in that order, each yielded as soon as it is known (the web app shows them live); steps that cannot succeed
 * once an earlier one failed are reported as skipped. Calls go straight to Databricks, never through the cache.
 */
export async function* databricksCheckSteps(
  integration: Pick<Integration, 'config'>,
  connect: () => WorkspaceConnection,
): AsyncGenerator<CheckStep> {
  const config = databricksConfigSchema.safeParse(integration.config).data;
  let connection: WorkspaceConnection | undefined;
  const credentials = await step('credentials', async () => {
    connection = connect();
    await currentUser(connection.rest);
    return AUTH_LABELS[config?.authType ?? 'PAT'];
  });
  yield credentials;
  if (!credentials.ok || !connection || !config) {
    yield* skipped(['workspace', 'warehouse', 'sqlQuery', 'servingEndpoints'], 'the credentials step failed');
    return;
  }
  const conn = connection;
  const workspace = await step('workspace', async () => {
    const me = await currentUser(conn.rest);
    return `Reached ${conn.host} as ${me.userName}${me.displayName ? ` (${me.displayName})` : ''}.`;
  });
  yield workspace;
  if (!workspace.ok) {
    yield* skipped(['warehouse', 'sqlQuery', 'servingEndpoints'], 'the workspace is unreachable');
    return;
  }
  const warehouseId = config.warehouseId;
  const sql = conn.sql;
  if (warehouseId && sql) {
    yield await step('warehouse', async () => {
      const match = (await listWarehouses(conn.rest)).find((candidate) => candidate.id === warehouseId);
      if (!match)
        throw new DatabricksError('NOT_FOUND', `SQL warehouse ${warehouseId} does not exist in this workspace.`);
      if (/^DELET/.test(match.state))
        throw new CheckFailure('WAREHOUSE_DELETED', `SQL warehouse "${match.name}" is ${match.state}.`);
      return `SQL warehouse "${match.name}" is ${match.state}${match.state === 'STOPPED' ? ' (it starts on the first query)' : ''}.`;
    });
    yield await step('sqlQuery', async () => {
      const { rows } = await sql.query<{ ok: number }>({ sql: 'SELECT 1 AS ok', rowLimit: 1 });
      if (Number(rows[0]?.ok) !== 1) throw new CheckFailure('UNEXPECTED_RESULT', 'SELECT 1 did not return 1.');
      return 'SELECT 1 ran on the warehouse through the SQL driver.';
    });
  } else {
    yield {
      step: 'warehouse',
      ok: false,
      message: 'No SQL warehouse is configured: usage and CRM need one.',
      durationMs: 0,
      code: 'NOT_CONFIGURED',
    };
    yield* skipped(['sqlQuery'], 'no SQL warehouse is configured');
  }
  yield await step('servingEndpoints', async () => {
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
}

/** Every step of the Databricks check, once all are done (what `testIntegration` answers). */
export async function checkDatabricksIntegration(
  integration: Pick<Integration, 'config'>,
  connect: () => WorkspaceConnection,
): Promise<CheckStep[]> {
  const steps: CheckStep[] = [];
  for await (const done of databricksCheckSteps(integration, connect)) steps.push(done);
  return steps;
}

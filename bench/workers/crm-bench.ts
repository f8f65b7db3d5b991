/**
 * The CRM bench's measuring process (started with the emulator's CA in NODE_EXTRA_CA_CERTS, which the SQL driver
 * reads only at process start): the real app in-process (yoga.fetch, as the api's tests drive it) next to the
 * official driver alone, over the same emulated warehouse. Prints one JSON line of results.
 * Arguments: <database url> <emulator url> <emulator token>.
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '@cop-os/api/app';
import { loadConfig } from '@cop-os/api/config';
import { createCredentialProvider } from '@cop-os/api/databricks/credentials';
import { DatabricksSqlClient } from '@cop-os/api/databricks/sql-client';
import { createAppDeps } from '@cop-os/api/deps';
import { encodeGlobalID } from '@pothos/plugin-relay';
import pino from 'pino';
import { summarize } from '../lib/stats.js';

const [databaseUrl, emulatorUrl, token] = process.argv.slice(2) as [string, string, string];
const WAREHOUSE = 'ab12cd34ef56ab78';
const WORKSPACE = '1001001001001001';
const ITERATIONS = Number(process.env.CRM_BENCH_ITERATIONS ?? 20);
// `CRM_BENCH_PHASES=nested` (comma-separated: nested, search, import) runs only those, e.g. under `--cpu-prof`.
const PHASES = new Set((process.env.CRM_BENCH_PHASES ?? 'nested,search,import').split(','));

// An account book of 10,000 accounts with their rows is ~10 MB: above the default body limit (1 MB).
const config = loadConfig({
  ...process.env,
  DATABASE_URL: databaseUrl,
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  MAX_BODY_BYTES: '64000000',
});
const appDeps = (arrow: boolean) =>
  createAppDeps(config, { log: pino({ level: 'silent' }), databricks: { statementTimeoutMs: 120_000, arrow } });
const deps = appDeps(true);
const app = buildApp(deps);
// The same api with the driver's Arrow off (column-based results), for the nested query only.
const columnsDeps = appDeps(false);
const columnsApp = buildApp(columnsDeps);
const admin = await deps.prisma.user.findFirstOrThrow({ where: { role: 'CUSTOMER_ADMIN' }, orderBy: { email: 'asc' } });
const session = await deps.sessions.sign(admin.id);
const driver = (arrow: boolean) =>
  new DatabricksSqlClient({
    host: emulatorUrl,
    warehouseId: WAREHOUSE,
    credentials: createCredentialProvider({ authType: 'PAT', token }),
    statementTimeoutMs: 120_000,
    arrow,
  });
const direct = driver(true);
// The same statement with Arrow turned off in the driver: the emulator answers column-based.
const directColumns = driver(false);

async function graphql(query: string, variables: Record<string, unknown>, target = app): Promise<any> {
  const response = await target.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body.data;
}

async function importDocument(ws: string, document: object): Promise<any> {
  const body = new FormData();
  body.set(
    'operations',
    JSON.stringify({
      query: `mutation($ws: ID!, $file: File!) { importCrm(workspaceId: $ws, file: $file) {
        tables { table inserted updated rejected } } }`,
      variables: { ws, file: null },
    }),
  );
  body.set('map', JSON.stringify({ 0: ['variables.file'] }));
  body.set('0', new File([JSON.stringify(document)], 'crm.json', { type: 'application/json' }));
  const response = await app.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { authorization: `Bearer ${session}`, 'x-graphql-yoga-csrf': 'on' },
    body,
  });
  const result = (await response.json()) as { data?: any; errors?: unknown[] };
  if (result.errors) throw new Error(JSON.stringify(result.errors).slice(0, 500));
  return result.data.importCrm;
}

/** A CRM of its own (catalog `catalog`) for one phase: an integration of the admin's customer and its mapping. */
async function crmWorkspace(catalog: string) {
  const integration = await deps.prisma.integration.create({
    data: {
      customerId: admin.customerId!,
      type: 'DATABRICKS',
      displayName: `Bench ${catalog}`,
      config: { host: emulatorUrl, authType: 'PAT', warehouseId: WAREHOUSE, crm: { catalog } },
      secrets: { token: deps.secretBox.seal(token) },
      workspaceMappings: {
        create: { workspaceId: WORKSPACE, workspaceName: catalog, workspaceUrl: emulatorUrl },
      },
    },
    include: { workspaceMappings: true },
  });
  const ws = encodeGlobalID('DatabricksWorkspace', integration.workspaceMappings[0]!.id);
  // First use: the tables and the sample book.
  await graphql('query($ws: ID!) { crmAccounts(workspaceId: $ws, first: 1) { edges { cursor } } }', { ws });
  const statements = () => deps.databricksGateway.registry.forIntegration(integration).sql!.statements;
  return { ws, statements };
}

/** An account book of `count` accounts, each with 5 statuses, 2 use cases and 3 updates. */
function book(count: number, prefix: string) {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(6, '0')}`);
  return {
    accounts: ids.map((bsnid, i) => ({
      bsnid,
      team: `Team ${i}`,
      businessArea: ['Claims', 'Finance', 'Marketing', 'Operations'][i % 4],
      vp: `VP ${i % 50}`,
      admin: `Admin ${i % 200}`,
    })),
    platformStatuses: ids.flatMap((bsnid) =>
      ['Databricks', 'Power BI', 'Azure ML', 'Fabric', 'ADF'].map((platform, p) => ({
        id: `${bsnid}-s${p}`,
        accountBsnid: bsnid,
        platform,
        status: ['Active', 'Onboarding', 'Scaling'][p % 3],
      })),
    ),
    useCases: ids.flatMap((bsnid, i) =>
      [0, 1].map((k) => ({
        id: `${bsnid}-u${k}`,
        accountBsnid: bsnid,
        problem: `Problem ${i}-${k}`,
        status: 'Pilot',
      })),
    ),
    updates: ids.flatMap((bsnid) =>
      [0, 1, 2].map((k) => ({
        id: `${bsnid}-n${k}`,
        accountBsnid: bsnid,
        author: 'Bench',
        date: `2026-11-0${k + 1}`,
        description: 'Progress',
      })),
    ),
  };
}

const timed = async <T>(task: () => Promise<T>): Promise<[number, T]> => {
  const start = performance.now();
  const value = await task();
  return [performance.now() - start, value];
};

// 1. 1,000 accounts with their statuses, use cases and updates in one query, against one hand-written statement.
async function nestedPhase() {
  const nested = await crmWorkspace('bench_nested');
  await importDocument(nested.ws, book(995, 'BN'));
  const NESTED = `query($ws: ID!) { crmAccounts(workspaceId: $ws, first: 1000) { edges { node { bsnid team
    platformStatuses { edges { node { platform status } } } useCases { edges { node { problem status } } }
    updates { edges { node { date description } } } } } } }`;
  const HAND = `SELECT 'account' AS kind, bsnid AS account_bsnid, team AS a, business_area AS b FROM bench_nested.main.accounts
    UNION ALL SELECT 'status', account_bsnid, platform, status FROM bench_nested.main.platforms_status
    UNION ALL SELECT 'use_case', account_bsnid, problem, status FROM bench_nested.main.use_cases
    UNION ALL SELECT 'update', account_bsnid, CAST(\`date\` AS STRING), description FROM bench_nested.main.updates`;
  const gatewaySamples: number[] = [];
  const handSamples: number[] = [];
  const columnSamples: number[] = [];
  const gatewayColumnSamples: number[] = [];
  let statementsPerRequest = 0;
  let accounts = 0;
  for (let i = 0; i < ITERATIONS + 2; i++) {
    const before = nested.statements();
    const [gatewayMs, data] = await timed(() => graphql(NESTED, { ws: nested.ws }));
    statementsPerRequest = nested.statements() - before;
    accounts = data.crmAccounts.edges.length;
    const [handMs] = await timed(() => direct.query({ sql: HAND, rowLimit: 99_999 }));
    const [columnMs] = await timed(() => directColumns.query({ sql: HAND, rowLimit: 99_999 }));
    const [gatewayColumnMs] = await timed(() => graphql(NESTED, { ws: nested.ws }, columnsApp));
    // The first two rounds warm every path (sessions, JIT).
    if (i >= 2) {
      gatewaySamples.push(gatewayMs);
      handSamples.push(handMs);
      columnSamples.push(columnMs);
      gatewayColumnSamples.push(gatewayColumnMs);
    }
  }
  return {
    accounts,
    statementsPerRequest,
    gateway: summarize(gatewaySamples),
    hand: summarize(handSamples),
    handColumns: summarize(columnSamples),
    gatewayColumns: summarize(gatewayColumnSamples),
  };
}

// 2. Search over 100,000 accounts (and their use cases).
async function searchPhase() {
  const search = await crmWorkspace('bench_search');
  const [loadMs] = await timed(async () => {
    await direct.query({
      sql: `INSERT INTO bench_search.main.accounts SELECT 'BS-' || lpad(CAST(i AS STRING), 6, '0'), 'Team ' || CAST(i AS STRING),
        CASE i % 4 WHEN 0 THEN 'Claims' WHEN 1 THEN 'Finance' WHEN 2 THEN 'Marketing' ELSE 'Operations' END,
        'VP ' || CAST(i % 50 AS STRING), 'Admin ' || CAST(i % 200 AS STRING), NULL, NULL, NULL,
        current_timestamp(), current_timestamp() FROM range(100000) AS r(i)`,
    });
    await direct.query({
      sql: `INSERT INTO bench_search.main.use_cases SELECT 'BSU-' || CAST(i AS STRING), 'BS-' || lpad(CAST(i AS STRING), 6, '0'),
        'Problem number ' || CAST(i AS STRING), NULL, NULL, 'Pilot', NULL, NULL, current_timestamp(), current_timestamp()
        FROM range(100000) AS r(i)`,
    });
  });
  const SEARCH = `query($ws: ID!, $q: String) { crmAccounts(workspaceId: $ws, search: $q, first: 20) {
    edges { node { bsnid team } } } }`;
  const terms = ['team 4242', 'PROBLEM NUMBER 99999', 'admin 17', 'marketing', 'no such account'];
  const searchSamples: number[] = [];
  for (let i = 0; i < ITERATIONS * 5 + 5; i++) {
    const [searchMs] = await timed(() => graphql(SEARCH, { ws: search.ws, q: terms[i % terms.length] }));
    if (i >= 5) searchSamples.push(searchMs);
  }
  return { accounts: 100_000 + 5, loadMs, latency: summarize(searchSamples) };
}

// 3. Import of 10,000 accounts with their rows.
async function importPhase() {
  const imported = await crmWorkspace('bench_import');
  const document = book(10_000, 'BI');
  const rows = Object.values(document).reduce((sum, list) => sum + list.length, 0);
  const [ms, report] = await timed(() => importDocument(imported.ws, document));
  return { accounts: 10_000, rows, ms, report };
}

console.log(
  JSON.stringify({
    nested: PHASES.has('nested') ? await nestedPhase() : undefined,
    search: PHASES.has('search') ? await searchPhase() : undefined,
    import: PHASES.has('import') ? await importPhase() : undefined,
  }),
);
await direct.close();
await directColumns.close();
await deps.prisma.$disconnect();
await columnsDeps.prisma.$disconnect();
await columnsDeps.databricksGateway.registry.close();
await deps.databricksGateway.registry.close();
process.exit(0);

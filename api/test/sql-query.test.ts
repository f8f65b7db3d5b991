import { DBSQLClient, DBSQLLogger, LogLevel } from '@databricks/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSqlQuery, SqlQueryCache } from '../src/sql-query/service.js';
import { connectEmulator, EMULATOR_WAREHOUSE_ID } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createPlatformAdmin, createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const WORKSPACE = '5550001112223334';
const OTHER_WORKSPACE = '5550001112223335';
const api = createTestApi({ SQL_QUERY_TIMEOUT_MS: '800', SQL_QUERY_CACHE_TTL_SECONDS: '60' });
const emulator = testEmulator();
type Tenant = Awaited<ReturnType<typeof createTenant>>;
let tenant: Tenant;
let other: Tenant;
let tokens: Record<string, string>;
let catalog: string;
let otherCatalog: string;

const QUERY = `query($ws: String!, $catalog: String!, $schema: String!, $statement: String!, $parameters: JSON, $offset: Int, $limit: Int) {
  sqlQuery(workspaceId: $ws, catalog: $catalog, schema: $schema, statement: $statement, parameters: $parameters, offset: $offset, limit: $limit) {
    columns rows totalRows offset hasMore truncated cached ageSeconds statement } }`;

const sqlQuery = (
  role: string,
  variables: {
    statement: string;
    schema?: string;
    catalog?: string;
    ws?: string;
    parameters?: object;
    offset?: number;
    limit?: number;
  },
) => api.graphql(QUERY, { ws: WORKSPACE, catalog, schema: 'gold', ...variables }, tokens[role]);

async function asWorkspaceAdmin(statement: string) {
  const url = new URL(emulator.url);
  const client = new DBSQLClient({ logger: new DBSQLLogger({ level: LogLevel.error }) });
  await client.connect({
    host: url.hostname,
    port: Number(url.port),
    path: `/sql/1.0/warehouses/${EMULATOR_WAREHOUSE_ID}`,
    token: emulator.token,
  });
  const session = await client.openSession();
  try {
    const operation = await session.executeStatement(statement);
    await operation.fetchAll();
    await operation.close();
  } finally {
    await session.close();
    await client.close();
  }
}

async function initialize(t: Tenant, workspaceId: string) {
  await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: t.customer.id,
    mappings: [{ workspaceId, copId: t.cop.id }],
  });
  const token = await api.tokenFor(t.users.CUSTOMER_ADMIN.id);
  const result = await api.graphql(
    'mutation($id: ID!) { initializeTenantCatalog(customerId: $id) { tenantCatalog { name } } }',
    { id: t.ids.customer },
    token,
  );
  expect(result.errors).toBeUndefined();
  return result.data?.initializeTenantCatalog.tenantCatalog.name as string;
}

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Queried');
  other = await createTenant(api.prisma, 'Elsewhere');
  const admin = await createPlatformAdmin(api.prisma);
  tokens = {
    ADMIN: await api.tokenFor(admin.id),
    ...Object.fromEntries(
      await Promise.all(Object.entries(tenant.users).map(async ([role, user]) => [role, await api.tokenFor(user.id)])),
    ),
    OTHER: await api.tokenFor(other.users.DATA_ENGINEER.id),
  };
  catalog = await initialize(tenant, WORKSPACE);
  otherCatalog = await initialize(other, OTHER_WORKSPACE);
  await asWorkspaceAdmin(
    `CREATE TABLE \`${catalog}\`.gold.kpis AS SELECT range AS id, 'kpi ' || range AS label FROM range(5)`,
  );
  await asWorkspaceAdmin(`CREATE TABLE \`${catalog}\`.silver.events AS SELECT 1 AS id`);
  await asWorkspaceAdmin(`CREATE TABLE \`${otherCatalog}\`.gold.kpis AS SELECT 99 AS id`);
});
afterAll(() => api.close());

describe('Query.sqlQuery', () => {
  it('pages a result, then serves the next page from cache with its age', async () => {
    const statement = 'SELECT id, label FROM kpis WHERE id >= :min ORDER BY id';
    const first = await sqlQuery('ANALYST', { statement, parameters: { min: 0 }, limit: 2 });
    expect(first.errors).toBeUndefined();
    expect(first.data?.sqlQuery).toMatchObject({
      columns: ['id', 'label'],
      rows: [
        [0, 'kpi 0'],
        [1, 'kpi 1'],
      ],
      totalRows: 5,
      hasMore: true,
      truncated: false,
      cached: false,
      statement: `SELECT id, label FROM \`${catalog}\`.\`gold\`.\`kpis\` WHERE id >= :min ORDER BY id`,
    });
    const next = await sqlQuery('ANALYST', { statement, parameters: { min: 0 }, offset: 4, limit: 2 });
    expect(next.data?.sqlQuery).toMatchObject({ rows: [[4, 'kpi 4']], hasMore: false, cached: true, offset: 4 });
    expect(next.data?.sqlQuery.ageSeconds).toBeGreaterThanOrEqual(0);
    const otherValue = await sqlQuery('ANALYST', { statement, parameters: { min: 3 } });
    expect(otherValue.data?.sqlQuery).toMatchObject({ totalRows: 2, cached: false });
  });

  it('limits analysts to gold and lets engineers read any schema of the tenant catalog', async () => {
    const silver = { statement: 'SELECT * FROM events', schema: 'silver' };
    const refused = await sqlQuery('ANALYST', silver);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', refused: `${catalog}.silver` });
    const qualified = await sqlQuery('ANALYST', { statement: `SELECT * FROM ${catalog}.silver.events` });
    expect(qualified.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const role of ['DATA_ENGINEER', 'CUSTOMER_ADMIN', 'ADMIN']) {
      const read = await sqlQuery(role, silver);
      expect(read.errors, role).toBeUndefined();
      expect(read.data?.sqlQuery.rows, role).toEqual([[1]]);
    }
  });

  it('refuses another catalog in the gateway, writes and other statements by the parser, members entirely', async () => {
    const foreign = await sqlQuery('DATA_ENGINEER', { statement: `SELECT * FROM ${otherCatalog}.gold.kpis` });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', refused: otherCatalog });
    for (const statement of ['DELETE FROM kpis', 'SELECT 1; SELECT 2', "SELECT * FROM read_csv('/etc/passwd')"]) {
      const result = await sqlQuery('DATA_ENGINEER', { statement });
      expect(result.errors?.[0]?.extensions, statement).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'STATEMENT_REFUSED',
      });
    }
    expect((await sqlQuery('MEMBER', { statement: 'SELECT 1' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("treats another tenant's workspace as unknown", async () => {
    const result = await sqlQuery('OTHER', { statement: 'SELECT * FROM kpis' });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('times out after SQL_QUERY_TIMEOUT_MS with DATABRICKS_TIMEOUT', async () => {
    await emulator.injectFaults([{ kind: 'latency', ms: 3_000, pathPrefix: '/sql/1.0', count: 2 }]);
    try {
      const slow = await sqlQuery('DATA_ENGINEER', { statement: 'SELECT count(*) AS n FROM kpis' });
      expect(slow.errors?.[0]?.extensions?.code).toBe('DATABRICKS_TIMEOUT');
    } finally {
      await emulator.clearFaults();
    }
  });

  it('gives up when the caller aborts, caching nothing', async () => {
    const viewer = await api.prisma.user.findUniqueOrThrow({ where: { id: tenant.users.DATA_ENGINEER.id } });
    const cache = new SqlQueryCache(60);
    const services = {
      prisma: api.prisma,
      registry: api.deps.databricksGateway.registry,
      secretBox: api.deps.secretBox,
      datasets: api.deps.datasets,
      cache,
      settings: { timeoutMs: 10_000, cacheTtlSeconds: 60, maxRows: 100 },
    };
    const controller = new AbortController();
    await emulator.injectFaults([{ kind: 'latency', ms: 1_000, pathPrefix: '/sql/1.0', count: 2 }]);
    try {
      const pending = runSqlQuery(
        services,
        { kind: 'user', id: viewer.id, email: viewer.email, role: viewer.role, customerId: viewer.customerId },
        {
          workspaceId: WORKSPACE,
          catalog,
          schema: 'gold',
          statement: 'SELECT max(id) AS top FROM kpis',
          parameters: {},
          offset: 0,
          limit: 10,
          signal: controller.signal,
        },
      );
      setTimeout(() => controller.abort(new Error('client went away')), 100);
      await expect(pending).rejects.toThrow(/client went away/);
      expect(cache.entries.size).toBe(0);
    } finally {
      await emulator.clearFaults();
    }
  });
});

import { DBSQLClient, DBSQLLogger, LogLevel } from '@databricks/sql';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantConnection } from '../src/tenant-catalog/service.js';
import { connectEmulator, EMULATOR_WAREHOUSE_ID } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createPlatformAdmin, createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
const emulator = testEmulator();
const rest = new Agent();
type Tenant = Awaited<ReturnType<typeof createTenant>>;
let tenant: Tenant;
let other: Tenant;
let tokens: Record<string, string>;
let otherAdminToken: string;
let integration: Awaited<ReturnType<typeof connectEmulator>>;

const STATUS = `tenantCatalog { name status initializedAt servicePrincipal schemas { name comment exists }
  grants { securableType securable principal privileges }
  drift { kind securableType securable principal privilege } }`;
const RESULT = `changes alreadyInitialized tenantCatalog { name status drift { kind } }`;

const initialize = (token = tokens.CUSTOMER_ADMIN, id = tenant.ids.customer) =>
  api.graphql(`mutation($id: ID!) { initializeTenantCatalog(customerId: $id) { ${RESULT} } }`, { id }, token);
const repair = (token = tokens.CUSTOMER_ADMIN, id = tenant.ids.customer) =>
  api.graphql(`mutation($id: ID!) { repairTenantCatalog(customerId: $id) { ${RESULT} } }`, { id }, token);
const status = (token = tokens.CUSTOMER_ADMIN, id = tenant.ids.customer) =>
  api.graphql(`query($id: ID!) { customer(id: $id) { ${STATUS} } }`, { id }, token);

/** Runs one statement on the emulator's warehouse through the official driver, as the holder of `token`. */
async function driverSql(statement: string, token = emulator.token) {
  const url = new URL(emulator.url);
  const client = new DBSQLClient({ logger: new DBSQLLogger({ level: LogLevel.error }) });
  await client.connect({
    host: url.hostname,
    port: Number(url.port),
    path: `/sql/1.0/warehouses/${EMULATOR_WAREHOUSE_ID}`,
    token,
  });
  const session = await client.openSession();
  try {
    const operation = await session.executeStatement(statement);
    const rows = await operation.fetchAll();
    await operation.close();
    return rows as Record<string, unknown>[];
  } finally {
    await session.close();
    await client.close();
  }
}

async function scimGroup(displayName: string) {
  const response = await request(
    `${emulator.url}/api/2.0/preview/scim/v2/Groups?filter=${encodeURIComponent(`displayName eq "${displayName}"`)}`,
    { dispatcher: rest, headers: { authorization: `Bearer ${emulator.token}` } },
  );
  const body = (await response.body.json()) as { Resources: { members: { display: string }[] }[] };
  return body.Resources[0];
}

/** Tenant `t`'s stored service principal token, opened (what the gateway holds sealed). */
async function servicePrincipalToken(t: Tenant) {
  const row = await api.prisma.tenantCatalog.findUniqueOrThrow({ where: { customerId: t.customer.id } });
  return api.deps.secretBox.open(row.servicePrincipalToken);
}

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Governed');
  other = await createTenant(api.prisma, 'Neighbour');
  const admin = await createPlatformAdmin(api.prisma);
  tokens = {
    ADMIN: await api.tokenFor(admin.id),
    ...Object.fromEntries(
      await Promise.all(Object.entries(tenant.users).map(async ([role, user]) => [role, await api.tokenFor(user.id)])),
    ),
  };
  otherAdminToken = await api.tokenFor(other.users.CUSTOMER_ADMIN.id);
  integration = await connectEmulator(api.prisma, api.deps.secretBox, { customerId: tenant.customer.id, mappings: [] });
  await connectEmulator(api.prisma, api.deps.secretBox, { customerId: other.customer.id, mappings: [] });
});
afterAll(async () => {
  await rest.close();
  await api.close();
});

const slugOf = (t: Tenant) => t.customer.name.toLowerCase().replace(/[^a-z0-9]+/g, '_');

describe('initializeTenantCatalog', () => {
  it('creates the catalog, schemas with comments, the volume, groups with users by role and the designed grants', async () => {
    const before = await status();
    expect(before.data?.customer.tenantCatalog).toMatchObject({ status: 'NOT_INITIALIZED', initializedAt: null });

    const result = await initialize();
    expect(result.errors).toBeUndefined();
    const slug = slugOf(tenant);
    const catalog = `copos_${slug}`;
    const { changes, alreadyInitialized } = result.data!.initializeTenantCatalog;
    expect(alreadyInitialized).toBe(false);
    expect(changes).toEqual(
      expect.arrayContaining([
        `created catalog ${catalog}`,
        `created schema ${catalog}.gold`,
        `created volume ${catalog}.bronze.uploads`,
        `created group ${slug}_analysts`,
        `granted ALL_PRIVILEGES on catalog ${catalog} to ${slug}_admins`,
      ]),
    );

    const view = (await status()).data?.customer.tenantCatalog;
    expect(view).toMatchObject({ name: catalog, status: 'OK', drift: [] });
    expect(view.initializedAt).toBeTruthy();
    expect(view.schemas.map((s: { name: string; exists: boolean }) => [s.name, s.exists])).toEqual([
      ['bronze', true],
      ['silver', true],
      ['gold', true],
    ]);
    expect(view.schemas.every((s: { comment: string | null }) => s.comment && s.comment.length > 10)).toBe(true);
    const grantsOn = (securable: string) =>
      Object.fromEntries(
        view.grants
          .filter((g: { securable: string }) => g.securable === securable)
          .map((g: { principal: string; privileges: string[] }) => [g.principal, g.privileges]),
      );
    expect(grantsOn(catalog)).toEqual({
      [`${slug}_admins`]: ['ALL_PRIVILEGES'],
      [`${slug}_analysts`]: ['USE_CATALOG'],
      [`${slug}_engineers`]: ['USE_CATALOG'],
    });
    expect(grantsOn(`${catalog}.bronze`)).toEqual({ [`${slug}_engineers`]: ['MODIFY', 'SELECT', 'USE_SCHEMA'] });
    expect(grantsOn(`${catalog}.silver`)).toEqual({ [`${slug}_engineers`]: ['MODIFY', 'SELECT', 'USE_SCHEMA'] });
    expect(grantsOn(`${catalog}.gold`)).toEqual({
      [`${slug}_analysts`]: ['SELECT', 'USE_SCHEMA'],
      [`${slug}_engineers`]: ['SELECT', 'USE_SCHEMA'],
    });

    // The customer's users are in the group of their role, created through SCIM; members of none.
    const members = async (role: string) => (await scimGroup(`${slug}_${role}`)).members.map((m) => m.display);
    expect(await members('analysts')).toEqual([expect.stringMatching(/^ANALYST /)]);
    expect(await members('engineers')).toEqual([expect.stringMatching(/^DATA_ENGINEER /)]);
    expect((await members('admins')).sort()).toEqual([
      expect.stringMatching(/^CUSTOMER_ADMIN /),
      `copos-tenant-${slug}`,
    ]);
  });

  it('is idempotent: a second call changes nothing and says so', async () => {
    const again = await initialize();
    expect(again.errors).toBeUndefined();
    expect(again.data?.initializeTenantCatalog).toMatchObject({
      changes: [],
      alreadyInitialized: true,
      tenantCatalog: { status: 'OK', drift: [] },
    });
  });
});

describe('drift and repair', () => {
  it('detects a REVOKE and an extra GRANT made by hand through the driver, and repair puts both right', async () => {
    const slug = slugOf(tenant);
    const catalog = `copos_${slug}`;
    await driverSql(`REVOKE SELECT ON SCHEMA \`${catalog}\`.gold FROM \`${slug}_analysts\``);
    await driverSql(`GRANT MODIFY ON SCHEMA \`${catalog}\`.gold TO \`${slug}_analysts\``);

    const drifted = (await status()).data?.customer.tenantCatalog;
    expect(drifted.status).toBe('DRIFT');
    expect(drifted.drift).toEqual([
      {
        kind: 'MISSING_PRIVILEGE',
        securableType: 'SCHEMA',
        securable: `${catalog}.gold`,
        principal: `${slug}_analysts`,
        privilege: 'SELECT',
      },
      {
        kind: 'EXTRA_PRIVILEGE',
        securableType: 'SCHEMA',
        securable: `${catalog}.gold`,
        principal: `${slug}_analysts`,
        privilege: 'MODIFY',
      },
    ]);

    const repaired = await repair();
    expect(repaired.errors).toBeUndefined();
    expect(repaired.data?.repairTenantCatalog.changes).toEqual([
      `granted SELECT on schema ${catalog}.gold to ${slug}_analysts`,
      `revoked MODIFY on schema ${catalog}.gold from ${slug}_analysts`,
    ]);
    expect((await status()).data?.customer.tenantCatalog).toMatchObject({ status: 'OK', drift: [] });
  });

  it('refuses to repair a catalog that was never initialized', async () => {
    const result = await repair(otherAdminToken, other.ids.customer);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_INITIALIZED' });
  });
});

describe('tenant SQL as the tenant’s service principal', () => {
  it('reads its own catalog, and the warehouse refuses another tenant’s catalog even when the gateway asks', async () => {
    expect((await initialize(otherAdminToken, other.ids.customer)).errors).toBeUndefined();
    const mine = `copos_${slugOf(tenant)}`;
    const theirs = `copos_${slugOf(other)}`;
    await driverSql(`CREATE TABLE \`${theirs}\`.gold.secrets AS SELECT 42 AS answer`);
    await driverSql(`CREATE TABLE \`${mine}\`.gold.facts AS SELECT 7 AS answer`);

    const token = await servicePrincipalToken(tenant);
    expect(await driverSql(`SELECT answer FROM \`${mine}\`.gold.facts`, token)).toEqual([{ answer: 7 }]);
    await expect(driverSql(`SELECT answer FROM \`${theirs}\`.gold.secrets`, token)).rejects.toThrow(
      /INSUFFICIENT_PERMISSIONS.*USE CATALOG on Catalog '/s,
    );

    // The gateway's own connection for the tenant: a bug that aimed it at the neighbour still gets nothing.
    const row = await api.prisma.tenantCatalog.findUniqueOrThrow({ where: { customerId: tenant.customer.id } });
    const services = {
      prisma: api.prisma,
      registry: api.deps.databricksGateway.registry,
      secretBox: api.deps.secretBox,
    };
    const sql = tenantConnection(services, integration, row).sql!;
    await expect(sql.query({ sql: `SELECT answer FROM \`${theirs}\`.gold.secrets` })).rejects.toThrow(
      /INSUFFICIENT_PERMISSIONS/,
    );
    expect((await sql.query({ sql: `SELECT answer FROM \`${mine}\`.gold.facts` })).rows).toEqual([{ answer: 7 }]);
  });

  it('keeps the service principal token sealed at rest and out of every answer', async () => {
    const row = await api.prisma.tenantCatalog.findUniqueOrThrow({ where: { customerId: tenant.customer.id } });
    expect(row.servicePrincipalToken).toMatch(/^v1:/);
    const token = await servicePrincipalToken(tenant);
    expect(JSON.stringify((await status()).data)).not.toContain(token);
  });
});

describe('who may see and change tenant catalogs', () => {
  it('lets platform admins and the customer admin; other roles get FORBIDDEN', async () => {
    for (const role of ['ADMIN', 'CUSTOMER_ADMIN']) {
      const read = await status(tokens[role]);
      expect(read.errors, role).toBeUndefined();
      expect(read.data?.customer.tenantCatalog.status, role).toBe('OK');
    }
    for (const role of ['DATA_ENGINEER', 'ANALYST', 'MEMBER']) {
      const read = await status(tokens[role]);
      expect(read.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      expect(read.data?.customer.tenantCatalog ?? null, role).toBeNull();
      for (const run of [initialize, repair]) {
        expect((await run(tokens[role])).errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      }
    }
  });

  it('hides another tenant: its customer is null and its catalog NOT_FOUND', async () => {
    const read = await status(otherAdminToken);
    expect(read.data?.customer).toBeNull();
    for (const run of [initialize, repair]) {
      expect((await run(otherAdminToken)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});

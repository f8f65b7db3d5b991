import { DBSQLClient, DBSQLLogger, LogLevel } from '@databricks/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness.js';

const SCIM = '/api/2.0/preview/scim/v2';
const PERMISSIONS = '/api/2.1/unity-catalog/permissions';

describe('Unity Catalog privileges', () => {
  let emulator: TestEmulator;
  let spToken: string;
  let applicationId: string;

  /** One statement through the official driver, as the holder of `token`. */
  async function sql(statement: string, token: string) {
    const { hostname, port } = new URL(emulator.url);
    const client = new DBSQLClient({ logger: new DBSQLLogger({ level: LogLevel.error }) });
    await client.connect({
      host: hostname,
      port: Number(port),
      path: '/sql/1.0/warehouses/ab12cd34ef56ab78',
      token,
      customCaCert: emulator.caPem,
      telemetryEnabled: false,
    } as Parameters<DBSQLClient['connect']>[0]);
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
  const asAdmin = (statement: string) => sql(statement, emulator.token);

  beforeAll(async () => {
    emulator = await startTestEmulator();
    await asAdmin('CREATE CATALOG IF NOT EXISTS gov_a');
    await asAdmin('CREATE SCHEMA IF NOT EXISTS gov_a.gold');
    await asAdmin('CREATE TABLE gov_a.gold.facts (id INT, label STRING)');
    await asAdmin("INSERT INTO gov_a.gold.facts VALUES (1, 'one')");
    const sp = await emulator.call('POST', `${SCIM}/ServicePrincipals`, { displayName: 'tenant a' });
    applicationId = sp.body.applicationId;
    const group = await emulator.call('POST', `${SCIM}/Groups`, {
      displayName: 'gov_a_analysts',
      members: [{ value: sp.body.id }],
    });
    expect(group.body.members).toEqual([expect.objectContaining({ value: sp.body.id, display: 'tenant a' })]);
    const token = await emulator.call('POST', '/api/2.0/token-management/on-behalf-of/tokens', {
      application_id: applicationId,
      comment: 'test',
    });
    spToken = token.body.token_value;
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('refuses a read without USE CATALOG with INSUFFICIENT_PERMISSIONS, as the warehouse does', async () => {
    await expect(sql('SELECT * FROM gov_a.gold.facts', spToken)).rejects.toThrow(
      /\[INSUFFICIENT_PERMISSIONS\].*USE CATALOG on Catalog 'gov_a'/s,
    );
  });

  it('lets a group member read after GRANTs to the group, and not write without MODIFY', async () => {
    await asAdmin('GRANT USE CATALOG ON CATALOG gov_a TO `gov_a_analysts`');
    await asAdmin('GRANT USE SCHEMA, SELECT ON SCHEMA gov_a.gold TO `gov_a_analysts`');
    expect(await sql('SELECT label FROM gov_a.gold.facts', spToken)).toEqual([{ label: 'one' }]);
    await expect(sql("INSERT INTO gov_a.gold.facts VALUES (2, 'two')", spToken)).rejects.toThrow(
      /MODIFY on Table 'gov_a.gold.facts'/,
    );
    await expect(sql('GRANT MODIFY ON SCHEMA gov_a.gold TO `gov_a_analysts`', spToken)).rejects.toThrow(
      /INSUFFICIENT_PERMISSIONS/,
    );
    const grants = await asAdmin('SHOW GRANTS ON SCHEMA gov_a.gold');
    expect(grants).toEqual([
      { Principal: 'gov_a_analysts', ActionType: 'SELECT', ObjectType: 'SCHEMA', ObjectKey: 'gov_a.gold' },
      { Principal: 'gov_a_analysts', ActionType: 'USE SCHEMA', ObjectType: 'SCHEMA', ObjectKey: 'gov_a.gold' },
    ]);
  });

  it('reads and changes grants through the permissions API; a revoke takes effect at once', async () => {
    const before = await emulator.call('GET', `${PERMISSIONS}/schema/gov_a.gold`);
    expect(before.body).toEqual({
      privilege_assignments: [{ principal: 'gov_a_analysts', privileges: ['SELECT', 'USE_SCHEMA'] }],
    });
    const patched = await emulator.call('PATCH', `${PERMISSIONS}/schema/gov_a.gold`, {
      changes: [{ principal: 'gov_a_analysts', remove: ['SELECT'] }],
    });
    expect(patched.body.privilege_assignments).toEqual([{ principal: 'gov_a_analysts', privileges: ['USE_SCHEMA'] }]);
    await expect(sql('SELECT * FROM gov_a.gold.facts', spToken)).rejects.toThrow(/SELECT on Table 'gov_a.gold.facts'/);
    const refused = await emulator.call(
      'PATCH',
      `${PERMISSIONS}/schema/gov_a.gold`,
      { changes: [{ principal: 'gov_a_analysts', add: ['SELECT'] }] },
      { token: spToken },
    );
    expect(refused).toMatchObject({ status: 403, body: { error_code: 'PERMISSION_DENIED' } });
    const missing = await emulator.call('GET', `${PERMISSIONS}/catalog/nope_catalog`);
    expect(missing).toMatchObject({ status: 404, body: { error_code: 'CATALOG_DOES_NOT_EXIST' } });
    const wrong = await emulator.call('PATCH', `${PERMISSIONS}/schema/gov_a.gold`, {
      changes: [{ principal: 'nobody-at-all', add: ['SELECT'] }],
    });
    expect(wrong).toMatchObject({ status: 400, body: { error_code: 'PRINCIPAL_DOES_NOT_EXIST' } });
  });

  it('answers the Statement Execution API with PERMISSION_DENIED for a principal without the privilege', async () => {
    let { body } = await emulator.call(
      'POST',
      '/api/2.0/sql/statements',
      { statement: 'SELECT * FROM gov_a.gold.facts', warehouse_id: 'ab12cd34ef56ab78', wait_timeout: '10s' },
      { token: spToken },
    );
    // Emulated time runs fast: the wait may end before the statement ran.
    while (body.status.state === 'RUNNING') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      ({ body } = await emulator.call('GET', `/api/2.0/sql/statements/${body.statement_id}`, undefined, {
        token: spToken,
      }));
    }
    expect(body.status).toMatchObject({ state: 'FAILED', error: { error_code: 'PERMISSION_DENIED' } });
  });

  it("keeps DuckDB's own file access and statements from principals, not from the admin", async () => {
    await expect(sql("SELECT * FROM read_csv('/etc/hostname')", spToken)).rejects.toThrow(/INSUFFICIENT_PERMISSIONS/);
    await expect(sql("ATTACH ':memory:' AS sneaky", spToken)).rejects.toThrow(/INSUFFICIENT_PERMISSIONS/);
    await expect(sql('SELECT * FROM system.billing.usage LIMIT 1', spToken)).rejects.toThrow(
      /USE CATALOG on Catalog 'system'/,
    );
    expect((await asAdmin('SELECT COUNT(*) AS n FROM system.billing.usage'))[0].n).toBeGreaterThan(0);
  });

  it('lets a principal create in a schema where it holds CREATE TABLE, and makes it the owner', async () => {
    await asAdmin('GRANT USE SCHEMA, CREATE TABLE ON SCHEMA gov_a.gold TO `gov_a_analysts`');
    await sql('CREATE TABLE gov_a.gold.mine AS SELECT 1 AS x', spToken);
    // The owner may write, read, grant on and drop what it created, without any grant on it.
    await sql('INSERT INTO gov_a.gold.mine VALUES (2)', spToken);
    expect(await sql('SELECT count(*) AS n FROM gov_a.gold.mine', spToken)).toEqual([{ n: 2 }]);
    await sql('DROP TABLE gov_a.gold.mine', spToken);
    await expect(sql('DROP SCHEMA gov_a.gold', spToken)).rejects.toThrow(/not an owner of Schema 'gov_a.gold'/);
  });

  it('lists schemas with SHOW SCHEMAS and keeps schema comments in the metastore', async () => {
    await asAdmin("COMMENT ON SCHEMA gov_a.gold IS 'Curated, for analysts'");
    expect(await asAdmin('SHOW SCHEMAS IN gov_a')).toEqual([{ databaseName: 'default' }, { databaseName: 'gold' }]);
    const { body } = await emulator.call('GET', '/api/2.1/unity-catalog/schemas/gov_a.gold');
    expect(body.comment).toBe('Curated, for analysts');
    await expect(sql("COMMENT ON SCHEMA gov_a.gold IS 'mine now'", spToken)).rejects.toThrow(/MANAGE on Schema/);
  });

  it('manages SCIM groups: filter by name, add and remove members; only admins change them', async () => {
    const listed = await emulator.call(
      'GET',
      `${SCIM}/Groups?filter=${encodeURIComponent('displayName eq "gov_a_analysts"')}`,
    );
    expect(listed.body.totalResults).toBe(1);
    const group = listed.body.Resources[0];
    const user = await emulator.call('POST', `${SCIM}/Users`, { userName: 'ana@example.test' });
    await emulator.call('PATCH', `${SCIM}/Groups/${group.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', path: 'members', value: [{ value: user.body.id }] }],
    });
    const removed = await emulator.call('PATCH', `${SCIM}/Groups/${group.id}`, {
      Operations: [{ op: 'remove', path: `members[value eq "${user.body.id}"]` }],
    });
    expect(removed.body.members.map((m: { value: string }) => m.value)).not.toContain(user.body.id);
    const refused = await emulator.call('POST', `${SCIM}/Groups`, { displayName: 'x' }, { token: spToken });
    expect(refused.status).toBe(403);
    const sps = await emulator.call(
      'GET',
      `${SCIM}/ServicePrincipals?filter=${encodeURIComponent(`applicationId eq "${applicationId}"`)}`,
    );
    expect(sps.body.Resources[0].groups).toEqual([expect.objectContaining({ display: 'gov_a_analysts' })]);
  });
});

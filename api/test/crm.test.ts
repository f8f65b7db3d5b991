import { randomUUID } from 'node:crypto';
import { DBSQLClient, DBSQLLogger, LogLevel } from '@databricks/sql';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionSelect } from '../src/databricks/registry.js';
import { connectEmulator, EMULATOR_WAREHOUSE_ID } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
const emulator = testEmulator();
type Tenant = Awaited<ReturnType<typeof createTenant>>;
let tenant: Tenant;
let other: Tenant;
let tokens: Record<'admin' | 'engineer' | 'analyst' | 'member' | 'other', string>;
let workspace: string;
let integrationId: string;
/** Each run of this file has a catalog of its own on the shared emulator. */
const catalog = `crm_test_${randomUUID().slice(0, 8)}`;

const ACCOUNT_FIELDS = 'id bsnid team businessArea vp admin updatedAt';
const LIST = `query($ws: ID!, $search: String, $filter: CrmAccountFilter, $first: Int, $after: String) {
  crmAccounts(workspaceId: $ws, search: $search, filter: $filter, first: $first, after: $after) {
    edges { cursor node { ${ACCOUNT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const NESTED = `query($ws: ID!) { crmAccounts(workspaceId: $ws, first: 1000) { edges { node { bsnid
  platformStatuses { edges { node { platform status account { bsnid } } } }
  useCases { edges { node { problem solution } } }
  updates { edges { node { date description } } } } } } }`;
const CREATE_ACCOUNT = `mutation($input: CreateCrmAccountInput!) { createCrmAccount(input: $input) { ${ACCOUNT_FIELDS} } }`;
const UPDATE_ACCOUNT = `mutation($id: ID!, $at: DateTime!, $input: UpdateCrmAccountInput!) {
  updateCrmAccount(id: $id, expectedUpdatedAt: $at, input: $input) { ${ACCOUNT_FIELDS} } }`;
const CREATE_UPDATE = `mutation($input: CreateAccountUpdateInput!, $key: String!) {
  createAccountUpdate(input: $input, idempotencyKey: $key) { id date author description account { bsnid } } }`;

const accountId = (bsnid: string) => encodeGlobalID('CrmAccount', `${integrationId}/1001001001001001/${bsnid}`);
const gql = (query: string, variables: Record<string, unknown> = {}, token = tokens.admin) =>
  api.graphql(query, variables, token);

/** Rows as the official driver reads them straight from the emulator (not through the gateway). */
async function readDirectly(sql: string): Promise<Record<string, unknown>[]> {
  const { hostname, port } = new URL(emulator.url);
  const client = new DBSQLClient({ logger: new DBSQLLogger({ level: LogLevel.error }) });
  await client.connect({
    host: hostname,
    port: Number(port),
    path: `/sql/1.0/warehouses/${EMULATOR_WAREHOUSE_ID}`,
    token: emulator.token,
    telemetryEnabled: false,
  } as Parameters<DBSQLClient['connect']>[0]);
  const session = await client.openSession();
  try {
    const operation = await session.executeStatement(sql);
    const rows = (await operation.fetchAll()) as Record<string, unknown>[];
    await operation.close();
    return rows;
  } finally {
    await session.close();
    await client.close();
  }
}

/** `importCrm` of one file, uploaded as a browser does (GraphQL multipart request). */
async function importFile(name: string, content: string, token = tokens.admin): Promise<any> {
  const body = new FormData();
  body.set(
    'operations',
    JSON.stringify({
      query: `mutation($ws: ID!, $file: File!) { importCrm(workspaceId: $ws, file: $file) {
        tables { table inserted updated rejected } rejections { table index line key reason } } }`,
      variables: { ws: workspace, file: null },
    }),
  );
  body.set('map', JSON.stringify({ 0: ['variables.file'] }));
  body.set('0', new File([content], name, { type: name.endsWith('.csv') ? 'text/csv' : 'application/json' }));
  const response = await api.request('/graphql', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': 'on' },
    body,
  });
  return response.json();
}

/** SQL statements the tenant's warehouse client has sent so far. */
async function statementsSent(): Promise<number> {
  const row = await api.prisma.integration.findUniqueOrThrow({
    where: { id: integrationId },
    select: connectionSelect,
  });
  return api.deps.databricksGateway.registry.forIntegration(row).sql!.statements;
}

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTenant(api.prisma, 'Crm'), createTenant(api.prisma, 'CrmOther')]);
  const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: '1001001001001001', copId: tenant.cop.id }],
    config: { crm: { catalog } },
  });
  integrationId = integration.id;
  workspace = encodeGlobalID('DatabricksWorkspace', integration.workspaceMappings[0]!.id);
  tokens = {
    admin: await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id),
    engineer: await api.tokenFor(tenant.users.DATA_ENGINEER.id),
    analyst: await api.tokenFor(tenant.users.ANALYST.id),
    member: await api.tokenFor(tenant.users.MEMBER.id),
    other: await api.tokenFor(other.users.CUSTOMER_ADMIN.id),
  };
});
afterAll(() => api.close());

describe('CRM accounts in the workspace’s warehouse', () => {
  it('creates the tables on first use with the sample book, and batches nested reads: 4 statements', async () => {
    await gql(LIST, { ws: workspace, first: 1 });
    const before = await statementsSent();
    const result = await gql(NESTED, { ws: workspace });
    expect(result.errors).toBeUndefined();
    expect(await statementsSent()).toBe(before + 4);
    const accounts = result.data!.crmAccounts.edges.map((e: any) => e.node);
    expect(accounts).toHaveLength(5);
    for (const account of accounts) {
      expect(account.platformStatuses.edges.length).toBe(5);
      expect(account.platformStatuses.edges[0].node.account.bsnid).toBe(account.bsnid);
      expect(account.useCases.edges.length).toBeGreaterThan(0);
      const dates = account.updates.edges.map((e: any) => e.node.date);
      expect(dates).toEqual([...dates].sort());
    }
    const history = await readDirectly(`DESCRIBE HISTORY ${catalog}.main.accounts`);
    expect(history.map((h) => h.operation)).toEqual(['MERGE', 'CREATE TABLE']);
  });

  it('reads the fields asked for — through fragments, `nodes` and aliases — with the values the warehouse holds', async () => {
    const query = `query($ws: ID!) { crmAccounts(workspaceId: $ws, first: 10) { edges { node { ...A } } } }
      fragment A on CrmAccount { bsnid vp useCases(first: 20) { nodes { ...U } } cases: useCases { edges { node { id } } } }
      fragment U on CrmUseCase { ... on CrmUseCase { problem leader } account { admin } }`;
    const result = await gql(query, { ws: workspace });
    expect(result.errors).toBeUndefined();
    const account = result.data!.crmAccounts.edges.find((e: any) => e.node.bsnid === 'BSN-1001').node;
    const [direct] = await readDirectly(`SELECT vp, admin FROM ${catalog}.main.accounts WHERE bsnid = 'BSN-1001'`);
    const cases = await readDirectly(
      `SELECT id, problem, leader FROM ${catalog}.main.use_cases WHERE account_bsnid = 'BSN-1001' ORDER BY created_at, id`,
    );
    expect(account.vp).toBe(direct!.vp);
    expect(account.useCases.nodes).toEqual(
      cases.map((c) => ({ problem: c.problem, leader: c.leader, account: { admin: direct!.admin } })),
    );
    expect(account.cases.edges.map((e: any) => e.node.id)).toHaveLength(cases.length);
  });

  it('searches case-insensitively in the warehouse (accounts and their use cases), filters and pages by keyset', async () => {
    const claims = await gql(LIST, { ws: workspace, search: 'cLaImS' });
    expect(claims.data!.crmAccounts.edges.map((e: any) => e.node.bsnid)).toContain('BSN-1001');
    const byProblem = await gql(LIST, { ws: workspace, search: 'spreadsheets' });
    const found = byProblem.data!.crmAccounts.edges.map((e: any) => e.node.bsnid);
    expect(found.length).toBeGreaterThan(0);
    expect(found).not.toContain('BSN-1003');
    const wildcard = await gql(LIST, { ws: workspace, search: '%' });
    expect(wildcard.data!.crmAccounts.edges).toEqual([]);
    const filtered = await gql(LIST, { ws: workspace, filter: { platform: 'databricks', status: 'Active' } });
    expect(filtered.data!.crmAccounts.edges.map((e: any) => e.node.bsnid)).toEqual(['BSN-1001']);

    const first = await gql(LIST, { ws: workspace, first: 2 });
    const page = first.data!.crmAccounts;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = await gql(LIST, { ws: workspace, first: 10, after: page.pageInfo.endCursor });
    const all = [...page.edges, ...rest.data!.crmAccounts.edges].map((e: any) => e.node.team);
    expect(all).toHaveLength(5);
    expect(all).toEqual([...all].sort());
  });

  it('creates idempotently (MERGE on the key): a retried create gives one row, a different one is a CONFLICT', async () => {
    const input = {
      workspaceId: workspace,
      bsnid: 'BSN-2001',
      team: 'Pricing',
      businessArea: 'Underwriting',
      vp: 'Ada',
    };
    const created = await gql(CREATE_ACCOUNT, { input });
    expect(created.errors).toBeUndefined();
    const again = await gql(CREATE_ACCOUNT, { input });
    expect(again.data!.createCrmAccount.id).toBe(created.data!.createCrmAccount.id);
    const clash = await gql(CREATE_ACCOUNT, { input: { ...input, team: 'Someone else' } });
    expect(clash.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const direct = await readDirectly(`SELECT team, vp FROM ${catalog}.main.accounts WHERE bsnid = 'BSN-2001'`);
    expect(direct).toEqual([{ team: 'Pricing', vp: 'Ada' }]);

    const update = { accountId: accountId('BSN-2001'), author: 'Ada', date: '2026-11-30', description: 'Kick-off' };
    const u1 = await gql(CREATE_UPDATE, { input: update, key: 'retry-me' });
    const u2 = await gql(CREATE_UPDATE, { input: update, key: 'retry-me' });
    expect(u1.errors).toBeUndefined();
    expect(u2.data!.createAccountUpdate.id).toBe(u1.data!.createAccountUpdate.id);
    expect(u1.data!.createAccountUpdate).toMatchObject({ date: '2026-11-30', account: { bsnid: 'BSN-2001' } });
    const orphan = await gql(CREATE_UPDATE, { input: { ...update, accountId: accountId('BSN-NONE') }, key: 'x' });
    expect(orphan.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missingField = await gql(CREATE_UPDATE, { input: { ...update, description: '' }, key: 'y' });
    expect(missingField.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['description'] });
  });

  it('refuses a stale update with CONFLICT and the current row; history and time travel show both versions', async () => {
    const [read] = (await gql(LIST, { ws: workspace, search: 'Pricing' })).data!.crmAccounts.edges;
    const first = await gql(UPDATE_ACCOUNT, {
      id: read.node.id,
      at: read.node.updatedAt,
      input: { team: 'Pricing Tab 1' },
    });
    expect(first.errors).toBeUndefined();
    const stale = await gql(UPDATE_ACCOUNT, {
      id: read.node.id,
      at: read.node.updatedAt,
      input: { team: 'Pricing Tab 2' },
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', current: { team: 'Pricing Tab 1' } });

    const history = await gql(
      `query($id: ID!) { crmAccount(id: $id) { history { version operation userName account { team } } } }`,
      { id: read.node.id },
    );
    const versions = history.data!.crmAccount.history;
    expect(versions.map((v: any) => [v.operation, v.account.team])).toEqual([
      ['UPDATE', 'Pricing Tab 1'],
      ['MERGE', 'Pricing'],
    ]);
    expect(versions[0].userName).toBeTruthy();
    const past = await gql(`query($id: ID!, $v: Int) { crmAccount(id: $id, asOf: { version: $v }) { team } }`, {
      id: read.node.id,
      v: versions[1].version,
    });
    expect(past.data!.crmAccount.team).toBe('Pricing');
  });

  it('deletes an account with its rows in the other tables', async () => {
    const deleted = await gql('mutation($id: ID!) { deleteCrmAccount(id: $id) }', { id: accountId('BSN-2001') });
    expect(deleted.errors).toBeUndefined();
    const left = await readDirectly(
      `SELECT count(*) AS n FROM ${catalog}.main.updates WHERE account_bsnid = 'BSN-2001'`,
    );
    expect(Number(left[0]!.n)).toBe(0);
    const again = await gql('mutation($id: ID!) { deleteCrmAccount(id: $id) }', { id: accountId('BSN-2001') });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lets admins, engineers and CoP leads write, analysts and members only read; other tenants see nothing', async () => {
    const input = (bsnid: string) => ({ workspaceId: workspace, bsnid, team: 'Roles', businessArea: 'Ops' });
    expect((await gql(CREATE_ACCOUNT, { input: input('BSN-R1') }, tokens.engineer)).errors).toBeUndefined();
    const analyst = await gql(CREATE_ACCOUNT, { input: input('BSN-R2') }, tokens.analyst);
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(LIST, { ws: workspace }, tokens.analyst)).errors).toBeUndefined();
    expect((await gql(CREATE_ACCOUNT, { input: input('BSN-R3') }, tokens.member)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    await api.prisma.membership.updateMany({ where: { userId: tenant.users.MEMBER.id }, data: { role: 'LEAD' } });
    expect((await gql(CREATE_ACCOUNT, { input: input('BSN-R3') }, tokens.member)).errors).toBeUndefined();

    expect((await gql(LIST, { ws: workspace }, tokens.other)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const node = await gql('query($id: ID!) { node(id: $id) { id } }', { id: accountId('BSN-1001') }, tokens.other);
    expect(node.data!.node).toBeNull();
    const update = await gql(
      UPDATE_ACCOUNT,
      { id: accountId('BSN-1001'), at: new Date().toISOString(), input: { team: 'Taken over' } },
      tokens.other,
    );
    expect(update.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('links CoPs and accounts both ways', async () => {
    const link = await gql('mutation($cop: ID!, $a: ID!) { linkCopAccount(copId: $cop, accountId: $a) { bsnid } }', {
      cop: tenant.ids.cop,
      a: accountId('BSN-1002'),
    });
    expect(link.errors).toBeUndefined();
    const cop = await gql(
      `query($id: ID!) { node(id: $id) { ... on Cop { crmAccounts { bsnid platformStatuses { edges { node { status } } } } } } }`,
      { id: tenant.ids.cop },
    );
    expect(cop.data!.node.crmAccounts.map((a: any) => a.bsnid)).toEqual(['BSN-1002']);
    const account = await gql('query($id: ID!) { crmAccount(id: $id) { cops { name } } }', {
      id: accountId('BSN-1002'),
    });
    expect(account.data!.crmAccount.cops).toEqual([{ name: tenant.cop.name }]);
  });

  it('exports all four tables and imports them back with a report (inserted, updated, rejected)', async () => {
    const exported = await gql('query($ws: ID!) { exportCrm(workspaceId: $ws) { name content } }', { ws: workspace });
    const document = JSON.parse(exported.data!.exportCrm[0].content);
    expect(Object.keys(document)).toEqual(['accounts', 'platformStatuses', 'useCases', 'updates']);
    const csv = await gql('query($ws: ID!) { exportCrm(workspaceId: $ws, format: CSV) { name content } }', {
      ws: workspace,
    });
    expect(csv.data!.exportCrm.map((f: any) => f.name)).toEqual([
      'accounts.csv',
      'platforms_status.csv',
      'use_cases.csv',
      'updates.csv',
    ]);
    expect(csv.data!.exportCrm[0].content.split('\n')[0]).toMatch(/^bsnid,team,business_area/);

    document.accounts.push({ bsnid: 'BSN-IMP', team: 'Imported', businessArea: 'Claims' }, { bsnid: 'BSN-BAD' });
    document.updates.push({
      id: 'imp-1',
      accountBsnid: 'BSN-NOWHERE',
      author: 'x',
      date: '2026-01-01',
      description: 'd',
    });
    const upload = (token: string) => importFile('crm.json', JSON.stringify(document), token);
    const theirs = await upload(tokens.other);
    expect(theirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const result = await upload(tokens.admin);
    expect(result.errors).toBeUndefined();
    const report = result.data.importCrm;
    expect(report.tables[0]).toEqual({
      table: 'accounts',
      inserted: 1,
      updated: document.accounts.length - 2,
      rejected: 1,
    });
    expect(report.tables[3]).toMatchObject({ table: 'updates', inserted: 0, rejected: 1 });
    expect(report.rejections).toEqual([
      { table: 'accounts', index: document.accounts.length - 1, line: null, key: 'BSN-BAD', reason: 'team is missing' },
      {
        table: 'updates',
        index: document.updates.length - 1,
        line: null,
        key: 'imp-1',
        reason: 'there is no account BSN-NOWHERE',
      },
    ]);
  });

  it('takes the exported CSV files back in unchanged, and reports bad CSV rows with their lines', async () => {
    const EXPORT_CSV = 'query($ws: ID!) { exportCrm(workspaceId: $ws, format: CSV) { name content } }';
    const before = (await gql(EXPORT_CSV, { ws: workspace })).data!.exportCrm as { name: string; content: string }[];
    const reports = [];
    for (const file of before) reports.push(await importFile(file.name, file.content));
    expect(reports.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect(reports.map((r) => r.data.importCrm.tables)).toEqual(
      before.map((file) => [
        {
          table: file.name.replace('.csv', ''),
          inserted: 0,
          updated: file.content.trim().split('\n').length - 1,
          rejected: 0,
        },
      ]),
    );
    // Everything but the time of the import (updated_at) reads back as it was exported.
    const withoutUpdatedAt = (content: string) => content.split('\n').map((line) => line.replace(/,[^,]*$/, ''));
    const after = (await gql(EXPORT_CSV, { ws: workspace })).data!.exportCrm as { content: string }[];
    expect(after.map((file) => withoutUpdatedAt(file.content))).toEqual(
      before.map((file) => withoutUpdatedAt(file.content)),
    );

    const csv = [
      'bsnid,team,business_area,vp',
      'BSN-CSV1,"Claims, North",Claims,Ann',
      'BSN-CSV2,,Claims,Bob',
      'BSN-CSV3,Short',
      'BSN-CSV1,Again,Claims,Ann',
    ].join('\n');
    const result = await importFile('accounts.csv', csv);
    expect(result.errors).toBeUndefined();
    expect(result.data.importCrm).toEqual({
      tables: [{ table: 'accounts', inserted: 1, updated: 0, rejected: 3 }],
      rejections: [
        { table: 'accounts', index: 1, line: 3, key: 'BSN-CSV2', reason: 'team is missing' },
        { table: 'accounts', index: 2, line: 4, key: null, reason: '2 fields where the header has 4' },
        { table: 'accounts', index: 3, line: 5, key: 'BSN-CSV1', reason: 'bsnid BSN-CSV1 appears twice in the file' },
      ],
    });
    const direct = await readDirectly(`SELECT team, vp FROM ${catalog}.main.accounts WHERE bsnid = 'BSN-CSV1'`);
    expect(direct).toEqual([{ team: 'Claims, North', vp: 'Ann' }]);

    const unknownHeader = await importFile('x.csv', 'bsnid,colour\nBSN-1,red');
    expect(unknownHeader.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['file'] });
    const unclosed = await importFile('x.csv', 'bsnid,team,business_area\n"BSN-1,T,C');
    expect(unclosed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['file'] });
    const orphan = await importFile('u.csv', 'id,account_bsnid,author,date,description\nu-1,BSN-NONE,A,2026-01-02,D');
    expect(orphan.data.importCrm.rejections).toEqual([
      { table: 'updates', index: 0, line: 2, key: 'u-1', reason: 'there is no account BSN-NONE' },
    ]);
    const analyst = await importFile('accounts.csv', csv, tokens.analyst);
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('fails with the typed remote error when the warehouse is down, and writes nothing', async () => {
    await emulator.injectFaults([{ kind: 'error', status: 503, pathPrefix: '/sql/1.0' }]);
    try {
      const list = await gql(LIST, { ws: workspace });
      expect(list.errors?.[0]?.extensions?.code).toBe('DATABRICKS_UNAVAILABLE');
      const create = await gql(CREATE_ACCOUNT, {
        input: { workspaceId: workspace, bsnid: 'BSN-DOWN', team: 'Down', businessArea: 'Ops' },
      });
      expect(create.errors?.[0]?.extensions?.code).toBe('DATABRICKS_UNAVAILABLE');
    } finally {
      await emulator.clearFaults();
    }
    expect(await readDirectly(`SELECT * FROM ${catalog}.main.accounts WHERE bsnid = 'BSN-DOWN'`)).toEqual([]);
  });

  it('keeps the CRM where the integration’s crm setting says (default edip_crm.main), made there on first use', async () => {
    const UPDATE = `mutation($id: ID!, $input: UpdateIntegrationInput!) {
      updateIntegration(id: $id, input: $input) { databricks { crm { catalog schema } } } }`;
    const id = encodeGlobalID('Integration', integrationId);
    const bad = await gql(UPDATE, { id, input: { databricks: { crm: { catalog: 'Not-A-Name' } } } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const engineer = await gql(UPDATE, { id, input: { databricks: { crm: { schema: 'book' } } } }, tokens.engineer);
    expect(engineer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const moved = `${catalog}_moved`;
    const updated = await gql(UPDATE, { id, input: { databricks: { crm: { catalog: moved, schema: 'book' } } } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateIntegration.databricks.crm).toEqual({ catalog: moved, schema: 'book' });
    const list = await gql(LIST, { ws: workspace, first: 50 });
    expect(list.data!.crmAccounts.edges.map((e: any) => e.node.bsnid)).not.toContain('BSN-CSV1');
    expect(await readDirectly(`SELECT count(*) AS n FROM ${moved}.book.accounts`)).toEqual([{ n: 5 }]);

    const cleared = await gql(UPDATE, { id, input: { databricks: { crm: null } } });
    expect(cleared.data!.updateIntegration.databricks.crm).toBeNull();
  });
});

import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { connectEmulator } from './support/databricks.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
type Tenant = Awaited<ReturnType<typeof createTenant>>;
let mine: Tenant;
let theirs: Tenant;
let myToken: string;
let theirToken: string;
/** One global id per node type, all owned by the other tenant. */
let theirIds: Record<string, string>;
let rowIds: Record<string, string>;
/** The same for the viewer's own tenant. */
let myIds: Record<string, string>;

/** Creates one row of every node type in the tenant; returns the row ids by model. */
async function fillTenant(tenant: Tenant) {
  const { prisma } = api;
  const copId = tenant.cop.id;
  const member = tenant.users.MEMBER.id;
  const event = await prisma.copEvent.create({
    data: { copId, title: 'Kick-off', kind: 'MEETUP', startsAt: new Date(), endsAt: new Date(Date.now() + 3.6e6) },
  });
  const asset = await prisma.contentAsset.create({
    data: { copId, title: 'Guide', url: 'https://docs.example.test/guide', assetType: 'DOC' },
  });
  const survey = await prisma.survey.create({
    data: { copId, title: 'Pulse', questions: { create: { position: 1, prompt: 'How likely…', type: 'NPS' } } },
    include: { questions: true },
  });
  const question = survey.questions[0]!;
  const response = await prisma.surveyResponse.create({
    data: {
      surveyId: survey.id,
      respondentId: member,
      answers: { create: { questionId: question.id, numberValue: 9 } },
    },
    include: { answers: true },
  });
  const useCase = await prisma.useCase.create({ data: { copId, title: 'Churn model', problem: 'Churn' } });
  const champion = await prisma.champion.create({ data: { copId, userId: member, reason: 'Ran the workshop' } });
  const discussion = await prisma.discussion.create({
    data: { copId, authorId: member, title: 'Unity Catalog', body: 'How?', replies: { create: { body: 'Like so' } } },
    include: { replies: true },
  });
  const kpi = await prisma.kpiMetric.create({
    data: { copId, metricName: 'DBU', metricValue: 12, metricDate: new Date('2026-02-01') },
  });
  const integration = await connectEmulator(prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: '1001001001001001', copId }],
  });
  const mapping = integration.workspaceMappings[0]!;
  const serviceToken = await prisma.serviceToken.create({
    data: { customerId: tenant.customer.id, name: 'usage job', tokenHash: randomUUID(), prefix: 'cps_' },
  });
  const jobRun = await prisma.jobRun.create({
    data: {
      customerId: tenant.customer.id,
      copId,
      workspaceMappingId: mapping.id,
      integrationId: integration.id,
      kind: 'JOB',
      idempotencyToken: randomUUID(),
    },
  });
  const dataset = await prisma.dataset.create({
    data: { customerId: tenant.customer.id, name: 'claims', rowCount: 1, sizeBytes: 10, syncStatus: 'DISABLED' },
  });
  const notebook = await prisma.notebook.create({
    data: {
      customerId: tenant.customer.id,
      workspaceMappingId: mapping.id,
      name: 'report',
      language: 'PYTHON',
      remotePath: `/CoPOS/${randomUUID()}`,
      syncStatus: 'DISABLED',
    },
  });
  const alert = await prisma.alert.create({
    data: { customerId: tenant.customer.id, kind: 'JOB_FAILURES', evidence: { measured: 2, threshold: 2 } },
  });
  const pipeline = await prisma.pipeline.create({
    data: {
      customerId: tenant.customer.id,
      workspaceMappingId: mapping.id,
      name: 'nightly',
      tasks: [{ key: 'a', type: 'NOTEBOOK', dependsOn: [], notebookPath: '/Shared/a' }],
      syncStatus: 'DISABLED',
    },
  });
  const membership = await prisma.membership.findFirstOrThrow({ where: { copId, userId: member } });
  return {
    Customer: tenant.customer.id,
    Cop: copId,
    User: member,
    Membership: membership.id,
    CopEvent: event.id,
    ContentAsset: asset.id,
    Survey: survey.id,
    SurveyQuestion: question.id,
    SurveyResponse: response.id,
    SurveyAnswer: response.answers[0]!.id,
    UseCase: useCase.id,
    Champion: champion.id,
    Discussion: discussion.id,
    DiscussionReply: discussion.replies[0]!.id,
    KpiMetric: kpi.id,
    Integration: integration.id,
    WorkspaceMapping: mapping.id,
    DatabricksWorkspace: mapping.id,
    ServiceToken: serviceToken.id,
    JobRun: jobRun.id,
    // CRM rows live in the warehouse: their ids name the tenant's integration (rows of its sample book).
    CrmAccount: `${integration.id}/1001001001001001/BSN-1001`,
    PlatformStatus: `${integration.id}/1001001001001001/sample-status-BSN-1001-0`,
    CrmUseCase: `${integration.id}/1001001001001001/sample-use-case-BSN-1001-0`,
    AccountUpdate: `${integration.id}/1001001001001001/sample-update-BSN-1001-0`,
    Dataset: dataset.id,
    Notebook: notebook.id,
    Alert: alert.id,
    Pipeline: pipeline.id,
  };
}

beforeAll(async () => {
  mine = await createTenant(api.prisma, 'Mine');
  theirs = await createTenant(api.prisma, 'Theirs');
  myToken = await api.tokenFor(mine.users.CUSTOMER_ADMIN.id);
  theirToken = await api.tokenFor(theirs.users.CUSTOMER_ADMIN.id);
  myIds = Object.fromEntries(
    Object.entries(await fillTenant(mine)).map(([type, id]) => [type, encodeGlobalID(type, id)]),
  );
  rowIds = await fillTenant(theirs);
  theirIds = Object.fromEntries(Object.entries(rowIds).map(([type, id]) => [type, encodeGlobalID(type, id)]));
});
afterAll(() => api.close());

const resolveNode = (id: string, token: string) =>
  api.graphql<{ node: { id: string; __typename: string } | null }>(
    `query($id: ID!) { node(id: $id) { id __typename } }`,
    { id },
    token,
  );

describe('node(id:) across tenants', () => {
  it('covers every type that implements Node', async () => {
    const schema = await api.graphql(`{ __type(name: "Node") { possibleTypes { name } } }`, {}, myToken);
    const nodeTypes = schema.data?.__type.possibleTypes.map((type: { name: string }) => type.name).sort();
    // A new node type fails here until this test creates one of its rows for the other tenant.
    expect(Object.keys(theirIds).sort()).toEqual(nodeTypes);
  });

  it("resolves each of the other tenant's ids to null, and the same ids for their owner", async () => {
    for (const [type, id] of Object.entries(theirIds)) {
      const foreign = await resolveNode(id, myToken);
      expect(foreign.errors, type).toBeUndefined();
      expect(foreign.data?.node, type).toBeNull();
      const own = await resolveNode(id, theirToken);
      expect(own.data?.node, `${type} resolves for its own tenant`).toEqual({ id, __typename: type });
    }
  });

  it("answers nodes(ids:) with nulls for the other tenant's ids", async () => {
    const result = await api.graphql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids: Object.values(theirIds) },
      myToken,
    );
    expect(result.data?.nodes).toEqual(Object.values(theirIds).map(() => null));
  });
});

describe('lists across tenants', () => {
  it('shows only my customer in customers', async () => {
    const result = await api.graphql(`{ customers(first: 100) { totalCount nodes { id } } }`, {}, myToken);
    expect(result.data?.customers).toEqual({ totalCount: 1, nodes: [{ id: mine.ids.customer }] });
  });

  it('shows only my CoPs in cops, even when filtering by the other customer', async () => {
    const all = await api.graphql(`{ cops(first: 100) { nodes { id customer { id } } } }`, {}, myToken);
    expect(all.data?.cops.nodes).toEqual([{ id: mine.ids.cop, customer: { id: mine.ids.customer } }]);
    const filtered = await api.graphql(
      `query($c: ID!) { cops(filter: { customerId: $c }) { totalCount nodes { id } } }`,
      { c: theirs.ids.customer },
      myToken,
    );
    expect(filtered.data?.cops).toEqual({ totalCount: 0, nodes: [] });
  });

  it("shows only my customer's rows in auditLogs", async () => {
    // Each tenant writes one audited mutation, so both customers have rows.
    for (const [tenant, token] of [
      [mine, myToken],
      [theirs, theirToken],
    ] as const) {
      const result = await api.graphql(
        `mutation($id: ID!) { updateCop(id: $id, input: { description: "audited" }) { id } }`,
        { id: tenant.ids.cop },
        token,
      );
      expect(result.errors).toBeUndefined();
    }
    const result = await api.graphql(`{ auditLogs(first: 100) { nodes { action customer { id } } } }`, {}, myToken);
    const rows = result.data?.auditLogs.nodes;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row: { customer: { id: string } | null }) => row.customer?.id === mine.ids.customer)).toBe(true);
    expect(await api.prisma.auditLog.count({ where: { customerId: theirs.customer.id } })).toBeGreaterThan(0);
  });
});

/** Every column of the row, to prove a refused mutation changed nothing. */
const snapshot = (model: string, id: string) =>
  (api.prisma as unknown as Record<string, { findUnique(args: object): Promise<unknown> }>)[model]!.findUnique({
    where: { id },
  });

/**
 * A mutation that must be refused when `$id` is the other tenant's node of `type`: the model that must not change
 * (its row `type` compared column by column when the id names it, else the model's row count) and the call.
 */
const refused = (type: string, model: string, call: string) => ({
  name: call.slice(0, call.indexOf('(')),
  type,
  model,
  call,
});
const SELECT_ID = '{ id }';
const DAY = '"2026-06-01"';
const HOUR = (h: number) => `"2026-06-01T${h}:00:00Z"`;

const MUTATIONS = [
  refused('Cop', 'cop', `updateCop(id: $id, input: { name: "Taken over" }) ${SELECT_ID}`),
  refused('Cop', 'cop', 'deleteCop(id: $id)'),
  refused('Customer', 'customer', `updateCustomer(id: $id, input: { name: "Taken over" }) ${SELECT_ID}`),
  refused('CopEvent', 'copEvent', `updateEvent(id: $id, input: { title: "Taken over" }) ${SELECT_ID}`),
  refused('CopEvent', 'copEvent', 'deleteEvent(id: $id)'),
  refused('ContentAsset', 'contentAsset', `updateContentAsset(id: $id, input: { title: "Taken over" }) ${SELECT_ID}`),
  refused('ContentAsset', 'contentAsset', 'deleteContentAsset(id: $id)'),
  refused('ContentAsset', 'contentAsset', `recordContentView(id: $id) ${SELECT_ID}`),
  refused('Survey', 'survey', `updateSurvey(id: $id, input: { isOpen: false }) ${SELECT_ID}`),
  refused('Survey', 'survey', 'deleteSurvey(id: $id)'),
  refused('Survey', 'aiSummary', 'summarizeSurvey(surveyId: $id) { __typename }'),
  refused('UseCase', 'useCase', `updateUseCase(id: $id, input: { title: "Taken over" }) ${SELECT_ID}`),
  refused('UseCase', 'useCase', 'deleteUseCase(id: $id)'),
  refused('Champion', 'champion', 'removeChampion(id: $id)'),
  refused('Discussion', 'discussion', 'deleteDiscussion(id: $id)'),
  refused(
    'Discussion',
    'discussionReply',
    `replyToDiscussion(input: { discussionId: $id, body: "Mine now" }) ${SELECT_ID}`,
  ),
  refused('Membership', 'membership', `updateMembership(id: $id, role: LEAD) ${SELECT_ID}`),
  refused('Membership', 'membership', 'removeMember(id: $id)'),
  refused(
    'Integration',
    'integration',
    `updateIntegration(id: $id, input: { displayName: "Taken over", secrets: { token: "dapi-stolen" } }) ${SELECT_ID}`,
  ),
  refused('Integration', 'integration', 'deleteIntegration(id: $id)'),
  refused('Integration', 'integration', 'testIntegration(id: $id) { __typename }'),
  refused(
    'Integration',
    'workspaceMapping',
    `createWorkspaceMapping(input: { integrationId: $id, workspaceId: "42", workspaceName: "Planted workspace", workspaceUrl: "https://w.cloud.databricks.com" }) ${SELECT_ID}`,
  ),
  refused(
    'WorkspaceMapping',
    'workspaceMapping',
    `updateWorkspaceMapping(id: $id, input: { workspaceName: "Taken over" }) ${SELECT_ID}`,
  ),
  refused('WorkspaceMapping', 'workspaceMapping', 'deleteWorkspaceMapping(id: $id)'),
  refused('DatabricksWorkspace', 'jobRun', `runJob(input: { workspaceId: $id, jobId: "1" }) ${SELECT_ID}`),
  refused(
    'DatabricksWorkspace',
    'jobRun',
    `submitNotebookRun(input: { workspaceId: $id, notebookPath: "/Shared/x" }) ${SELECT_ID}`,
  ),
  refused('DatabricksWorkspace', 'jobRun', `watchRun(input: { workspaceId: $id, databricksRunId: "1" }) ${SELECT_ID}`),
  refused('DatabricksWorkspace', 'jobRun', `triggerPipeline(input: { workspaceId: $id, layer: BRONZE }) ${SELECT_ID}`),
  refused('Cop', 'jobRun', `triggerPipeline(input: { copId: $id, layer: BRONZE }) ${SELECT_ID}`),
  refused('JobRun', 'jobRun', `cancelRun(id: $id) ${SELECT_ID}`),
  refused('JobRun', 'jobRun', `retryRun(id: $id) ${SELECT_ID}`),
  refused('ServiceToken', 'serviceToken', `revokeServiceToken(id: $id) ${SELECT_ID}`),
  refused('Dataset', 'dataset', 'deleteDataset(id: $id)'),
  refused('Dataset', 'dataset', `retryDatasetSync(id: $id) ${SELECT_ID}`),
  refused('Pipeline', 'pipeline', `updatePipeline(id: $id, input: { name: "Taken over" }) ${SELECT_ID}`),
  refused('Pipeline', 'pipeline', 'deletePipeline(id: $id)'),
  refused('Pipeline', 'jobRun', `runPipeline(id: $id) ${SELECT_ID}`),
  refused(
    'DatabricksWorkspace',
    'pipeline',
    `createPipeline(input: { workspaceId: $id, name: "Planted", tasks: [{ key: "a", type: NOTEBOOK, notebookPath: "/x" }] }) ${SELECT_ID}`,
  ),
  refused(
    'DatabricksWorkspace',
    'notebook',
    `createNotebook(input: { workspaceId: $id, name: "Planted", language: PYTHON, cells: [{ source: "1" }] }) ${SELECT_ID}`,
  ),
  refused('Notebook', 'notebook', `updateNotebook(id: $id, input: { cells: [{ source: "stolen" }] }) ${SELECT_ID}`),
  refused('Notebook', 'notebook', 'deleteNotebook(id: $id)'),
  refused('Notebook', 'notebook', `syncNotebook(id: $id, direction: PULL) ${SELECT_ID}`),
  refused('Notebook', 'notebook', `retryNotebookSync(id: $id) ${SELECT_ID}`),
  refused('Notebook', 'jobRun', `executeNotebook(id: $id) ${SELECT_ID}`),
  refused('Customer', 'serviceToken', 'createServiceToken(input: { customerId: $id, name: "stolen" }) { token }'),
  refused(
    'Customer',
    'integration',
    `createIntegration(input: { customerId: $id, displayName: "Planted integration" }) ${SELECT_ID}`,
  ),
  refused('Customer', 'kpiMetric', 'syncPlatformUsage(customerId: $id) { __typename }'),
  refused('Customer', 'customerBudget', 'setBudget(customerId: $id, monthlyUsd: 1) { id }'),
  refused('Customer', 'alertRule', 'setAlertRule(customerId: $id, kind: JOB_FAILURES, threshold: 5) { kind }'),
  refused('Customer', 'tenantCatalog', 'initializeTenantCatalog(customerId: $id) { changes }'),
  refused('Customer', 'tenantCatalog', 'repairTenantCatalog(customerId: $id) { changes }'),
  refused('Cop', 'kpiMetric', 'recomputeKpis(copId: $id) { __typename }'),
  refused('CopEvent', 'memberActivity', `recordEventAttendance(id: $id, userIds: [$user]) ${SELECT_ID}`),
  refused(
    'Integration',
    'integration',
    `updateUsageCollection(integrationId: $id, input: { enabled: false, schedule: HOURLY }) ${SELECT_ID}`,
  ),
  refused(
    'Customer',
    'cop',
    `createCop(input: { customerId: $id, name: "Planted CoP", startDate: ${DAY} }) ${SELECT_ID}`,
  ),
  refused('Cop', 'aiSummary', 'generateCopAdvice(copId: $id) { __typename }'),
  refused(
    'Cop',
    'copEvent',
    `createEvent(input: { copId: $id, title: "Planted event", kind: MEETUP, startsAt: ${HOUR(10)}, endsAt: ${HOUR(11)} }) ${SELECT_ID}`,
  ),
  refused(
    'Cop',
    'contentAsset',
    `createContentAsset(input: { copId: $id, title: "Planted asset", assetType: DOC, url: "https://example.com" }) ${SELECT_ID}`,
  ),
  refused(
    'Cop',
    'discussion',
    `createDiscussion(input: { copId: $id, title: "Planted thread", body: "Planted body" }) ${SELECT_ID}`,
  ),
  refused(
    'Cop',
    'survey',
    `createSurvey(input: { copId: $id, title: "Planted survey", questions: [{ prompt: "Planted question", type: FREE_TEXT }] }) ${SELECT_ID}`,
  ),
  refused(
    'Cop',
    'useCase',
    `createUseCase(input: { copId: $id, title: "Planted use case", problem: "Planted problem" }) ${SELECT_ID}`,
  ),
  refused(
    'Cop',
    'kpiMetric',
    `upsertKpi(input: { copId: $id, metricName: "NPS", metricDate: ${DAY}, metricValue: 1 }) ${SELECT_ID}`,
  ),
  refused('Cop', 'membership', `addMember(input: { copId: $id, userId: $user, role: MEMBER }) ${SELECT_ID}`),
  refused(
    'Cop',
    'champion',
    `recognizeChampion(input: { copId: $id, userId: $user, reason: "Planted reason" }) ${SELECT_ID}`,
  ),
  refused(
    'DatabricksWorkspace',
    'copCrmAccount',
    `createCrmAccount(input: { workspaceId: $id, bsnid: "BSN-X", team: "Planted", businessArea: "X" }) ${SELECT_ID}`,
  ),
  ...(['CrmAccount', 'PlatformStatus', 'CrmUseCase', 'AccountUpdate'] as const).flatMap((type) => [
    refused(type, 'copCrmAccount', `update${type}(id: $id, expectedUpdatedAt: ${HOUR(10)}, input: {}) ${SELECT_ID}`),
    refused(type, 'copCrmAccount', `delete${type}(id: $id)`),
  ]),
  refused(
    'CrmAccount',
    'copCrmAccount',
    `createPlatformStatus(input: { accountId: $id, platform: "Databricks", status: "Active" }, idempotencyKey: "k") ${SELECT_ID}`,
  ),
  refused(
    'CrmAccount',
    'copCrmAccount',
    `createCrmUseCase(input: { accountId: $id, problem: "Planted", status: "Pilot" }, idempotencyKey: "k") ${SELECT_ID}`,
  ),
  refused(
    'CrmAccount',
    'copCrmAccount',
    `createAccountUpdate(input: { accountId: $id, author: "x", date: ${DAY}, description: "Planted" }, idempotencyKey: "k") ${SELECT_ID}`,
  ),
  refused('CrmAccount', 'copCrmAccount', `linkCopAccount(copId: $cop, accountId: $id) ${SELECT_ID}`),
  refused('Cop', 'copCrmAccount', `linkCopAccount(copId: $id, accountId: $account) ${SELECT_ID}`),
  refused('Cop', 'copCrmAccount', 'unlinkCopAccount(copId: $id, accountId: $account)'),
  refused(
    'SurveyQuestion',
    'surveyResponse',
    `submitSurveyResponse(input: { surveyId: $survey, answers: [{ questionId: $id, textValue: "t" }] }) ${SELECT_ID}`,
  ),
];

/** Mutations that take no other tenant's id, so the matrix has nothing to refuse (each is tested in its own file). */
const NOT_TENANT_ADDRESSED = {
  signIn: 'anonymous; takes an e-mail and password',
  ingestUsage: "a service token's report, attributed inside the token's own customer (usage.test.ts)",
  importCrm: "a multipart upload; another tenant's workspace is NOT_FOUND and nothing is written (crm.test.ts)",
  uploadDataset: 'a multipart request (a file cannot travel as JSON); refused across tenants in datasets.test.ts',
};

/** The other tenant's global id for every variable a call names. */
const variablesFor = (call: string, type: string) => ({
  id: theirIds[type],
  ...(call.includes('$survey') && { survey: theirIds.Survey }),
  ...(call.includes('$user') && { user: theirIds.User }),
  // The viewer's own rows, so that only the other tenant's id can be the reason for the refusal.
  ...(call.includes('$cop') && { cop: myIds.Cop }),
  ...(call.includes('$account') && { account: myIds.CrmAccount }),
});

const declaration = (call: string, type: string) =>
  Object.keys(variablesFor(call, type))
    .filter((name) => call.includes(`$${name}`))
    .map((name) => `$${name}: ID!`)
    .join(', ');

describe("mutations on the other tenant's ids", () => {
  it('covers every mutation of the schema', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    const covered = new Set([...MUTATIONS.map((m) => m.name), ...Object.keys(NOT_TENANT_ADDRESSED)]);
    expect(mutations.filter((name) => !covered.has(name))).toEqual([]);
  });

  it.each(MUTATIONS)(
    '$name on their $type fails with NOT_FOUND or FORBIDDEN and changes nothing',
    async ({ model, type, call }) => {
      const delegate = (api.prisma as unknown as Record<string, { count(): Promise<number> }>)[model]!;
      const identifiesRow = model === type.charAt(0).toLowerCase() + type.slice(1) && rowIds[type];
      const state = () => (identifiesRow ? snapshot(model, rowIds[type]!) : delegate.count());
      const before = await state();
      if (identifiesRow) expect(before).not.toBeNull();
      const result = await api.graphql(
        `mutation(${declaration(call, type)}) { ${call} }`,
        variablesFor(call, type),
        myToken,
      );
      expect(result.data).toBeNull();
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(result.errors?.[0]?.extensions?.code);
      expect(await state()).toEqual(before);
    },
  );
});

describe("a CoP lead's mutations on the other tenant's CoP", () => {
  const LEAD_MUTATIONS = MUTATIONS.filter((m) => ['createEvent', 'recognizeChampion'].includes(m.name));

  it.each(LEAD_MUTATIONS)('$name fails with NOT_FOUND and changes nothing', async ({ model, type, call }) => {
    const leadUser = await api.prisma.user.create({
      data: {
        email: `lead-${randomUUID()}@example.test`,
        name: 'Lead',
        passwordHash: 'unused',
        role: 'MEMBER',
        customerId: mine.customer.id,
      },
    });
    await api.prisma.membership.create({ data: { copId: mine.cop.id, userId: leadUser.id, role: 'LEAD' } });
    const delegate = (api.prisma as unknown as Record<string, { count(): Promise<number> }>)[model]!;
    const before = await delegate.count();
    const result = await api.graphql(
      `mutation(${declaration(call, type)}) { ${call} }`,
      variablesFor(call, type),
      await api.tokenFor(leadUser.id),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await delegate.count()).toBe(before);
  });
});

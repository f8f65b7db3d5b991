import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEmulator } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi, type GraphQLResponse } from './support/test-api.js';

/**
 * 50 callers send the same idempotent mutation at once (half to each of two api instances sharing the database):
 * one row is written, every caller gets that row back, and nobody gets an internal error. Mutations that are
 * not repeatable (a survey answer, a duplicate mapping) write one row and answer the others with CONFLICT.
 */
const CALLERS = 50;
const WORKSPACE = '1444828305810485';
const NOTEBOOK = '/Repos/petinsure360/notebooks/01_bronze_ingestion';
const instances = [createTestApi(), createTestApi()];
const [api] = instances as [ReturnType<typeof createTestApi>];
const emulator = testEmulator();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let admin: string;
let engineer: string;
let workspaceId: string;
let integrationId: string;

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Races');
  admin = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
  engineer = await api.tokenFor(tenant.users.DATA_ENGINEER.id);
  const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
    customerId: tenant.customer.id,
    mappings: [{ workspaceId: WORKSPACE, copId: tenant.cop.id }],
  });
  integrationId = integration.id;
  workspaceId = encodeGlobalID('DatabricksWorkspace', integration.workspaceMappings[0]!.id);
});
afterAll(() => Promise.all(instances.map((instance) => instance.close())));

/** The same request from `CALLERS` callers at once, spread over the instances. */
function race<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string) {
  return Promise.all(
    Array.from({ length: CALLERS }, (_, i) => instances[i % instances.length]!.graphql<T>(query, variables, token)),
  );
}

/** No caller saw an error; all got the same value at `pick`. */
function expectOneAnswer(results: GraphQLResponse[], pick: (data: any) => unknown) {
  expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
  const answers = new Set(results.map((result) => JSON.stringify(pick(result.data))));
  expect(answers.size).toBe(1);
  return pick(results[0]!.data);
}

const RUN_FIELDS = 'id databricksRunId state cop { id name }';

async function expectOneRun(results: GraphQLResponse[], field: string, startRoute: string, databricksCalls: number) {
  const run = expectOneAnswer(results, (data) => data[field]) as { id: string; databricksRunId: string };
  expect(run.databricksRunId).toMatch(/^\d+$/);
  const token = (await api.prisma.jobRun.findMany({ where: { integrationId }, orderBy: { createdAt: 'desc' } }))[0];
  const rows = await api.prisma.jobRun.count({ where: { idempotencyToken: token!.idempotencyToken } });
  expect(rows).toBe(1);
  const started = await api.prisma.runEvent.count({ where: { jobRunId: token!.id, type: 'RUN_STARTED' } });
  expect(started).toBe(1);
  // One start per instance at most; Databricks' idempotency token makes them one run.
  expect(await emulator.callsTo(startRoute)).toBeLessThanOrEqual(databricksCalls);
  const runs = await api.prisma.jobRun.findMany({ where: { databricksRunId: run.databricksRunId, integrationId } });
  expect(runs).toHaveLength(1);
}

describe(`${CALLERS} parallel calls of an idempotent mutation`, () => {
  it('submitNotebookRun with one idempotencyKey: one JobRun, one Databricks run, the same run for everyone', async () => {
    await emulator.resetStats();
    const results = await race(
      `mutation($input: SubmitNotebookRunInput!) { submitNotebookRun(input: $input) { ${RUN_FIELDS} } }`,
      { input: { workspaceId, notebookPath: NOTEBOOK, idempotencyKey: randomUUID() } },
      engineer,
    );
    await expectOneRun(results, 'submitNotebookRun', 'POST /api/2.2/jobs/runs/submit', instances.length);
  });

  it('triggerPipeline with one idempotencyKey', async () => {
    await api.prisma.integration.update({
      where: { id: integrationId },
      data: { config: { ...(await pipelineConfig()), pipelineJobId: await pipelineJobId() } },
    });
    await emulator.resetStats();
    const results = await race(
      `mutation($input: TriggerPipelineInput!) { triggerPipeline(input: $input) { ${RUN_FIELDS} } }`,
      { input: { copId: tenant.ids.cop, layer: 'GOLD', idempotencyKey: randomUUID() } },
      engineer,
    );
    await expectOneRun(results, 'triggerPipeline', 'POST /api/2.2/jobs/run-now', instances.length);
  });

  it('runJob with one idempotencyKey', async () => {
    await emulator.resetStats();
    const results = await race(
      `mutation($input: RunJobInput!) { runJob(input: $input) { ${RUN_FIELDS} } }`,
      { input: { workspaceId, jobId: await pipelineJobId(), idempotencyKey: randomUUID() } },
      engineer,
    );
    await expectOneRun(results, 'runJob', 'POST /api/2.2/jobs/run-now', instances.length);
  });

  it('upsertKpi with a nested selection: one row, the same KPI for everyone', async () => {
    const results = await race(
      `mutation($input: UpsertKpiInput!) { upsertKpi(input: $input) { id metricValue cop { id name } } }`,
      { input: { copId: tenant.ids.cop, metricName: 'RACE_SCORE', metricValue: 7, metricDate: '2026-11-01' } },
      admin,
    );
    const kpi = expectOneAnswer(results, (data) => data.upsertKpi) as { metricValue: number };
    expect(kpi.metricValue).toBe(7);
    expect(await api.prisma.kpiMetric.count({ where: { copId: tenant.cop.id, metricName: 'RACE_SCORE' } })).toBe(1);
  });

  it('ingestUsage for one day: one KPI row per metric, the same answer for everyone', async () => {
    const results = await race(
      `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { status processed copIds } }`,
      {
        input: {
          customerId: tenant.ids.customer,
          copId: tenant.ids.cop,
          metricDate: '2026-11-02',
          metrics: [
            { name: 'DBU', value: 12.5 },
            { name: 'JOBS_RUN', value: 3 },
          ],
        },
      },
      admin,
    );
    expectOneAnswer(results, (data) => data.ingestUsage);
    const day = new Date('2026-11-02');
    expect(await api.prisma.kpiMetric.count({ where: { copId: tenant.cop.id, metricDate: day } })).toBe(2);
  });

  it('recognizeChampion: one champion row, the same champion for everyone', async () => {
    const results = await race(
      `mutation($input: RecognizeChampionInput!) { recognizeChampion(input: $input) { id reason user { id } cop { id } } }`,
      {
        input: {
          copId: tenant.ids.cop,
          userId: encodeGlobalID('User', tenant.users.MEMBER.id),
          reason: 'Ran the lakehouse clinic',
        },
      },
      admin,
    );
    expectOneAnswer(results, (data) => data.recognizeChampion);
    expect(await api.prisma.champion.count({ where: { copId: tenant.cop.id } })).toBe(1);
  });

  it('addMember: one membership, the same member for everyone', async () => {
    const results = await race(
      `mutation($input: AddMemberInput!) { addMember(input: $input) { id role } }`,
      { input: { copId: tenant.ids.cop, userId: encodeGlobalID('User', tenant.users.ANALYST.id) } },
      admin,
    );
    expectOneAnswer(results, (data) => data.addMember);
    const where = { copId: tenant.cop.id, userId: tenant.users.ANALYST.id };
    expect(await api.prisma.membership.count({ where })).toBe(1);
  });
});

describe('parallel calls of a mutation that may succeed once', () => {
  it('10 parallel submitSurveyResponse by one person: one response, CONFLICT for the others', async () => {
    const survey = await api.prisma.survey.create({
      data: {
        copId: tenant.cop.id,
        title: 'Race pulse',
        questions: { create: [{ position: 1, prompt: 'How likely…', type: 'NPS', choices: [], required: true }] },
      },
      include: { questions: true },
    });
    const member = await api.tokenFor(tenant.users.MEMBER.id);
    const input = {
      surveyId: encodeGlobalID('Survey', survey.id),
      answers: [{ questionId: encodeGlobalID('SurveyQuestion', survey.questions[0]!.id), numberValue: 9 }],
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        instances[i % 2]!.graphql(
          `mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { id } }`,
          { input },
          member,
        ),
      ),
    );
    expect(results.filter((result) => result.data?.submitSurveyResponse)).toHaveLength(1);
    const codes = results.flatMap((result) => (result.errors ?? []).map((error) => error.extensions?.code));
    expect(codes).toEqual(Array(9).fill('CONFLICT'));
    expect(await api.prisma.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(1);
  });

  it('parallel createWorkspaceMapping of one workspace and CoP: one mapping, CONFLICT for the others', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        instances[i % 2]!.graphql(
          `mutation($input: CreateWorkspaceMappingInput!) { createWorkspaceMapping(input: $input) { id } }`,
          {
            input: {
              integrationId: encodeGlobalID('Integration', integrationId),
              copId: tenant.ids.cop,
              workspaceUrl: 'https://adb-2002002002002001.1.azuredatabricks.net',
              workspaceName: 'Race workspace',
              workspaceId: '2002002002002001',
            },
          },
          admin,
        ),
      ),
    );
    expect(results.filter((result) => result.data?.createWorkspaceMapping)).toHaveLength(1);
    const codes = results.flatMap((result) => (result.errors ?? []).map((error) => error.extensions?.code));
    expect(codes).toEqual(Array(9).fill('CONFLICT'));
    expect(await api.prisma.workspaceMapping.count({ where: { workspaceId: '2002002002002001', integrationId } })).toBe(
      1,
    );
  });
});

async function pipelineConfig(): Promise<Record<string, unknown>> {
  const row = await api.prisma.integration.findUniqueOrThrow({ where: { id: integrationId } });
  return row.config as Record<string, unknown>;
}

async function pipelineJobId(): Promise<string> {
  const result = await api.graphql(
    `query($id: ID!) { node(id: $id) { ... on DatabricksWorkspace { jobs { nodes { jobId name } } } } }`,
    { id: workspaceId },
    engineer,
  );
  return result.data?.node.jobs.nodes.find((job: { name: string }) => /PetInsure360/.test(job.name)).jobId;
}

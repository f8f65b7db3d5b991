import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanEventsTomorrow } from '../src/notifications/reminders.js';
import { connectEmulator } from './support/databricks.js';
import { testEmulator } from './support/emulator.js';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';
import { startWebhookReceiver } from './support/webhook-receiver.js';

// Short pauses: a round retries within milliseconds; a failed round waits 60 s (longer than any test).
const api = createTestApi({}, { notifications: { post: { initialDelayMs: 5, maxDelayMs: 20 }, roundDelayMs: 60_000 } });
const emulator = testEmulator();
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let admin: string;
let slackId: string;

const CREATE = `mutation($input: CreateIntegrationInput!) {
  createIntegration(input: $input) { id type secrets { name isSet } } }`;
const TEST = `mutation($id: ID!) { testIntegration(id: $id) { ok steps { step ok message code } } }`;
const CREATE_SURVEY = `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitNotebookRunInput!) { submitNotebookRun(input: $input) { id } }`;

const createChat = (type: 'SLACK' | 'TEAMS', webhookUrl: string | undefined, customerId = tenant.ids.customer) =>
  api.graphql(
    CREATE,
    { input: { customerId, type, displayName: `${type} channel`, ...(webhookUrl && { secrets: { webhookUrl } }) } },
    admin,
  );

const notificationsOf = (dedupeKey: string) => api.prisma.notification.findMany({ where: { dedupeKey } });

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  tenant = await createTenant(api.prisma);
  admin = await api.tokenFor(tenant.users.CUSTOMER_ADMIN.id);
  const slack = await createChat('SLACK', receiver.url('/slack'));
  expect(slack.errors).toBeUndefined();
  slackId = slack.data?.createIntegration.id;
});
afterAll(async () => {
  await api.close();
  await receiver.close();
});

describe('Slack and Teams integrations', () => {
  it('keeps the webhook URL write-only and sealed', async () => {
    const row = await api.prisma.integration.findUniqueOrThrow({ where: { id: decodeGlobalID(slackId).id } });
    expect((row.secrets as { webhookUrl: string }).webhookUrl).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(receiver.url('/slack'));
    const read = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Integration { secrets { name isSet } } } }`,
      { id: slackId },
      admin,
    );
    expect(read.data?.node.secrets).toEqual([{ name: 'webhookUrl', isSet: true }]);
  });

  it('refuses a chat integration without a webhook URL, with a plain-http one, or with a Databricks token', async () => {
    const missing = await createChat('TEAMS', undefined);
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['input.secrets.webhookUrl'],
    });
    const plain = await createChat('SLACK', 'http://hooks.example.com/services/x');
    expect(plain.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(plain.errors?.[0]?.message).toContain('https://');
    const token = await api.graphql(
      CREATE,
      {
        input: {
          customerId: tenant.ids.customer,
          type: 'SLACK',
          displayName: 'Mixed up',
          secrets: { webhookUrl: receiver.url('/x'), token: 'dapi-wrong-place' },
        },
      },
      admin,
    );
    expect(token.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.secrets.token'] });
  });

  it('sends a Slack test message ({text, blocks}) and reports it', async () => {
    const result = await api.graphql(TEST, { id: slackId }, admin);
    expect(result.data?.testIntegration).toEqual({
      ok: true,
      steps: [{ step: 'webhook', ok: true, message: 'Slack accepted the test message (HTTP 200).', code: null }],
    });
    const [post] = receiver.postsTo('/slack').slice(-1);
    expect(post?.body.text).toContain('CoP OS test message');
    expect(post?.body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'CoP OS test message' } });
  });

  it('sends a Teams test message as an Adaptive Card, and reports a refusing webhook as a failed step', async () => {
    const teams = await createChat('TEAMS', receiver.url('/teams-test'));
    const id = teams.data?.createIntegration.id;
    const ok = await api.graphql(TEST, { id }, admin);
    expect(ok.data?.testIntegration.ok).toBe(true);
    const card = receiver.postsTo('/teams-test')[0]?.body.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.body[0]).toMatchObject({ type: 'TextBlock', text: 'CoP OS test message' });
    receiver.failNext(404);
    const refused = await api.graphql(TEST, { id }, admin);
    expect(refused.data?.testIntegration.ok).toBe(false);
    expect(refused.data?.testIntegration.steps[0].message).toBe('The webhook answered HTTP 404: server_error');
    await api.prisma.integration.delete({ where: { id: decodeGlobalID(id).id } });
  });
});

describe('the notification outbox', () => {
  it('announces a new survey once, retrying a webhook that answers 500', async () => {
    receiver.failNext(500, 500);
    const before = receiver.postsTo('/slack').length;
    const survey = await api.graphql(
      CREATE_SURVEY,
      {
        input: {
          copId: tenant.ids.cop,
          title: 'Quarterly pulse',
          questions: [{ prompt: 'How is it going?', type: 'FREE_TEXT' }],
        },
      },
      admin,
    );
    expect(survey.errors).toBeUndefined();
    const key = `survey:${decodeGlobalID(survey.data?.createSurvey.id).id}:opened`;
    expect(await api.deps.notifications.deliverDue()).toBe(1);
    const posts = receiver.postsTo('/slack').slice(before);
    // Two refused posts and the accepted third, all the same message.
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((post) => JSON.stringify(post.body))).size).toBe(1);
    expect(posts[0]?.body.text).toBe(`New survey: Quarterly pulse: ${tenant.cop.name} would like your answers.`);
    const [row] = await notificationsOf(key);
    expect(row).toMatchObject({ status: 'DELIVERED', attempts: 1, lastError: null });
    // Nothing is due any more: a second pass sends nothing.
    expect(await api.deps.notifications.deliverDue()).toBe(0);
    expect(receiver.postsTo('/slack').length).toBe(before + 3);
  });

  it('keeps a notice whose round failed for a later round, and gives up at once on a 4xx', async () => {
    await api.prisma.notification.create({
      data: {
        integrationId: decodeGlobalID(slackId).id,
        dedupeKey: 'manual:down',
        notice: { title: 'Down', text: 'x' },
      },
    });
    receiver.failNext(503, 503, 503);
    expect(await api.deps.notifications.deliverDue()).toBe(0);
    const [waiting] = await notificationsOf('manual:down');
    expect(waiting).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastError: 'The webhook answered HTTP 503: server_error',
    });
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    const posted = receiver.postsTo('/slack').length;
    expect(await api.deps.notifications.deliverDue()).toBe(0);
    expect(receiver.postsTo('/slack').length).toBe(posted);

    await api.prisma.notification.create({
      data: {
        integrationId: decodeGlobalID(slackId).id,
        dedupeKey: 'manual:gone',
        notice: { title: 'Gone', text: 'x' },
      },
    });
    receiver.failNext(410);
    await api.deps.notifications.deliverDue();
    expect((await notificationsOf('manual:gone'))[0]).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(receiver.postsTo('/slack').length).toBe(posted + 1);
  });

  it('reminds of tomorrow’s events once, however often the daily scan runs', async () => {
    const now = new Date();
    const tomorrowAt = (hour: number) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, hour));
    const tomorrow = await api.prisma.copEvent.create({
      data: {
        copId: tenant.cop.id,
        title: 'Lakehouse office hours',
        kind: 'OFFICE_HOURS',
        startsAt: tomorrowAt(15),
        endsAt: tomorrowAt(16),
        location: 'Room 4',
      },
    });
    await api.prisma.copEvent.create({
      data: {
        copId: tenant.cop.id,
        title: 'Later',
        kind: 'MEETUP',
        startsAt: new Date(tomorrowAt(15).getTime() + 2 * 86_400_000),
        endsAt: new Date(tomorrowAt(16).getTime() + 2 * 86_400_000),
      },
    });
    expect(await scanEventsTomorrow(api.prisma, now)).toBe(1);
    expect(await scanEventsTomorrow(api.prisma, now)).toBe(0);
    const before = receiver.postsTo('/slack').length;
    await api.deps.notifications.deliverDue();
    const posts = receiver.postsTo('/slack').slice(before);
    expect(posts.map((post) => post.body.text)).toEqual([
      `Tomorrow: Lakehouse office hours: Office hours of ${tenant.cop.name}, tomorrow at 15:00 UTC.`,
    ]);
    expect(await notificationsOf(`event:${tomorrow.id}:tomorrow`)).toHaveLength(1);
  });

  it('announces a run that finished and one that failed, once each and on every channel', async () => {
    const teams = await createChat('TEAMS', receiver.url('/teams'));
    expect(teams.errors).toBeUndefined();
    const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
      customerId: tenant.customer.id,
      mappings: [{ workspaceId: '1444828305810485', copId: tenant.cop.id }],
    });
    const workspaceId = encodeGlobalID('DatabricksWorkspace', integration.workspaceMappings[0]!.id);
    const engineer = await api.tokenFor(tenant.users.DATA_ENGINEER.id);
    const [bronze, gold] = ['/PetInsure360/01_bronze_ingestion', '/PetInsure360/03_gold_aggregations'];
    await emulator.setNotebook({
      path: gold,
      forceFailure: true,
      failureMessage: 'Table gold.claims_summary is locked',
    });
    api.deps.runs.watcher.start();
    try {
      const [finished, failed] = await Promise.all(
        [bronze, gold].map(async (notebookPath) => {
          const result = await api.graphql(SUBMIT, { input: { workspaceId, notebookPath } }, engineer);
          expect(result.errors).toBeUndefined();
          return decodeGlobalID(result.data?.submitNotebookRun.id).id;
        }),
      );
      await expect
        .poll(() => api.prisma.jobRun.count({ where: { id: { in: [finished!, failed!] }, isTerminal: true } }), {
          timeout: 30_000,
        })
        .toBe(2);
      await api.deps.notifications.deliverDue();
      await api.deps.notifications.deliverDue();
      // One notice per channel (Slack and Teams) and run.
      expect(await notificationsOf(`run:${finished}:finished`)).toHaveLength(2);
      expect(await notificationsOf(`run:${failed}:failed`)).toHaveLength(2);
      const slack = receiver.postsTo('/slack').map((post) => post.body.text as string);
      expect(slack.filter((text) => text.startsWith(`Run finished: notebook ${bronze}`))).toHaveLength(1);
      expect(slack.filter((text) => text.startsWith('Run failed:'))).toEqual([
        `Run failed: notebook ${gold}: The notebook ${gold} run in ${tenant.cop.name} failed: Table gold.claims_summary is locked`,
      ]);
      const cards = receiver.postsTo('/teams').map((post) => post.body.attachments[0].content.body[0].text);
      expect(cards.sort()).toEqual([`Run failed: notebook ${gold}`, `Run finished: notebook ${bronze}`]);
    } finally {
      await api.deps.runs.watcher.stop();
      await emulator.setNotebook({ path: gold, forceFailure: false });
    }
  });
});

import { ADMIN_ROLES } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { type CheckStep, databricksCheckSteps } from '../integrations/check.js';
import { readWebhookUrl } from '../integrations/credentials.js';
import { checkChatIntegration } from '../notifications/chat-check.js';
import { builder } from './builder.js';
import { Integration } from './integration.js';
import { findOwned } from './ownership.js';

const IntegrationCheckStep = builder.simpleObject('IntegrationCheckStep', {
  fields: (t) => ({
    step: t.string({
      description:
        'Databricks: credentials, workspace, warehouse, sqlQuery or servingEndpoints; Slack and Teams: webhook.',
    }),
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

/**
 * The steps of an integration's check, each as soon as it is done: the five Databricks steps, or, for Slack
 * and Teams, a test message posted to the channel.
 */
async function* checkSteps(ctx: Context, integrationId: string): AsyncGenerator<CheckStep> {
  const integration = await findOwned(ctx, 'integration', integrationId, {});
  if (integration.type === 'DATABRICKS') {
    yield* databricksCheckSteps(integration, () => ctx.databricksGateway.registry.forIntegration(integration));
  } else {
    yield* await checkChatIntegration(integration.type, readWebhookUrl(integration, ctx.secretBox));
  }
}

builder.mutationField('testIntegration', (t) =>
  t.field({
    type: IntegrationCheck,
    description:
      'Checks an integration step by step (Slack and Teams: sends a test message); a failing step is reported, ' +
      'not thrown. `integrationCheck` streams the same steps as they finish.',
    authScopes: { role: ADMIN_ROLES },
    args: { id: t.arg.globalID({ for: Integration }) },
    resolve: async (_root, { id }, ctx) => {
      const steps: CheckStep[] = [];
      for await (const done of checkSteps(ctx, id.id)) steps.push(done);
      return { ok: steps.every((s) => s.ok), checkedAt: new Date(), steps };
    },
  }),
);

builder.subscriptionField('integrationCheck', (t) =>
  t.field({
    type: IntegrationCheckStep,
    description: 'Runs the check of `testIntegration` and sends each step as soon as it is done; ends after the last.',
    authScopes: { role: ADMIN_ROLES },
    args: { id: t.arg.globalID({ for: Integration }) },
    subscribe: (_root, { id }, ctx) => checkSteps(ctx, id.id),
    resolve: (done) => done,
  }),
);

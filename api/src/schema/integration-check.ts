import { ADMIN_ROLES } from '../auth/viewer.js';
import { badInput } from '../errors.js';
import { checkDatabricksIntegration } from '../integrations/check.js';
import { builder } from './builder.js';
import { Integration } from './integration.js';
import { findOwned } from './ownership.js';

const IntegrationCheckStep = builder.simpleObject('IntegrationCheckStep', {
  fields: (t) => ({
    step: t.string({ description: 'credentials, workspace, warehouse, sqlQuery or servingEndpoints.' }),
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

builder.mutationField('testIntegration', (t) =>
  t.field({
    type: IntegrationCheck,
    description: 'Checks a Databricks integration step by step; a failing step is reported, not thrown.',
    authScopes: { role: ADMIN_ROLES },
    args: { id: t.arg.globalID({ for: Integration }) },
    resolve: async (_root, { id }, ctx) => {
      const integration = await findOwned(ctx, 'integration', id.id, {});
      if (integration.type !== 'DATABRICKS') throw badInput('Only Databricks integrations can be tested.', 'id');
      const steps = await checkDatabricksIntegration(integration, () =>
        ctx.databricksGateway.registry.forIntegration(integration),
      );
      return { ok: steps.every((s) => s.ok), checkedAt: new Date(), steps };
    },
  }),
);

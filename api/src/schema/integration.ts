import { z } from 'zod';
import type { SecretBox } from '../auth/secret-box.js';
import { assertCustomerAccess } from '../auth/tenancy.js';
import { ADMIN_ROLES } from '../auth/viewer.js';
import { appError } from '../errors.js';
import type { IntegrationType } from '../generated/prisma/enums.js';
import { SENSITIVE } from '../graphql/sensitive.js';
import { type DatabricksConfig, databricksConfigSchema, UNITY_NAME } from '../integrations/databricks-config.js';
import { checkDatabricksSettings, httpsUrl, patchSettings } from '../integrations/databricks-settings.js';
import {
  applySecretChanges,
  type SecretChanges,
  type StoredSecrets,
  secretStates,
  setSecretFields,
} from '../integrations/sealed-secrets.js';
import { SECRET_FIELDS, SECRETS_BY_TYPE } from '../integrations/secret-fields.js';
import { webhookUrl } from '../integrations/webhook-url.js';
import { builder } from './builder.js';
import { Customer } from './customer.js';
import { IntegrationTypeEnum } from './enums.js';
import { withoutNulls } from './input.js';
import { findOwned, ownedDeleteMutation, ownedNode, updateOwned } from './ownership.js';

const DatabricksAuthTypeEnum = builder.enumType('DatabricksAuthType', {
  description:
    'PAT: personal access token; OAUTH_M2M: Databricks service principal; AZURE_SP: Azure AD service principal.',
  values: databricksConfigSchema.shape.authType.options,
});

const NotebookPaths = builder.simpleObject('DatabricksNotebookPaths', {
  fields: (t) => ({
    bronze: t.string({ nullable: true }),
    silver: t.string({ nullable: true }),
    gold: t.string({ nullable: true }),
  }),
});

const ServingEndpoints = builder.simpleObject('DatabricksServingEndpoints', {
  fields: (t) => ({
    advisor: t.string({ nullable: true }),
    summarizer: t.string({ nullable: true }),
  }),
});

const CRM_LOCATION = 'Where the CRM’s Delta tables live: `<catalog>.<schema>`, `edip_crm.main` when not set.';

const CrmLocation = builder.simpleObject('DatabricksCrmLocation', {
  description: CRM_LOCATION,
  fields: (t) => ({
    catalog: t.string({ nullable: true, description: 'Unity Catalog catalog (default edip_crm).' }),
    schema: t.string({ nullable: true, description: 'Schema in it (default main).' }),
  }),
});

const DatabricksSettings = builder.simpleObject('DatabricksIntegrationSettings', {
  description: 'The plain settings of a Databricks integration; credentials are never part of them.',
  fields: (t) => ({
    host: t.string(),
    authType: t.field({ type: DatabricksAuthTypeEnum }),
    clientId: t.string({ nullable: true }),
    azureTenantId: t.string({ nullable: true }),
    azureAuthority: t.string({ nullable: true }),
    warehouseId: t.string({ nullable: true }),
    pipelineJobId: t.string({ nullable: true }),
    notebookPaths: t.field({ type: NotebookPaths, nullable: true }),
    servingEndpoints: t.field({ type: ServingEndpoints, nullable: true }),
    catalogPrefix: t.string({ nullable: true }),
    crm: t.field({ type: CrmLocation, nullable: true }),
    accountId: t.string({ nullable: true, description: 'The Databricks account the workspace belongs to.' }),
    accountConsoleUrl: t.string({ nullable: true, description: 'The account console (account-level administration).' }),
    region: t.string({ nullable: true, description: 'The cloud region of the workspace, e.g. us-east-1.' }),
  }),
});

const SecretState = builder.simpleObject('SecretState', {
  description: 'Whether a write-only credential is set. The API never returns a secret or its ciphertext.',
  fields: (t) => ({
    name: t.string({ description: 'The secret’s field in `IntegrationSecretsInput`.' }),
    isSet: t.boolean(),
    updatedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the current value was written.' }),
  }),
});

export const Integration = builder.prismaNode('Integration', {
  ...ownedNode('integration'),
  // Integrations are configuration: only admins see them, even through `node(id:)`.
  authScopes: { role: ADMIN_ROLES },
  runScopesOnType: true,
  fields: (t) => ({
    type: t.expose('type', { type: IntegrationTypeEnum }),
    displayName: t.exposeString('displayName'),
    isActive: t.exposeBoolean('isActive'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    customer: t.relation('customer'),
    databricks: t.field({
      type: DatabricksSettings,
      nullable: true,
      description: 'The parsed settings; null for other integration types.',
      resolve: (integration) =>
        integration.type === 'DATABRICKS' ? (databricksConfigSchema.safeParse(integration.config).data ?? null) : null,
    }),
    secrets: t.field({
      type: [SecretState],
      resolve: (integration) => secretStates(integration.secrets, integration.type),
    }),
  }),
});

builder.prismaObjectField('Customer', 'integrations', (t) =>
  t.relatedConnection('integrations', {
    cursor: 'id',
    totalCount: true,
    nullable: true,
    description: 'The customer’s integrations (admins only: FORBIDDEN for other roles).',
    authScopes: { role: ADMIN_ROLES },
    query: { orderBy: { displayName: 'asc' } },
  }),
);

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} cannot be empty; pass null to clear it.`);

const NotebookPathsInput = builder.inputType('DatabricksNotebookPathsInput', {
  fields: (t) => ({
    bronze: t.string({ required: false, validate: nonEmpty('A notebook path') }),
    silver: t.string({ required: false, validate: nonEmpty('A notebook path') }),
    gold: t.string({ required: false, validate: nonEmpty('A notebook path') }),
  }),
});

const ServingEndpointsInput = builder.inputType('DatabricksServingEndpointsInput', {
  fields: (t) => ({
    advisor: t.string({ required: false, validate: nonEmpty('An endpoint name') }),
    summarizer: t.string({ required: false, validate: nonEmpty('An endpoint name') }),
  }),
});

const unityName = (what: string) =>
  z.string().regex(UNITY_NAME, `${what} is a lower-case Unity Catalog name (letters, digits and _).`);

const CrmLocationInput = builder.inputType('DatabricksCrmLocationInput', {
  description: CRM_LOCATION,
  fields: (t) => ({
    catalog: t.string({ required: false, validate: unityName('The CRM catalog') }),
    schema: t.string({ required: false, validate: unityName('The CRM schema') }),
  }),
});

const DatabricksSettingsInput = builder.inputType('DatabricksSettingsInput', {
  description:
    'Databricks settings. On create, host and authType are required. On update, an omitted field keeps its ' +
    'value, null clears it, and a nested object (notebookPaths, servingEndpoints, crm) replaces the whole object.',
  fields: (t) => ({
    host: t.string({ required: false, description: 'Workspace URL, e.g. https://adb-123.4.azuredatabricks.net' }),
    authType: t.field({ type: DatabricksAuthTypeEnum, required: false }),
    clientId: t.string({ required: false, validate: nonEmpty('A client id') }),
    azureTenantId: t.string({ required: false, validate: nonEmpty('An Azure tenant id') }),
    azureAuthority: t.string({ required: false, validate: httpsUrl('The Azure authority must be an https:// URL.') }),
    warehouseId: t.string({ required: false, validate: nonEmpty('A warehouse id') }),
    pipelineJobId: t.string({ required: false, validate: nonEmpty('A pipeline job id') }),
    notebookPaths: t.field({ type: NotebookPathsInput, required: false }),
    servingEndpoints: t.field({ type: ServingEndpointsInput, required: false }),
    crm: t.field({ type: CrmLocationInput, required: false }),
    catalogPrefix: t.string({
      required: false,
      validate: z
        .string()
        .regex(/^[a-z][a-z0-9_]{0,39}$/, 'A catalog prefix is lower-case letters, digits and _ (up to 40).'),
    }),
    accountId: t.string({ required: false, validate: nonEmpty('An account id') }),
    accountConsoleUrl: t.string({
      required: false,
      validate: httpsUrl('The account console must be an https:// URL, e.g. https://accounts.cloud.databricks.com.'),
    }),
    region: t.string({
      required: false,
      validate: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'A region is lower-case letters, digits and - (e.g. us-east-1).'),
    }),
  }),
});

const SecretsInput = builder.inputType('IntegrationSecretsInput', {
  extensions: SENSITIVE,
  description: 'Write-only credentials: an omitted field keeps the stored value, a string replaces it, null clears it.',
  fields: (t) => ({
    token: t.string({ required: false, validate: nonEmpty('A token') }),
    clientSecret: t.string({ required: false, validate: nonEmpty('A client secret') }),
    webhookUrl: t.string({
      required: false,
      validate: webhookUrl,
      description: 'Slack and Teams: the incoming-webhook URL notifications are posted to.',
    }),
  }),
});

const displayName = z.string().trim().min(2, 'A display name needs at least 2 characters.').max(120);

const CreateIntegrationInput = builder.inputType('CreateIntegrationInput', {
  fields: (t) => ({
    customerId: t.globalID({ for: Customer }),
    type: t.field({ type: IntegrationTypeEnum, defaultValue: 'DATABRICKS' }),
    displayName: t.string({ validate: displayName }),
    databricks: t.field({ type: DatabricksSettingsInput, required: false, description: 'Required for DATABRICKS.' }),
    secrets: t.field({ type: SecretsInput, required: false }),
  }),
});

const UpdateIntegrationInput = builder.inputType('UpdateIntegrationInput', {
  fields: (t) => ({
    displayName: t.string({ required: false, validate: displayName }),
    isActive: t.boolean({ required: false }),
    databricks: t.field({ type: DatabricksSettingsInput, required: false }),
    secrets: t.field({ type: SecretsInput, required: false }),
  }),
});

/**
 * The `config` column after a write: Databricks settings are merged, then checked together with the secrets
 * that will be set (PAT needs a token, and so on). Other types carry no settings: undefined leaves the column.
 */
function checkedConfig(
  type: IntegrationType,
  current: unknown,
  patch: Record<string, unknown> | null | undefined,
  secrets: StoredSecrets,
): DatabricksConfig | undefined {
  if (type !== 'DATABRICKS') {
    if (patch) throw appError('BAD_USER_INPUT', `A ${type} integration takes no Databricks settings.`);
    return undefined;
  }
  const check = checkDatabricksSettings(patchSettings(current, patch ?? {}), setSecretFields(secrets));
  if (!check.ok) {
    throw appError('BAD_USER_INPUT', check.issues.map((issue) => issue.message).join(' '), {
      fields: check.issues.map((issue) => `input.${issue.path}`),
    });
  }
  return check.config;
}

/**
 * The `secrets` column after a write: only the secrets of the integration's type are accepted, and a chat
 * integration keeps an incoming-webhook URL (it is all it has).
 */
function checkedSecrets(type: IntegrationType, current: unknown, changes: SecretChanges, secretBox: SecretBox) {
  const foreign = SECRET_FIELDS.filter((field) => changes[field] != null && !SECRETS_BY_TYPE[type].includes(field));
  if (foreign.length > 0) {
    throw appError('BAD_USER_INPUT', `A ${type} integration takes no ${foreign.join(' or ')}.`, {
      fields: foreign.map((field) => `input.secrets.${field}`),
    });
  }
  const secrets = applySecretChanges(current, changes, secretBox);
  if (type !== 'DATABRICKS' && !secrets.webhookUrl) {
    throw appError('BAD_USER_INPUT', `A ${type} integration needs its incoming-webhook URL (secrets.webhookUrl).`, {
      fields: ['input.secrets.webhookUrl'],
    });
  }
  return secrets;
}

builder.mutationFields((t) => ({
  createIntegration: t.prismaField({
    type: 'Integration',
    authScopes: { role: ADMIN_ROLES },
    args: { input: t.arg({ type: CreateIntegrationInput }) },
    resolve: (query, _root, { input }, ctx) => {
      assertCustomerAccess(ctx.viewer, input.customerId.id);
      const secrets = checkedSecrets(input.type, {}, input.secrets ?? {}, ctx.secretBox);
      const config = checkedConfig(input.type, {}, input.databricks, secrets);
      return ctx.prisma.integration.create({
        ...query,
        data: { customerId: input.customerId.id, type: input.type, displayName: input.displayName, config, secrets },
      });
    },
  }),
  updateIntegration: t.prismaField({
    type: 'Integration',
    authScopes: { role: ADMIN_ROLES },
    args: { id: t.arg.globalID({ for: Integration }), input: t.arg({ type: UpdateIntegrationInput }) },
    resolve: async (query, _root, { id, input }, ctx) => {
      const current = await findOwned(ctx, 'integration', id.id, {});
      const secrets = checkedSecrets(current.type, current.secrets, input.secrets ?? {}, ctx.secretBox);
      const config = checkedConfig(current.type, current.config, input.databricks, secrets);
      const { displayName, isActive } = withoutNulls({ displayName: input.displayName, isActive: input.isActive });
      const updated = await updateOwned(ctx, 'integration', id.id, {
        ...query,
        data: { displayName, isActive, config, secrets },
      });
      ctx.integrationChanges.changed(id.id);
      return updated;
    },
  }),
}));

ownedDeleteMutation('deleteIntegration', {
  node: Integration,
  model: 'integration',
  roles: ADMIN_ROLES,
  description: 'Deletes the integration and its workspace mappings; returns its id.',
  // Every instance forgets what it read through the integration.
  onDeleted: (ctx, id) => ctx.integrationChanges.changed(id),
});

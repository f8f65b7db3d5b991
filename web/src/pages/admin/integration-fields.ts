import type {
  CreateIntegrationInput,
  DatabricksAuthType,
  DatabricksSettingsInput,
  IntegrationSecretsInput,
  IntegrationType,
  UpdateIntegrationInput,
} from '../../gql/graphql';

/** Every field of the integration form, as the form holds them (empty string = not set). */
export interface IntegrationFields {
  type: IntegrationType;
  displayName: string;
  host: string;
  authType: DatabricksAuthType;
  clientId: string;
  azureTenantId: string;
  azureAuthority: string;
  warehouseId: string;
  pipelineJobId: string;
  accountId: string;
  accountConsoleUrl: string;
  region: string;
  token: string;
  clientSecret: string;
  webhookUrl: string;
}

export type SettingName = Exclude<
  keyof DatabricksSettingsInput,
  'notebookPaths' | 'servingEndpoints' | 'catalogPrefix'
>;
export type SecretName = keyof IntegrationSecretsInput & keyof IntegrationFields;
type TextSetting = Exclude<SettingName, 'authType'>;

/** What each authentication type asks for, besides the host (mirrors api/src/integrations/databricks-settings.ts). */
const CREDENTIALS: Record<DatabricksAuthType, { settings: TextSetting[]; secrets: SecretName[] }> = {
  PAT: { settings: [], secrets: ['token'] },
  OAUTH_M2M: { settings: ['clientId'], secrets: ['clientSecret'] },
  AZURE_SP: { settings: ['clientId', 'azureTenantId', 'azureAuthority'], secrets: ['clientSecret'] },
};
/** Settings every Databricks integration may have, whatever its authentication. */
const COMMON_SETTINGS: TextSetting[] = ['warehouseId', 'pipelineJobId', 'accountId', 'accountConsoleUrl', 'region'];

/** The inputs the form shows for the current type and authentication, in order. */
export function visibleFields(fields: IntegrationFields): { settings: TextSetting[]; secrets: SecretName[] } {
  if (fields.type !== 'DATABRICKS') return { settings: [], secrets: ['webhookUrl'] };
  const credentials = CREDENTIALS[fields.authType];
  return { settings: ['host', ...credentials.settings, ...COMMON_SETTINGS], secrets: credentials.secrets };
}

export const EMPTY_FIELDS: IntegrationFields = {
  type: 'DATABRICKS',
  displayName: '',
  host: '',
  authType: 'PAT',
  clientId: '',
  azureTenantId: '',
  azureAuthority: '',
  warehouseId: '',
  pipelineJobId: '',
  accountId: '',
  accountConsoleUrl: '',
  region: '',
  token: '',
  clientSecret: '',
  webhookUrl: '',
};

/** The form's fields for a stored integration (secrets stay empty: they are write-only). */
export function fieldsOf(integration: {
  type: IntegrationType;
  displayName: string;
  databricks?: (Partial<Record<TextSetting, string | null>> & { authType: DatabricksAuthType }) | null;
}): IntegrationFields {
  const settings = Object.fromEntries(
    Object.entries(integration.databricks ?? {}).map(([name, value]) => [name, value ?? '']),
  );
  return { ...EMPTY_FIELDS, ...settings, type: integration.type, displayName: integration.displayName };
}

/** Secrets typed into the form; an empty one is left out, which keeps the stored value. */
function secretsOf(fields: IntegrationFields): IntegrationSecretsInput {
  return Object.fromEntries(
    visibleFields(fields)
      .secrets.filter((name) => fields[name] !== '')
      .map((name) => [name, fields[name]]),
  );
}

/** Databricks settings of the form: shown ones with a value; on update, emptied ones as null (clear). */
function settingsOf(fields: IntegrationFields, initial?: IntegrationFields): DatabricksSettingsInput {
  const settings: Record<string, string | null> = { authType: fields.authType };
  for (const name of visibleFields(fields).settings) {
    const value = fields[name].trim();
    if (value !== '') settings[name] = value;
    else if (initial && initial[name] !== '') settings[name] = null;
  }
  return settings as DatabricksSettingsInput;
}

export function createInput(customerId: string, fields: IntegrationFields): CreateIntegrationInput {
  return {
    customerId,
    type: fields.type,
    displayName: fields.displayName.trim(),
    ...(fields.type === 'DATABRICKS' && { databricks: settingsOf(fields) }),
    secrets: secretsOf(fields),
  };
}

export function updateInput(fields: IntegrationFields, initial: IntegrationFields): UpdateIntegrationInput {
  const secrets = secretsOf(fields);
  return {
    displayName: fields.displayName.trim(),
    ...(fields.type === 'DATABRICKS' && { databricks: settingsOf(fields, initial) }),
    ...(Object.keys(secrets).length > 0 && { secrets }),
  };
}

export const FIELD_LABELS: Record<TextSetting | SecretName, string> = {
  host: 'Workspace URL',
  clientId: 'Client (application) id',
  azureTenantId: 'Azure AD tenant id',
  azureAuthority: 'Azure AD authority (optional)',
  warehouseId: 'SQL warehouse id (optional)',
  pipelineJobId: 'Pipeline job id (optional)',
  accountId: 'Account id (optional)',
  accountConsoleUrl: 'Account console URL (optional)',
  region: 'Region (optional)',
  token: 'Personal access token',
  clientSecret: 'Client secret',
  webhookUrl: 'Incoming-webhook URL',
};

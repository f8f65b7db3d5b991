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
  /** The CRM's location (`crm { catalog schema }` in the api): empty is the default, edip_crm.main. */
  crmCatalog: string;
  crmSchema: string;
  token: string;
  clientSecret: string;
  webhookUrl: string;
}

export type SettingName = Exclude<
  keyof DatabricksSettingsInput,
  'notebookPaths' | 'servingEndpoints' | 'catalogPrefix' | 'crm'
>;
/** The form's fields for the nested `crm` setting. */
const CRM_FIELDS = { crmCatalog: 'catalog', crmSchema: 'schema' } as const;
type CrmField = keyof typeof CRM_FIELDS;
export type SecretName = keyof IntegrationSecretsInput & keyof IntegrationFields;
type TextSetting = Exclude<SettingName, 'authType'>;
type FormSetting = TextSetting | CrmField;

/** What each authentication type asks for, besides the host (mirrors api/src/integrations/databricks-settings.ts). */
const CREDENTIALS: Record<DatabricksAuthType, { settings: TextSetting[]; secrets: SecretName[] }> = {
  PAT: { settings: [], secrets: ['token'] },
  OAUTH_M2M: { settings: ['clientId'], secrets: ['clientSecret'] },
  AZURE_SP: { settings: ['clientId', 'azureTenantId', 'azureAuthority'], secrets: ['clientSecret'] },
};
/** Settings every Databricks integration may have, whatever its authentication. */
const COMMON_SETTINGS: TextSetting[] = ['warehouseId', 'pipelineJobId', 'accountId', 'accountConsoleUrl', 'region'];

/** The inputs the form shows for the current type and authentication, in order. */
export function visibleFields(fields: IntegrationFields): { settings: FormSetting[]; secrets: SecretName[] } {
  if (fields.type !== 'DATABRICKS') return { settings: [], secrets: ['webhookUrl'] };
  const credentials = CREDENTIALS[fields.authType];
  const settings: FormSetting[] = ['host', ...credentials.settings, ...COMMON_SETTINGS, 'crmCatalog', 'crmSchema'];
  return { settings, secrets: credentials.secrets };
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
  crmCatalog: '',
  crmSchema: '',
  token: '',
  clientSecret: '',
  webhookUrl: '',
};

/** The form's fields for a stored integration (secrets stay empty: they are write-only). */
export function fieldsOf(integration: {
  type: IntegrationType;
  displayName: string;
  databricks?:
    | (Partial<Record<TextSetting, string | null>> & {
        authType: DatabricksAuthType;
        crm?: { catalog?: string | null; schema?: string | null } | null;
      })
    | null;
}): IntegrationFields {
  const { crm, ...plain } = integration.databricks ?? {};
  const settings = Object.fromEntries(Object.entries(plain).map(([name, value]) => [name, value ?? '']));
  return {
    ...EMPTY_FIELDS,
    ...settings,
    crmCatalog: crm?.catalog ?? '',
    crmSchema: crm?.schema ?? '',
    type: integration.type,
    displayName: integration.displayName,
  };
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
  const settings: Record<string, unknown> = { authType: fields.authType };
  const crm: Record<string, string> = {};
  for (const name of visibleFields(fields).settings) {
    const value = fields[name].trim();
    if (name in CRM_FIELDS) {
      if (value !== '') crm[CRM_FIELDS[name as CrmField]] = value;
    } else if (value !== '') settings[name] = value;
    else if (initial && initial[name] !== '') settings[name] = null;
  }
  // The api replaces the nested setting as a whole: both parts, or null to go back to the default.
  if (Object.keys(crm).length > 0) settings.crm = crm;
  else if (initial && (initial.crmCatalog !== '' || initial.crmSchema !== '')) settings.crm = null;
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

export const FIELD_LABELS: Record<FormSetting | SecretName, string> = {
  host: 'Workspace URL',
  clientId: 'Client (application) id',
  azureTenantId: 'Azure AD tenant id',
  azureAuthority: 'Azure AD authority (optional)',
  warehouseId: 'SQL warehouse id (optional)',
  pipelineJobId: 'Pipeline job id (optional)',
  accountId: 'Account id (optional)',
  accountConsoleUrl: 'Account console URL (optional)',
  region: 'Region (optional)',
  crmCatalog: 'CRM catalog (optional, default edip_crm)',
  crmSchema: 'CRM schema (optional, default main)',
  token: 'Personal access token',
  clientSecret: 'Client secret',
  webhookUrl: 'Incoming-webhook URL',
};

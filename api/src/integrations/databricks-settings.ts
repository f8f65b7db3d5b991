import { z } from 'zod';
import { type DatabricksConfig, databricksConfigSchema } from './databricks-config.js';
import { SECRET_FIELDS, type SecretField } from './secret-fields.js';

/** An absolute https:// URL without trailing slashes (credentials must never travel over plain HTTP). */
export const httpsUrl = (message: string) =>
  z.url({ protocol: /^https$/, error: message }).transform((url) => url.replace(/\/+$/, ''));

type AuthType = DatabricksConfig['authType'];
type CredentialSetting = 'clientId' | 'azureTenantId';
type DatabricksSecret = Exclude<SecretField, 'webhookUrl'>;

/** What each authentication type needs before the connector can sign in. */
const REQUIRED_CREDENTIALS: Record<AuthType, { settings: CredentialSetting[]; secrets: DatabricksSecret[] }> = {
  PAT: { settings: [], secrets: ['token'] },
  OAUTH_M2M: { settings: ['clientId'], secrets: ['clientSecret'] },
  AZURE_SP: { settings: ['clientId', 'azureTenantId'], secrets: ['clientSecret'] },
};

const DESCRIPTIONS: Record<CredentialSetting | DatabricksSecret, string> = {
  token: 'a personal access token (secrets.token)',
  clientSecret: 'the service principal’s client secret (secrets.clientSecret)',
  clientId: 'the service principal’s client id (databricks.clientId)',
  azureTenantId: 'the Azure AD tenant id (databricks.azureTenantId)',
};

/**
 * A Databricks integration as it will be saved: its settings and which secrets are set. Paths match the
 * GraphQL input (`databricks.host`, `secrets.token`) so that errors point at the field to fix.
 */
const databricksIntegrationSchema = z
  .object({
    databricks: databricksConfigSchema.extend({
      host: httpsUrl('The Databricks host must be an https:// URL, e.g. https://adb-123.4.azuredatabricks.net.'),
    }),
    secrets: z.set(z.enum(SECRET_FIELDS)),
  })
  .superRefine(({ databricks, secrets }, ctx) => {
    const required = REQUIRED_CREDENTIALS[databricks.authType];
    const missing = [
      ...required.settings.filter((setting) => !databricks[setting]).map((field) => ({ group: 'databricks', field })),
      ...required.secrets.filter((secret) => !secrets.has(secret)).map((field) => ({ group: 'secrets', field })),
    ];
    for (const { group, field } of missing) {
      ctx.addIssue({
        code: 'custom',
        path: [group, field],
        message: `${databricks.authType} authentication needs ${DESCRIPTIONS[field]}.`,
      });
    }
  });

export type SettingsCheck =
  | { ok: true; config: DatabricksConfig }
  | { ok: false; issues: { path: string; message: string }[] };

/** Checks settings (possibly merged from a patch) against the secrets that will be set after the write. */
export function checkDatabricksSettings(settings: unknown, setSecrets: ReadonlySet<SecretField>): SettingsCheck {
  const result = databricksIntegrationSchema.safeParse(
    { databricks: settings, secrets: setSecrets },
    { error: (issue) => (issue.input === undefined ? `${issue.path?.join('.')} is required.` : undefined) },
  );
  if (result.success) return { ok: true, config: result.data.databricks };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  };
}

/**
 * Applies a patch of settings: an undefined value keeps the current one, null clears it, anything else
 * replaces it (a nested object as a whole, without its null members). The result is checked afterwards.
 */
export function patchSettings(current: unknown, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = isRecord(current) ? { ...current } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (isRecord(value)) merged[key] = Object.fromEntries(Object.entries(value).filter(([, v]) => v != null));
    else if (value !== undefined) merged[key] = value;
  }
  return merged;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

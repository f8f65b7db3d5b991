import type { SecretBox } from '../auth/secret-box.js';
import type { Integration } from '../generated/prisma/client.js';
import { type DatabricksConfig, databricksConfigSchema } from './databricks-config.js';
import { readStoredSecrets } from './sealed-secrets.js';

export interface DatabricksCredentials {
  config: DatabricksConfig;
  token?: string;
  clientSecret?: string;
}

/**
 * The settings and plain credentials of a Databricks integration, for the connector to sign in with.
 * This module is the only place that decrypts integration secrets: nothing GraphQL-facing may call it.
 */
export function readDatabricksCredentials(
  integration: Pick<Integration, 'id' | 'type' | 'config' | 'secrets'>,
  secretBox: SecretBox,
): DatabricksCredentials {
  if (integration.type !== 'DATABRICKS') {
    throw new Error(`Integration ${integration.id} is of type ${integration.type}, not DATABRICKS`);
  }
  const config = databricksConfigSchema.parse(integration.config);
  const { token, clientSecret } = readStoredSecrets(integration.secrets);
  return {
    config,
    ...(token ? { token: secretBox.open(token) } : {}),
    ...(clientSecret ? { clientSecret: secretBox.open(clientSecret) } : {}),
  };
}

/** The incoming-webhook URL of a Slack or Teams integration, opened for the notification sender; null when unset. */
export function readWebhookUrl(integration: Pick<Integration, 'secrets'>, secretBox: SecretBox): string | null {
  const { webhookUrl } = readStoredSecrets(integration.secrets);
  return webhookUrl ? secretBox.open(webhookUrl) : null;
}

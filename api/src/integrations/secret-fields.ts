import type { IntegrationType } from '../generated/prisma/enums.js';

/** Write-only credentials of integrations; stored sealed in `Integration.secrets` under these keys. */
export const SECRET_FIELDS = ['token', 'clientSecret', 'webhookUrl'] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];
/** `Integration.secrets`: each present key holds `SecretBox.seal(value)`. */
export type SealedSecrets = Partial<Record<SecretField, string>>;

/**
 * The secrets each type of integration takes: Databricks credentials, or a chat tool's incoming-webhook URL
 * (whoever knows it can post to the channel, so it is a secret too).
 */
export const SECRETS_BY_TYPE: Record<IntegrationType, readonly SecretField[]> = {
  DATABRICKS: ['token', 'clientSecret'],
  SLACK: ['webhookUrl'],
  TEAMS: ['webhookUrl'],
};

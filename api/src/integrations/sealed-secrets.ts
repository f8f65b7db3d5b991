import type { SecretBox } from '../auth/secret-box.js';
import type { IntegrationType } from '../generated/prisma/enums.js';
import { SECRET_FIELDS, SECRETS_BY_TYPE, type SealedSecrets, type SecretField } from './secret-fields.js';

/**
 * `Integration.secrets` as stored: the sealed values (`SealedSecrets`) plus, under `updatedAt`, when each
 * one was last written (ISO 8601). Rows written without `updatedAt` (e.g. by the seed) stay valid.
 */
export type StoredSecrets = SealedSecrets & { updatedAt?: Partial<Record<SecretField, string>> };

/** One write-only change per secret: undefined keeps it, a string replaces it, null clears it. */
export type SecretChanges = Partial<Record<SecretField, string | null>>;

/** What the API may say about a secret: whether it is set and since when, never its value. */
export interface SecretState {
  name: SecretField;
  isSet: boolean;
  updatedAt: Date | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the `Integration.secrets` column, ignoring anything that is not a known secret field. */
export function readStoredSecrets(column: unknown): StoredSecrets {
  const record = isRecord(column) ? column : {};
  const stored: StoredSecrets = pickSecretFields(record);
  if (isRecord(record.updatedAt)) stored.updatedAt = pickSecretFields(record.updatedAt);
  return stored;
}

function pickSecretFields(record: Record<string, unknown>): Partial<Record<SecretField, string>> {
  return Object.fromEntries(
    SECRET_FIELDS.flatMap((field) => (typeof record[field] === 'string' ? [[field, record[field]]] : [])),
  );
}

/** The state of each secret an integration of `type` takes. */
export function secretStates(column: unknown, type: IntegrationType): SecretState[] {
  const stored = readStoredSecrets(column);
  return SECRETS_BY_TYPE[type].map((name) => {
    const updatedAt = stored[name] ? stored.updatedAt?.[name] : undefined;
    return { name, isSet: Boolean(stored[name]), updatedAt: updatedAt ? new Date(updatedAt) : null };
  });
}

/** Applies write-only changes to the stored secrets, sealing every new value; returns the new column value. */
export function applySecretChanges(
  column: unknown,
  changes: SecretChanges,
  secretBox: SecretBox,
  now = new Date(),
): StoredSecrets {
  const stored = readStoredSecrets(column);
  const updatedAt = { ...stored.updatedAt };
  const next: StoredSecrets = {};
  for (const field of SECRET_FIELDS) {
    const change = changes[field];
    if (typeof change === 'string') {
      next[field] = secretBox.seal(change);
      updatedAt[field] = now.toISOString();
    } else if (change === null) {
      delete updatedAt[field];
    } else if (stored[field]) {
      next[field] = stored[field];
    }
  }
  return { ...next, updatedAt };
}

/** The secret fields that hold a value. */
export const setSecretFields = (stored: StoredSecrets): Set<SecretField> =>
  new Set(SECRET_FIELDS.filter((field) => Boolean(stored[field])));

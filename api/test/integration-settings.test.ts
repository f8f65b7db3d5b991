import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../src/auth/secret-box.js';
import { readDatabricksCredentials } from '../src/integrations/credentials.js';
import { checkDatabricksSettings, patchSettings } from '../src/integrations/databricks-settings.js';
import { applySecretChanges, secretStates } from '../src/integrations/sealed-secrets.js';

const box = new SecretBox(randomBytes(32).toString('base64'));

describe('checkDatabricksSettings', () => {
  it('accepts a complete Azure service principal and trims the host’s trailing slash', () => {
    const check = checkDatabricksSettings(
      { host: 'https://adb-1.2.azuredatabricks.net/', authType: 'AZURE_SP', clientId: 'app', azureTenantId: 'tenant' },
      new Set(['clientSecret']),
    );
    expect(check).toEqual({
      ok: true,
      config: {
        host: 'https://adb-1.2.azuredatabricks.net',
        authType: 'AZURE_SP',
        clientId: 'app',
        azureTenantId: 'tenant',
      },
    });
  });

  it('says which field is required when the auth type is missing', () => {
    expect(checkDatabricksSettings({ host: 'https://x.cloud.databricks.com' }, new Set())).toEqual({
      ok: false,
      issues: [{ path: 'databricks.authType', message: 'databricks.authType is required.' }],
    });
  });

  it('lists every credential an auth type lacks', () => {
    const check = checkDatabricksSettings({ host: 'https://x.cloud.databricks.com', authType: 'AZURE_SP' }, new Set());
    expect(check.ok ? [] : check.issues.map((issue) => issue.path)).toEqual([
      'databricks.clientId',
      'databricks.azureTenantId',
      'secrets.clientSecret',
    ]);
  });
});

describe('patchSettings', () => {
  it('keeps undefined, clears null and replaces nested objects without their null members', () => {
    const current = { host: 'https://a', warehouseId: 'w', notebookPaths: { bronze: '/b', gold: '/g' } };
    expect(
      patchSettings(current, { host: undefined, warehouseId: null, notebookPaths: { silver: '/s', gold: null } }),
    ).toEqual({ host: 'https://a', notebookPaths: { silver: '/s' } });
  });
});

describe('sealed secrets', () => {
  const earlier = new Date('2026-01-01T00:00:00Z');
  const later = new Date('2026-02-01T00:00:00Z');

  it('keeps an omitted secret, replaces a string and clears a null, with write times', () => {
    const start = applySecretChanges({}, { token: 'first', clientSecret: 'cs' }, box, earlier);
    const next = applySecretChanges(start, { token: 'second', clientSecret: null }, box, later);
    expect(next.token).not.toBe(start.token);
    expect(box.open(next.token ?? '')).toBe('second');
    expect(next.clientSecret).toBeUndefined();
    expect(secretStates(next, 'DATABRICKS')).toEqual([
      { name: 'token', isSet: true, updatedAt: later },
      { name: 'clientSecret', isSet: false, updatedAt: null },
    ]);
    expect(applySecretChanges(next, {}, box, later)).toEqual(next);
  });

  it('reads a row written without write times (e.g. by the seed) as set, since an unknown time', () => {
    expect(secretStates({ token: box.seal('seeded'), unrelated: 1 }, 'DATABRICKS')).toEqual([
      { name: 'token', isSet: true, updatedAt: null },
      { name: 'clientSecret', isSet: false, updatedAt: null },
    ]);
  });
});

describe('readDatabricksCredentials', () => {
  it('opens the sealed secrets of a Databricks integration', () => {
    const secrets = applySecretChanges({}, { token: 'dapi-plain' }, box);
    const integration = {
      id: 'i',
      type: 'DATABRICKS' as const,
      config: { host: 'https://h', authType: 'PAT' },
      secrets,
    };
    expect(readDatabricksCredentials(integration, box)).toEqual({
      config: { host: 'https://h', authType: 'PAT' },
      token: 'dapi-plain',
    });
  });

  it('refuses an integration of another type', () => {
    const integration = { id: 'i', type: 'SLACK' as const, config: {}, secrets: {} };
    expect(() => readDatabricksCredentials(integration, box)).toThrow(/not DATABRICKS/);
  });
});

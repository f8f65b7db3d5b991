import { describe, expect, it } from 'vitest';
import { createInput, EMPTY_FIELDS, fieldsOf, updateInput, visibleFields } from './integration-fields';

describe('visibleFields', () => {
  it('asks each authentication type for its own credentials', () => {
    expect(visibleFields({ ...EMPTY_FIELDS, authType: 'PAT' })).toMatchObject({ secrets: ['token'] });
    const azure = visibleFields({ ...EMPTY_FIELDS, authType: 'AZURE_SP' });
    expect(azure.settings.slice(0, 4)).toEqual(['host', 'clientId', 'azureTenantId', 'azureAuthority']);
    expect(azure.secrets).toEqual(['clientSecret']);
    expect(visibleFields({ ...EMPTY_FIELDS, type: 'SLACK' })).toEqual({ settings: [], secrets: ['webhookUrl'] });
  });
});

describe('createInput', () => {
  it('sends the shown settings with a value and the typed secrets only', () => {
    const fields = {
      ...EMPTY_FIELDS,
      displayName: ' Production ',
      host: 'https://dbc-1.cloud.databricks.com',
      authType: 'OAUTH_M2M' as const,
      clientId: 'sp-app',
      azureTenantId: 'left over from AZURE_SP',
      clientSecret: 's3cret',
      token: 'not for this auth type',
    };
    expect(createInput('Q3VzdG9tZXI6MQ==', fields)).toEqual({
      customerId: 'Q3VzdG9tZXI6MQ==',
      type: 'DATABRICKS',
      displayName: 'Production',
      databricks: { authType: 'OAUTH_M2M', host: 'https://dbc-1.cloud.databricks.com', clientId: 'sp-app' },
      secrets: { clientSecret: 's3cret' },
    });
  });

  it('sends a chat integration as its webhook URL alone', () => {
    expect(
      createInput('c', {
        ...EMPTY_FIELDS,
        type: 'TEAMS',
        displayName: 'Team',
        webhookUrl: 'https://x.webhook.office.com/y',
      }),
    ).toEqual({
      customerId: 'c',
      type: 'TEAMS',
      displayName: 'Team',
      secrets: { webhookUrl: 'https://x.webhook.office.com/y' },
    });
  });
});

describe('updateInput', () => {
  it('clears an emptied setting, keeps secrets left empty', () => {
    const initial = fieldsOf({
      type: 'DATABRICKS',
      displayName: 'Prod',
      databricks: { host: 'https://a.cloud.databricks.com', authType: 'PAT', warehouseId: 'wh', region: null },
    });
    expect(updateInput({ ...initial, warehouseId: '', region: 'us-east-1' }, initial)).toEqual({
      displayName: 'Prod',
      databricks: { authType: 'PAT', host: 'https://a.cloud.databricks.com', warehouseId: null, region: 'us-east-1' },
    });
  });
});

describe('the CRM location', () => {
  const stored = fieldsOf({
    type: 'DATABRICKS',
    displayName: 'W',
    databricks: {
      host: 'https://a.cloud.databricks.com',
      authType: 'PAT',
      crm: { catalog: 'sales_crm', schema: null },
    },
  });

  it('is read from the nested setting and sent back as one object', () => {
    expect(stored).toMatchObject({ crmCatalog: 'sales_crm', crmSchema: '' });
    expect(updateInput({ ...stored, crmSchema: 'book' }, stored).databricks).toMatchObject({
      crm: { catalog: 'sales_crm', schema: 'book' },
    });
  });

  it('goes back to the default (null) when both are emptied, and is left out when never set', () => {
    expect(updateInput({ ...stored, crmCatalog: '' }, stored).databricks).toMatchObject({ crm: null });
    expect(createInput('c', { ...EMPTY_FIELDS, host: 'https://a.cloud.databricks.com' }).databricks).not.toHaveProperty(
      'crm',
    );
  });
});

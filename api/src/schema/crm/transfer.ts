/** Moving an account book out (`exportCrm`) and in (`importCrm`, a validated, batched MERGE with a report). */
import { importCrm } from '../../crm/import.js';
import { exportCrm } from '../../crm/transfer.js';
import { scopeOfMapping } from '../../crm/warehouse.js';
import { builder } from '../builder.js';
import { DatabricksWorkspace } from '../databricks/workspace.js';
import { crm, crmDeps, writable } from './types.js';

const CrmExportFormat = builder.enumType('CrmExportFormat', { values: ['JSON', 'CSV'] as const });

const CrmExportFile = builder.simpleObject('CrmExportFile', {
  fields: (t) => ({ name: t.string(), contentType: t.string(), content: t.string() }),
});

const CrmImportTable = builder.simpleObject('CrmImportTable', {
  fields: (t) => ({ table: t.string(), inserted: t.int(), updated: t.int(), rejected: t.int() }),
});
const CrmImportRejection = builder.simpleObject('CrmImportRejection', {
  fields: (t) => ({
    table: t.string(),
    index: t.int({ description: 'Position of the row in its list in the file (or among a CSV’s records), from 0.' }),
    line: t.int({ nullable: true, description: 'Line of the row in a CSV file.' }),
    key: t.string({ nullable: true }),
    reason: t.string(),
  }),
});
const CrmImportReport = builder.simpleObject('CrmImportReport', {
  fields: (t) => ({
    tables: t.field({ type: [CrmImportTable] }),
    rejections: t.field({ type: [CrmImportRejection], description: 'The first 200 rejected rows and why.' }),
  }),
});

builder.queryField('exportCrm', (t) =>
  t.field({
    type: [CrmExportFile],
    authScopes: { authenticated: true },
    description: 'All four CRM tables: one JSON document, or one CSV file per table.',
    args: {
      workspaceId: t.arg.globalID({ for: DatabricksWorkspace, required: true }),
      format: t.arg({ type: CrmExportFormat, required: false, defaultValue: 'JSON' }),
    },
    resolve: async (_root, { workspaceId, format }, ctx) =>
      exportCrm(await crm(ctx).warehouse(await scopeOfMapping(crmDeps(ctx), workspaceId.id)), format ?? 'JSON'),
  }),
);

builder.mutationField('importCrm', (t) =>
  t.field({
    type: CrmImportReport,
    authScopes: { authenticated: true },
    description:
      'Imports an account book — the JSON document exportCrm gives, or one of its CSV files (the header tells the table): rows are validated, then merged on their keys.',
    args: {
      workspaceId: t.arg.globalID({ for: DatabricksWorkspace, required: true }),
      file: t.arg({ type: 'File', required: true }),
    },
    resolve: async (_root, { workspaceId, file }, ctx) => {
      const w = await writable(ctx, await scopeOfMapping(crmDeps(ctx), workspaceId.id));
      const report = await importCrm(w, await file.text());
      crm(ctx).clear();
      return report;
    },
  }),
);

import { auditSql, queryHistorySql } from './activity.js';
import { billingUsageSql } from './billing.js';
import { generationSetup } from './generation.js';
import { informationSchemaSql } from './information-schema.js';
import { lakeflowSql } from './lakeflow.js';
import { listPricesSql } from './list-prices.js';
import { servingSql } from './serving.js';

/** Every statement that creates Databricks' system tables inside `catalog`, in order. */
export function systemTablesScript(catalog: string, opts: { seed: number; days: number; workspaceIds: string[] }) {
  return [
    ...generationSetup(opts.seed, opts.days, opts.workspaceIds),
    billingUsageSql(catalog),
    listPricesSql(catalog),
    auditSql(catalog),
    queryHistorySql(catalog),
    lakeflowSql(catalog),
    servingSql(catalog),
    informationSchemaSql(catalog),
  ];
}

import { ACCOUNT_ID } from './generation.js';

/** List price per DBU (USD) of every SKU `system.billing.usage` records; one price changed 30 days ago. */
const PRICES: { sku: string; usd: number; before?: number }[] = [
  { sku: 'PREMIUM_JOBS_SERVERLESS_COMPUTE_US_EAST_1', usd: 0.35 },
  { sku: 'PREMIUM_SERVERLESS_SQL_COMPUTE_US_EAST_1', usd: 0.7, before: 0.75 },
  { sku: 'PREMIUM_ALL_PURPOSE_COMPUTE', usd: 0.55 },
  { sku: 'PREMIUM_SERVERLESS_REAL_TIME_INFERENCE_US_EAST_1', usd: 0.07 },
  { sku: 'PREMIUM_DLT_CORE_COMPUTE', usd: 0.2 },
];

/**
 * `system.billing.list_prices`: Databricks' price history per SKU, with `pricing` as the struct
 * `{default, promotional {default}, effective_list {default}}`. A price is valid from `price_start_time` until
 * `price_end_time` (null: still valid), so cost queries join on the usage's end time.
 */
export const listPricesSql = (catalog: string) => {
  const price = (usd: number) =>
    `{'default': ${usd}::DECIMAL(30, 18), 'promotional': {'default': ${usd}::DECIMAL(30, 18)}, 'effective_list': {'default': ${usd}::DECIMAL(30, 18)}}`;
  const row = (sku: string, usd: number, start: string, end: string) =>
    `SELECT ${start} AS price_start_time, ${end} AS price_end_time, '${ACCOUNT_ID}' AS account_id, '${sku}' AS sku_name, 'AWS' AS cloud, 'USD' AS currency_code, 'DBU' AS usage_unit, ${price(usd)} AS pricing`;
  const changedAt = '(current_date - 30)::TIMESTAMP';
  const since = "TIMESTAMP '2023-01-01 00:00:00'";
  const rows = PRICES.flatMap(({ sku, usd, before }) =>
    before === undefined
      ? [row(sku, usd, since, 'NULL::TIMESTAMP')]
      : [row(sku, before, since, changedAt), row(sku, usd, changedAt, 'NULL::TIMESTAMP')],
  );
  return `CREATE OR REPLACE TABLE ${catalog}.billing.list_prices AS\n${rows.join('\nUNION ALL\n')};`;
};

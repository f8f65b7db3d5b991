import type { DatabricksSqlClient, SqlCallOptions } from './sql-client.js';
import { namedInList } from './sql-in-list.js';

export const COST_DIMENSIONS = ['DAY', 'SKU', 'WORKSPACE', 'PRODUCT'] as const;
export type CostDimension = (typeof COST_DIMENSIONS)[number];

/** Each dimension's column: a fixed expression chosen by the enum, never text from the caller. */
const DIMENSION_COLUMN: Record<CostDimension, string> = {
  DAY: 'CAST(u.usage_date AS STRING)',
  SKU: 'u.sku_name',
  WORKSPACE: 'u.workspace_id',
  PRODUCT: 'u.billing_origin_product',
};

export interface CostRow {
  day: string | null;
  sku: string | null;
  workspaceId: string | null;
  product: string | null;
  dbus: number;
  /** DBUs × the list price valid when the usage ended; null when a SKU has no price. */
  listUsd: number | null;
}

export interface CostQuery {
  workspaceIds: string[];
  from: string;
  to: string;
  groupBy: readonly CostDimension[];
}

/**
 * DBUs and list-price cost of a tenant's workspaces in ONE statement, grouped by the dimensions asked for:
 * `system.billing.usage` joined with `system.billing.list_prices` on SKU, cloud and unit, at the price valid
 * when each usage record ended (Databricks' documented way to price usage).
 */
export async function queryCost(
  sql: DatabricksSqlClient,
  { workspaceIds, from, to, groupBy }: CostQuery,
  options: SqlCallOptions = {},
): Promise<CostRow[]> {
  if (workspaceIds.length === 0) return [];
  const workspaces = namedInList('ws', workspaceIds);
  const dimensions = COST_DIMENSIONS.filter((dimension) => groupBy.includes(dimension));
  const selected = COST_DIMENSIONS.map(
    (dimension) =>
      `${groupBy.includes(dimension) ? DIMENSION_COLUMN[dimension] : 'NULL'} AS ${dimension.toLowerCase()}`,
  );
  const statement = `
    SELECT ${selected.join(', ')},
           CAST(SUM(u.usage_quantity) AS DOUBLE) AS dbus,
           SUM(CAST(u.usage_quantity AS DOUBLE) * CAST(lp.pricing.default AS DOUBLE)) AS list_usd
      FROM system.billing.usage u
      LEFT JOIN system.billing.list_prices lp
        ON lp.sku_name = u.sku_name AND lp.cloud = u.cloud AND lp.usage_unit = u.usage_unit
       AND u.usage_end_time >= lp.price_start_time
       AND (lp.price_end_time IS NULL OR u.usage_end_time < lp.price_end_time)
     WHERE u.workspace_id IN ${workspaces.sql}
       AND u.usage_date BETWEEN CAST(:from_date AS DATE) AND CAST(:to_date AS DATE)
       AND u.usage_unit = 'DBU'
     ${dimensions.length > 0 ? `GROUP BY ${dimensions.map((dimension) => DIMENSION_COLUMN[dimension]).join(', ')}` : ''}
     ${dimensions.length > 0 ? `ORDER BY ${dimensions.map((dimension) => DIMENSION_COLUMN[dimension]).join(', ')}` : ''}`;
  const { rows } = await sql.query<{
    day: string | null;
    sku: string | null;
    workspace: string | null;
    product: string | null;
    dbus: number | null;
    list_usd: number | null;
  }>({ sql: statement, params: { ...workspaces.params, from_date: from, to_date: to }, rowLimit: 100_000 }, options);
  return rows.map((row) => ({
    day: row.day,
    sku: row.sku,
    workspaceId: row.workspace,
    product: row.product,
    dbus: Number(row.dbus ?? 0),
    listUsd: row.list_usd === null ? null : Number(row.list_usd),
  }));
}

import { Prisma } from '../generated/prisma/client.js';
import type { KpiSource } from '../generated/prisma/enums.js';

export interface KpiValue {
  copId: string;
  metricName: string;
  metricValue: number;
  /** UTC midnight of the metric's day. */
  metricDate: Date;
  /** A JSON object (validated by `metricMetadataSchema` where the value enters the api); null or absent for none. */
  metadata?: unknown;
  /** Who gives the value: a person (`MANUAL`) or the usage job (`USAGE_REPORT`). */
  source: KpiSource;
}

/**
 * Upsert arguments keyed on the (CoP, name, date) unique key, so that replaying a value overwrites it instead of
 * adding a row. The latest report fully defines the row: metadata it leaves out is cleared.
 */
export function kpiUpsertArgs({ copId, metricName, metricDate, metricValue, metadata, source }: KpiValue) {
  const values = { metricValue, source, metadata: metadata ? (metadata as Prisma.InputJsonObject) : Prisma.DbNull };
  return {
    where: { copId_metricName_metricDate: { copId, metricName, metricDate } },
    create: { copId, metricName, metricDate, ...values },
    update: values,
  } satisfies Prisma.KpiMetricUpsertArgs;
}

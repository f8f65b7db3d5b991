import { z } from 'zod';

/** KPI names are UPPER_SNAKE: the usage metrics (DBU, ACTIVE_USERS, JOBS_RUN, …), MAP, NPS or any custom one. */
export const metricNameSchema = z
  .string()
  .max(64, 'Metric names have at most 64 characters.')
  .regex(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/, 'Metric names are UPPER_SNAKE, e.g. ACTIVE_USERS.');

export const metricMetadataSchema = z.record(z.string(), z.unknown(), 'Metadata must be a JSON object.');

const usageMetricSchema = z.object({
  name: metricNameSchema,
  value: z.number('Metric values are numbers.'),
  metadata: metricMetadataSchema.nullish(),
});

/** The metrics of one report: each name at most once, so every row written has exactly one source. */
export const usageMetricsSchema = z
  .array(usageMetricSchema)
  .min(1, 'Report at least one metric.')
  .max(100, 'Report at most 100 metrics at a time.')
  .refine((metrics) => new Set(metrics.map((metric) => metric.name)).size === metrics.length, {
    message: 'Each metric name may appear only once per report.',
  });

// The usage job sends an empty string when a widget or Spark setting is unset; that means "not given".
const optionalId = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) =>
    value === null || value === undefined || String(value).trim() === '' ? undefined : String(value).trim(),
  );

/** The JSON body of `POST /api/v1/integrations/databricks/usage`, as the daily usage-collection job sends it. */
export const usageReportSchema = z.object({
  customerId: z.string('customerId is required.').trim().min(1, 'customerId is required.'),
  copId: optionalId,
  workspaceId: optionalId,
  metricDate: z.iso.date('metricDate must be a date, YYYY-MM-DD.').transform((day) => new Date(`${day}T00:00:00Z`)),
  metrics: usageMetricsSchema,
});

export interface UsageMetric {
  name: string;
  value: number;
  /** A JSON object, checked by `metricMetadataSchema` where the report entered the api. */
  metadata?: unknown;
}

/** A report with raw database ids, whatever transport delivered it. */
export interface UsageReport {
  customerId: string;
  copId?: string | undefined;
  workspaceId?: string | undefined;
  /** UTC midnight of the day the metrics describe (a Postgres DATE). */
  metricDate: Date;
  metrics: UsageMetric[];
}

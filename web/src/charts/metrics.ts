/** The KPIs the dashboard charts, in display order, with words for each. */
export const KPI_METRICS = [
  { name: 'MAP', label: 'Monthly active participants', unit: 'people' },
  { name: 'NPS', label: 'Net Promoter Score', unit: 'score' },
  { name: 'DBU', label: 'Databricks units', unit: 'DBU' },
  { name: 'ACTIVE_USERS', label: 'Active platform users', unit: 'users' },
  { name: 'JOBS_RUN', label: 'Jobs run', unit: 'runs' },
  { name: 'QUERIES_EXECUTED', label: 'Queries executed', unit: 'queries' },
  { name: 'MODEL_REQUESTS', label: 'Model serving requests', unit: 'requests' },
] as const;

export type KpiMetricName = (typeof KPI_METRICS)[number]['name'];

export const KPI_METRIC_NAMES: string[] = KPI_METRICS.map((metric) => metric.name);

/** Words for a metric name; unknown (custom UPPER_SNAKE) names are turned into words. */
export function metricLabel(name: string): string {
  const known = KPI_METRICS.find((metric) => metric.name === name);
  if (known) return known.label;
  const words = name.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** A metric value as people read it: NPS signed, large counts compact (12.3K), DBUs with one decimal. */
export function formatMetric(name: string, value: number): string {
  if (name === 'NPS') return `${value > 0 ? '+' : ''}${Math.round(value)}`;
  if (Math.abs(value) >= 10_000) return compact.format(value);
  return decimal.format(value);
}

/** The size of a change, unsigned (an arrow shows its direction): `+5` NPS points read as `5`. */
export function formatMetricChange(name: string, delta: number): string {
  return name === 'NPS' ? String(Math.round(Math.abs(delta))) : formatMetric(name, Math.abs(delta));
}

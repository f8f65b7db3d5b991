export interface DailyCost {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  usd: number;
}

export interface BudgetStatus {
  monthlyUsd: number | null;
  spentUsd: number;
  forecastUsd: number;
}

/** Days whose spending sets the pace of the forecast. */
export const FORECAST_WINDOW_DAYS = 7;

/**
 * This month's spending and a linear forecast of its end: what was spent from the 1st to `today`, plus the mean
 * daily cost of the last `FORECAST_WINDOW_DAYS` days (today excluded: it is not over) for each day left after
 * today. Days without usage count as 0.
 */
export function forecastMonth(daily: DailyCost[], today: Date, monthlyUsd: number | null): BudgetStatus {
  const todayIso = isoDay(today);
  const monthStart = `${todayIso.slice(0, 8)}01`;
  const spentUsd = sum(daily.filter((cost) => cost.day >= monthStart && cost.day <= todayIso));
  const windowStart = isoDay(addDays(today, -FORECAST_WINDOW_DAYS));
  const pace = sum(daily.filter((cost) => cost.day >= windowStart && cost.day < todayIso)) / FORECAST_WINDOW_DAYS;
  const lastOfMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0));
  const daysLeft = lastOfMonth.getUTCDate() - today.getUTCDate();
  return { monthlyUsd, spentUsd, forecastUsd: spentUsd + pace * daysLeft };
}

/** The first day the forecast reads: the 1st of the month or the start of the pace window, whichever is earlier. */
export function forecastFrom(today: Date): string {
  const monthStart = `${isoDay(today).slice(0, 8)}01`;
  const windowStart = isoDay(addDays(today, -FORECAST_WINDOW_DAYS));
  return windowStart < monthStart ? windowStart : monthStart;
}

const sum = (costs: DailyCost[]) => costs.reduce((total, cost) => total + cost.usd, 0);
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/** The calendar day (`YYYY-MM-DD`, UTC) `days` days before `now`: the `from` of a "last N days" range. */
export function isoDaysAgo(days: number, now: Date = new Date()): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days));
  return day.toISOString().slice(0, 10);
}

/** Small helpers shared by the seed modules. */
export const DAY_MS = 86_400_000;

export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

export const startOfUtcDay = (date: Date) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

/**
 * The rows whose natural key is not among `existing`. Every seed module inserts only these, so that running
 * the seed again inserts nothing twice and leaves rows people have edited since alone.
 */
export function missing<T>(rows: T[], existing: Iterable<string>, key: (row: T) => string): T[] {
  const present = new Set(existing);
  return rows.filter((row) => !present.has(key(row)));
}

type CopTitled = { copId: string; title: string };
const copTitle = (row: CopTitled) => `${row.copId}/${row.title}`;

/** For rows whose natural key is their title within a CoP (events, assets, use cases, surveys, discussions). */
export const missingByCopTitle = <T extends CopTitled>(rows: T[], existing: CopTitled[]) =>
  missing(rows, existing.map(copTitle), copTitle);

/** The `findMany` arguments that read those keys back for the seeded CoPs. */
export const copTitlesOf = (copIds: string[]) => ({
  where: { copId: { in: copIds } },
  select: { copId: true, title: true },
});

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

const HOUR = 3600;
const DAY = 24 * HOUR;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', 60],
];

/** How long ago (or from now) an instant is, in words: "3 hours ago", "yesterday", "in 5 minutes", "just now". */
export function formatAge(instant: string, now: number): string {
  const seconds = (Date.parse(instant) - now) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

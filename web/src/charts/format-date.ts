const dayFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** `2025-03-04` → `Mar 4` (calendar dates carry no time zone). */
export const formatDay = (date: string) => dayFormat.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));

/** An instant in the reader's time zone, e.g. `Mar 4, 2025, 5:30 PM`. */
export const formatDateTime = (instant: string) => dateTimeFormat.format(new Date(instant));

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** `2025-03-04` → `Mar 4, 2025`. */
export const formatDate = (date: string) => dateFormat.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));

/** Only same-app paths are followed after sign-in: never an open redirect to another site. */
export const safeNextPath = (next: unknown): string =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';

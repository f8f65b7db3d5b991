import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of a presented secret; hashing first gives both sides the same length without leaking it. */
export function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

import { describe, expect, it } from 'vitest';
import { formatAge } from './format-age';

const now = Date.parse('2026-03-10T12:00:00Z');
const before = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('formatAge', () => {
  it('says "just now" under a minute', () => {
    expect(formatAge(before(30), now)).toBe('just now');
  });

  it('uses the largest whole unit, rounding down', () => {
    expect(formatAge(before(3 * 3600 + 59 * 60), now)).toBe('3 hours ago');
    expect(formatAge(before(5 * 60), now)).toBe('5 minutes ago');
    expect(formatAge(before(24 * 3600), now)).toBe('yesterday');
    expect(formatAge(before(15 * 24 * 3600), now)).toBe('2 weeks ago');
  });

  it('speaks of the future for an expiry still ahead', () => {
    expect(formatAge(new Date(now + 20 * 3600 * 1000).toISOString(), now)).toBe('in 20 hours');
  });
});

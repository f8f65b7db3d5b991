import { describe, expect, it } from 'vitest';
import { isoDaysAgo } from './date-range';

describe('isoDaysAgo', () => {
  it('counts back calendar days across month and year ends', () => {
    expect(isoDaysAgo(0, new Date('2025-03-01T23:30:00Z'))).toBe('2025-03-01');
    expect(isoDaysAgo(1, new Date('2025-03-01T00:10:00Z'))).toBe('2025-02-28');
    expect(isoDaysAgo(89, new Date('2025-01-15T12:00:00Z'))).toBe('2024-10-18');
  });
});

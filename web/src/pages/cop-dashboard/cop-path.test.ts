import { describe, expect, it } from 'vitest';
import { copIdFromParam, copPath } from './cop-path';

describe('copPath', () => {
  it('round-trips base64 global ids with slashes, pluses and padding through the URL', () => {
    const id = 'Q29wOj+/abc==';
    const path = copPath(id);
    expect(path).toBe('/cops/Q29wOj%2B%2Fabc%3D%3D');
    expect(copIdFromParam(path.slice('/cops/'.length))).toBe(id);
  });
});

import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('returns to a page of the app after sign-in', () => {
    expect(safeNextPath('/cops/Q29w%3D%3D?tab=kpis')).toBe('/cops/Q29w%3D%3D?tab=kpis');
  });

  it('refuses other sites and anything that is not a path', () => {
    for (const next of ['//evil.example/x', '/\\evil.example', 'https://evil.example', undefined, ['/a']]) {
      expect(safeNextPath(next)).toBe('/');
    }
  });
});

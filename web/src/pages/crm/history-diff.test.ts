import { describe, expect, it } from 'vitest';
import { diffVersions } from './history-diff';

describe('diffVersions', () => {
  it('lists the fields that changed, with both values, and nothing else', () => {
    const older = { team: 'Pricing', vp: 'Ada', admin: null, __typename: 'CrmAccountSnapshot' };
    const newer = { team: 'Pricing Tab 1', vp: 'Ada', admin: 'Sam', __typename: 'CrmAccountSnapshot' };
    expect(diffVersions(older, newer)).toEqual([
      { field: 'team', before: 'Pricing', after: 'Pricing Tab 1' },
      { field: 'admin', before: null, after: 'Sam' },
    ]);
  });

  it('treats a deleted account as every field removed', () => {
    expect(diffVersions({ team: 'A' }, null)).toEqual([{ field: 'team', before: 'A', after: null }]);
  });
});

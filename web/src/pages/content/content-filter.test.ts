import { describe, expect, it } from 'vitest';
import { filterOptions, withChoice } from './content-filter';

describe('filterOptions', () => {
  it('offers every tag once and every author once, sorted', () => {
    const options = filterOptions([
      { tags: ['sql', 'finops'], createdBy: { id: 'u2', name: 'Zoe' } },
      { tags: ['sql'], createdBy: { id: 'u1', name: 'Ann' } },
      { tags: [], createdBy: null },
      { tags: ['delta'], createdBy: { id: 'u2', name: 'Zoe' } },
    ]);
    expect(options).toEqual({
      tags: ['delta', 'finops', 'sql'],
      authors: [
        { id: 'u1', name: 'Ann' },
        { id: 'u2', name: 'Zoe' },
      ],
    });
  });
});

describe('withChoice', () => {
  it('sets a trimmed choice and removes an emptied one', () => {
    const filter = withChoice({}, 'search', ' delta ');
    expect(filter).toEqual({ search: 'delta' });
    expect(withChoice({ ...filter, tag: 'sql' }, 'tag', '')).toEqual({ search: 'delta' });
  });
});

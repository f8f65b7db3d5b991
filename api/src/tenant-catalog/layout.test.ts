import { describe, expect, it } from 'vitest';
import { type ActualGrants, desiredLayout, driftOf } from './layout.js';

describe('driftOf', () => {
  const desired = desiredLayout('copos_acme', 'acme');
  const asDesigned = (): ActualGrants => new Map(desired.map((s) => [s.fullName, s.grants.map((g) => ({ ...g }))]));

  it('finds nothing when every securable carries exactly its designed grants', () => {
    expect(driftOf(desired, asDesigned())).toEqual([]);
  });

  it('names a missing securable, a missing privilege and an extra principal', () => {
    const actual = asDesigned();
    actual.set('copos_acme.silver', null);
    actual.set('copos_acme.gold', [{ principal: 'acme_analysts', privileges: ['USE_SCHEMA'] }]);
    actual.set('copos_acme.bronze.uploads', [{ principal: 'someone@else.test', privileges: ['READ_VOLUME'] }]);
    expect(driftOf(desired, actual)).toEqual([
      { type: 'schema', fullName: 'copos_acme.silver', kind: 'MISSING_SECURABLE', principal: null, privilege: null },
      {
        type: 'schema',
        fullName: 'copos_acme.gold',
        kind: 'MISSING_PRIVILEGE',
        principal: 'acme_analysts',
        privilege: 'SELECT',
      },
      {
        type: 'schema',
        fullName: 'copos_acme.gold',
        kind: 'MISSING_PRIVILEGE',
        principal: 'acme_engineers',
        privilege: 'SELECT',
      },
      {
        type: 'schema',
        fullName: 'copos_acme.gold',
        kind: 'MISSING_PRIVILEGE',
        principal: 'acme_engineers',
        privilege: 'USE_SCHEMA',
      },
      {
        type: 'volume',
        fullName: 'copos_acme.bronze.uploads',
        kind: 'EXTRA_PRIVILEGE',
        principal: 'someone@else.test',
        privilege: 'READ_VOLUME',
      },
    ]);
  });

  it('gives analysts gold only, engineers write access to bronze and silver only', () => {
    const grantsOf = (principal: string) =>
      desired.flatMap((s) => s.grants.filter((g) => g.principal === principal).map((g) => [s.fullName, g.privileges]));
    expect(grantsOf('acme_analysts')).toEqual([
      ['copos_acme', ['USE_CATALOG']],
      ['copos_acme.gold', ['SELECT', 'USE_SCHEMA']],
    ]);
    expect(grantsOf('acme_engineers').filter(([, p]) => (p as string[]).includes('MODIFY'))).toEqual([
      ['copos_acme.bronze', ['MODIFY', 'SELECT', 'USE_SCHEMA']],
      ['copos_acme.silver', ['MODIFY', 'SELECT', 'USE_SCHEMA']],
    ]);
  });
});

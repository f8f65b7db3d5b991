/**
 * What a governed tenant catalog should look like (issue 18), and how far the real one is from it: the
 * `bronze`, `silver`, `gold` schemas with their comments, the uploads volume, and the grants of the tenant's
 * three groups. Pure: the service reads the workspace and hands the facts in.
 */
import type { PrivilegeAssignment, SecurableType } from '../databricks/api/governance.js';
import { UPLOADS_SCHEMA, UPLOADS_VOLUME } from '../sync/tenant-catalog.js';

export const TENANT_SCHEMAS = [
  { name: 'bronze', comment: 'Raw data as it arrived: uploads and ingested sources, unchanged.' },
  { name: 'silver', comment: 'Cleaned, validated and conformed data, built from bronze.' },
  { name: 'gold', comment: 'Curated, business-ready tables: what analysts read.' },
] as const;

export type TenantRole = 'admins' | 'engineers' | 'analysts';

/** The tenant's groups: `<tenant slug>_admins`, `_engineers`, `_analysts`. */
export const tenantGroups = (slug: string): Record<TenantRole, string> => ({
  admins: `${slug}_admins`,
  engineers: `${slug}_engineers`,
  analysts: `${slug}_analysts`,
});

/** Which group each CoP OS role joins (members and others join none). */
export const GROUP_OF_ROLE: Partial<Record<string, TenantRole>> = {
  CUSTOMER_ADMIN: 'admins',
  DATA_ENGINEER: 'engineers',
  ANALYST: 'analysts',
};

export interface SecurableRef {
  type: SecurableType;
  fullName: string;
}

export interface DesiredSecurable extends SecurableRef {
  grants: PrivilegeAssignment[];
}

/**
 * Every securable of the catalog with the grants it should carry, exactly: admins hold all privileges on the
 * catalog; engineers use, read and modify bronze and silver and read gold; analysts read gold only (and use
 * the catalog and schema to reach it). The volume carries no grant of its own: it inherits.
 */
export function desiredLayout(catalog: string, slug: string): DesiredSecurable[] {
  const group = tenantGroups(slug);
  const schema = (name: string, grants: PrivilegeAssignment[]): DesiredSecurable => ({
    type: 'schema',
    fullName: `${catalog}.${name}`,
    grants,
  });
  const writer = { principal: group.engineers, privileges: ['MODIFY', 'SELECT', 'USE_SCHEMA'] };
  return [
    {
      type: 'catalog',
      fullName: catalog,
      grants: [
        { principal: group.admins, privileges: ['ALL_PRIVILEGES'] },
        { principal: group.analysts, privileges: ['USE_CATALOG'] },
        { principal: group.engineers, privileges: ['USE_CATALOG'] },
      ],
    },
    schema('bronze', [writer]),
    schema('silver', [writer]),
    schema('gold', [
      { principal: group.analysts, privileges: ['SELECT', 'USE_SCHEMA'] },
      { principal: group.engineers, privileges: ['SELECT', 'USE_SCHEMA'] },
    ]),
    { type: 'volume', fullName: `${catalog}.${UPLOADS_SCHEMA}.${UPLOADS_VOLUME}`, grants: [] },
  ];
}

export type DriftKind = 'MISSING_SECURABLE' | 'MISSING_PRIVILEGE' | 'EXTRA_PRIVILEGE';

export interface Drift extends SecurableRef {
  kind: DriftKind;
  principal: string | null;
  privilege: string | null;
}

/** A securable as the workspace has it: its direct grants, or `null` when it does not exist. */
export type ActualGrants = Map<string, PrivilegeAssignment[] | null>;

const privilegeSet = (assignments: PrivilegeAssignment[]) => {
  const pairs = new Set<string>();
  for (const { principal, privileges } of assignments) for (const p of privileges) pairs.add(`${principal}\n${p}`);
  return pairs;
};

/** Every difference between the desired and the actual state, in a stable order. */
export function driftOf(desired: DesiredSecurable[], actual: ActualGrants): Drift[] {
  const drift: Drift[] = [];
  for (const securable of desired) {
    const ref = { type: securable.type, fullName: securable.fullName };
    const grants = actual.get(securable.fullName);
    if (!grants) {
      drift.push({ ...ref, kind: 'MISSING_SECURABLE', principal: null, privilege: null });
      continue;
    }
    const want = privilegeSet(securable.grants);
    const have = privilegeSet(grants);
    const entry = (kind: DriftKind, pair: string): Drift => {
      const [principal, privilege] = pair.split('\n');
      return { ...ref, kind, principal, privilege };
    };
    for (const pair of [...want].sort()) if (!have.has(pair)) drift.push(entry('MISSING_PRIVILEGE', pair));
    for (const pair of [...have].sort()) if (!want.has(pair)) drift.push(entry('EXTRA_PRIVILEGE', pair));
  }
  return drift;
}

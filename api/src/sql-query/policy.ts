/**
 * What each role may read with `sqlQuery`: analysts the tenant catalog's `gold` schema only; data engineers,
 * customer admins and platform admins any schema of the tenant catalog. Nobody reads outside it (and the
 * warehouse, where the statement runs as the tenant's service principal, would refuse it anyway).
 */
import type { Role } from '../generated/prisma/enums.js';
import type { TableReference } from '../sql/read-only.js';
import { SqlQueryAccessError } from './errors.js';

export const SQL_QUERY_ROLES = [
  'ADMIN',
  'CUSTOMER_ADMIN',
  'DATA_ENGINEER',
  'ANALYST',
] as const satisfies readonly Role[];

const SCHEMAS_OF_ROLE: Partial<Record<Role, readonly string[]>> = { ANALYST: ['gold'] };

export interface ResolvedTable {
  catalog: string;
  schema: string;
  table: string;
  location: number;
}

/** Each table resolved against the statement's catalog and schema, checked against the role. */
export function resolveTables(
  role: Role,
  tenantCatalog: string,
  namespace: { catalog: string; schema: string },
  tables: TableReference[],
): ResolvedTable[] {
  const allowed = SCHEMAS_OF_ROLE[role];
  return tables.map((table) => {
    const resolved = {
      catalog: (table.catalog ?? namespace.catalog).toLowerCase(),
      schema: (table.schema ?? namespace.schema).toLowerCase(),
      table: table.table,
      location: table.location,
    };
    if (resolved.catalog !== tenantCatalog.toLowerCase()) {
      throw new SqlQueryAccessError(
        `Only the tenant catalog ${tenantCatalog} can be queried; ${resolved.catalog} was refused.`,
        resolved.catalog,
      );
    }
    if (allowed && !allowed.includes(resolved.schema)) {
      throw new SqlQueryAccessError(
        `Your role may read only the ${allowed.join(', ')} schema; ${resolved.catalog}.${resolved.schema} was refused.`,
        `${resolved.catalog}.${resolved.schema}`,
      );
    }
    return resolved;
  });
}

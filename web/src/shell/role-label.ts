import type { Role } from '../gql/graphql';

const labels: Record<Role, string> = {
  ADMIN: 'Platform admin',
  CUSTOMER_ADMIN: 'Customer admin',
  DATA_ENGINEER: 'Data engineer',
  ANALYST: 'Analyst',
  MEMBER: 'Member',
  SYSTEM: 'Service',
  DATABRICKS_INTERNAL: 'Platform automation',
};

/** A platform role in words. */
export const roleLabel = (role: Role) => labels[role];

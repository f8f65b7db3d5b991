import type { Role } from '../generated/prisma/enums.js';

/** Who is calling: a signed-in person or a machine holding a service token. */
export type Viewer =
  | { kind: 'user'; id: string; email: string; role: Role; customerId: string | null }
  | { kind: 'service'; id: string; role: Role; customerId: string; scopes: readonly string[] };

/** Roles allowed to start, cancel or retry Databricks work. */
export const OPERATOR_ROLES: readonly Role[] = ['ADMIN', 'CUSTOMER_ADMIN', 'DATA_ENGINEER'];
/** Roles allowed to manage a customer's configuration (integrations, mappings, tokens, CoPs). */
export const ADMIN_ROLES: readonly Role[] = ['ADMIN', 'CUSTOMER_ADMIN'];
/** Roles allowed to edit community content (events, assets, surveys, use cases). */
export const EDITOR_ROLES: readonly Role[] = ['ADMIN', 'CUSTOMER_ADMIN', 'DATA_ENGINEER', 'ANALYST'];

/**
 * Roles a service token carries: a customer's own job (SYSTEM), or the platform's own automation
 * (DATABRICKS_INTERNAL: it may ingest usage and nothing else, and only platform admins issue it).
 */
export const SERVICE_TOKEN_ROLES = ['SYSTEM', 'DATABRICKS_INTERNAL'] as const satisfies readonly Role[];

export const isPlatformAdmin = (viewer: Viewer | null) => viewer?.role === 'ADMIN';

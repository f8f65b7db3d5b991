import type { Viewer } from './viewer.js';

/**
 * What a service token may do. A token carries a list of these and can do nothing else, whatever its role:
 * a leaked usage-job token reports usage, it does not read every user's e-mail.
 */
export const SERVICE_SCOPES = {
  'usage:write': 'Report and sync platform usage (ingestUsage, syncPlatformUsage, the REST usage endpoint).',
} as const;
export type ServiceScope = keyof typeof SERVICE_SCOPES;

/** Field extension that lets service tokens holding `scope` call a root field. */
export const requiresScope = (scope: ServiceScope) => ({ serviceScope: scope }) as const;

/** People are governed by their role alone; service tokens also need the scope. */
export const hasScope = (viewer: Viewer, scope: ServiceScope) =>
  viewer.kind !== 'service' || viewer.scopes.includes(scope);

import type { DatabricksRestClient } from '../rest-client.js';

/** Unity Catalog securables the permissions API takes (lower case in its path). */
export type SecurableType = 'catalog' | 'schema' | 'table' | 'volume';

export interface PrivilegeAssignment {
  principal: string;
  privileges: string[];
}

export interface PermissionChange {
  principal: string;
  add?: string[];
  remove?: string[];
}

const permissionsPath = (type: SecurableType, fullName: string) =>
  `/api/2.1/unity-catalog/permissions/${type}/${encodeURIComponent(fullName)}`;

/** The direct grants on a securable (`GET …/permissions/{type}/{full_name}`). */
export async function getPermissions(
  rest: DatabricksRestClient,
  type: SecurableType,
  fullName: string,
): Promise<PrivilegeAssignment[]> {
  const answer = await rest.get<{ privilege_assignments?: PrivilegeAssignment[] }>(permissionsPath(type, fullName));
  return answer.privilege_assignments ?? [];
}

/** Grants and revokes in one call (`PATCH …/permissions/{type}/{full_name}`). */
export async function updatePermissions(
  rest: DatabricksRestClient,
  type: SecurableType,
  fullName: string,
  changes: PermissionChange[],
): Promise<PrivilegeAssignment[]> {
  const answer = await rest.patch<{ privilege_assignments?: PrivilegeAssignment[] }>(permissionsPath(type, fullName), {
    changes,
  });
  return answer.privilege_assignments ?? [];
}

const SCIM = '/api/2.0/preview/scim/v2';

export interface ScimGroup {
  id: string;
  displayName: string;
  members?: { value: string; display?: string; $ref?: string }[];
}
export interface ScimUser {
  id: string;
  userName: string;
}
export interface ScimServicePrincipal {
  id: string;
  applicationId: string;
  displayName: string;
}

/** SCIM filter values are double-quoted strings. */
const eq = (attribute: string, value: string) =>
  `${attribute} eq "${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

async function findOne<T>(rest: DatabricksRestClient, resource: string, filter: string): Promise<T | undefined> {
  const page = await rest.get<{ Resources?: T[] }>(`${SCIM}/${resource}`, { filter });
  return page.Resources?.[0];
}

export const findGroup = (rest: DatabricksRestClient, displayName: string) =>
  findOne<ScimGroup>(rest, 'Groups', eq('displayName', displayName));

export const createGroup = (rest: DatabricksRestClient, displayName: string) =>
  rest.post<ScimGroup>(`${SCIM}/Groups`, { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName });

export const findUser = (rest: DatabricksRestClient, userName: string) =>
  findOne<ScimUser>(rest, 'Users', eq('userName', userName));

export const createUser = (rest: DatabricksRestClient, userName: string, displayName: string) =>
  rest.post<ScimUser>(`${SCIM}/Users`, {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName,
    displayName,
  });

export const findServicePrincipal = (rest: DatabricksRestClient, applicationId: string) =>
  findOne<ScimServicePrincipal>(rest, 'ServicePrincipals', eq('applicationId', applicationId));

export const createServicePrincipal = (rest: DatabricksRestClient, displayName: string) =>
  rest.post<ScimServicePrincipal>(`${SCIM}/ServicePrincipals`, {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal'],
    displayName,
  });

/** Adds and removes group members (SCIM ids) in one PATCH. */
export function changeGroupMembers(rest: DatabricksRestClient, groupId: string, add: string[], remove: string[]) {
  const operations = [
    ...(add.length ? [{ op: 'add', path: 'members', value: add.map((value) => ({ value })) }] : []),
    ...remove.map((id) => ({ op: 'remove', path: `members[value eq "${id}"]` })),
  ];
  return rest.patch<ScimGroup>(`${SCIM}/Groups/${groupId}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: operations,
  });
}

/** A personal access token for a service principal (`token-management/on-behalf-of/tokens`, admins only). */
export async function createTokenOnBehalfOf(
  rest: DatabricksRestClient,
  applicationId: string,
  comment: string,
): Promise<string> {
  const answer = await rest.post<{ token_value: string }>('/api/2.0/token-management/on-behalf-of/tokens', {
    application_id: applicationId,
    comment,
  });
  return answer.token_value;
}

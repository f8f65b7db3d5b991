/**
 * The tenant's identities in the workspace, through SCIM: its three groups, its users in them by role, and
 * its own service principal (a member of the admins group) with a token issued on its behalf.
 */
import {
  changeGroupMembers,
  createGroup,
  createServicePrincipal,
  createTokenOnBehalfOf,
  createUser,
  findGroup,
  findServicePrincipal,
  findUser,
  type ScimServicePrincipal,
} from '../databricks/api/governance.js';
import type { DatabricksRestClient } from '../databricks/rest-client.js';
import { GROUP_OF_ROLE, type TenantRole, tenantGroups } from './layout.js';

export interface TenantUser {
  email: string;
  name: string;
  role: string;
}

/**
 * Makes the groups exist and hold exactly the tenant's users of their role (plus the service principal in
 * admins); users missing from the workspace are created. Says what it changed in `changes`.
 */
export async function syncTenantGroups(
  rest: DatabricksRestClient,
  slug: string,
  users: TenantUser[],
  servicePrincipal: ScimServicePrincipal,
  changes: string[],
): Promise<void> {
  const names = tenantGroups(slug);
  for (const role of Object.keys(names) as TenantRole[]) {
    let group = await findGroup(rest, names[role]);
    if (!group) {
      group = await createGroup(rest, names[role]);
      changes.push(`created group ${names[role]}`);
    }
    const wanted = new Map<string, string>();
    for (const user of users.filter((u) => GROUP_OF_ROLE[u.role] === role)) {
      let scimUser = await findUser(rest, user.email);
      if (!scimUser) {
        scimUser = await createUser(rest, user.email, user.name);
        changes.push(`created user ${user.email}`);
      }
      wanted.set(scimUser.id, user.email);
    }
    if (role === 'admins') wanted.set(servicePrincipal.id, servicePrincipal.displayName);
    const members = group.members ?? [];
    const present = new Set(members.map((member) => member.value));
    const add = [...wanted.keys()].filter((id) => !present.has(id));
    // Users the tenant no longer has in this role leave the group; other service principals and groups stay.
    const remove = members
      .filter((member) => member.$ref?.startsWith('Users/') && !wanted.has(member.value))
      .map((member) => member.value);
    if (add.length || remove.length) await changeGroupMembers(rest, group.id, add, remove);
    for (const id of add) changes.push(`added ${wanted.get(id)} to ${names[role]}`);
    for (const member of members.filter((m) => remove.includes(m.value))) {
      changes.push(`removed ${member.display ?? member.value} from ${names[role]}`);
    }
  }
}

/**
 * The tenant's service principal: the recorded one when the workspace still has it, otherwise a new one with a
 * fresh token (returned only then, to be sealed and stored).
 */
export async function ensureServicePrincipal(
  rest: DatabricksRestClient,
  slug: string,
  recorded: string | undefined,
  changes: string[],
): Promise<{ servicePrincipal: ScimServicePrincipal; token?: string }> {
  const existing = recorded ? await findServicePrincipal(rest, recorded) : undefined;
  if (existing) return { servicePrincipal: existing };
  const servicePrincipal = await createServicePrincipal(rest, `copos-tenant-${slug}`);
  const token = await createTokenOnBehalfOf(rest, servicePrincipal.applicationId, `CoP OS tenant SQL for ${slug}`);
  changes.push(`created service principal ${servicePrincipal.displayName}`);
  return { servicePrincipal, token };
}

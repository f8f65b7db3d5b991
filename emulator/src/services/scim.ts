/**
 * SCIM 2.0 as a workspace serves it: `Me` (the caller), and Users, Groups (with members) and
 * ServicePrincipals, listed with `filter=<attribute> eq "<value>"`; plus tokens issued on behalf of a service
 * principal (`/api/2.0/token-management/on-behalf-of/tokens`). Changes need a workspace admin.
 */
import { DEFAULT_USER } from '../config.js';
import { Governance, type ScimGroup, type ScimServicePrincipal, type ScimUser, scimId } from '../governance/store.js';
import { type ApiRequest, DatabricksApiError, RawResponse, type Route } from '../http/types.js';

const BASE = '/api/2.0/preview/scim/v2';
const USER_SCHEMAS = [
  'urn:ietf:params:scim:schemas:core:2.0:User',
  'urn:ietf:params:scim:schemas:extension:workspace:2.0:User',
];
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const SP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal';

function displayNameOf(userName: string): string {
  const local = userName.split('@')[0];
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' ');
}

/** SCIM answers errors in its own shape (RFC 7644 §3.12), not Databricks'. */
const scimError = (status: number, detail: string) =>
  new RawResponse(
    status,
    JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], detail, status: String(status) }),
    { 'content-type': 'application/scim+json' },
  );

const listResponse = (resources: object[]) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});

/** `attribute eq "value"` (the only filter the api uses), or nothing. */
function filterOf(req: ApiRequest): { attribute: string; value: string } | undefined {
  const match = /^\s*(\w+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(req.query.get('filter') ?? '');
  return match ? { attribute: match[1], value: match[2] } : undefined;
}

export function createScimService(governance = new Governance({ admins: [DEFAULT_USER] })): Route[] {
  const groupsOf = (id: string) =>
    governance.groups
      .filter((group) => group.members.includes(id))
      .map((group) => ({ display: group.displayName, type: 'direct', value: group.id, $ref: `Groups/${group.id}` }));
  const userResource = (user: ScimUser) => ({
    schemas: USER_SCHEMAS,
    id: user.id,
    userName: user.userName,
    displayName: user.displayName,
    active: user.active,
    emails: user.userName.includes('@') ? [{ type: 'work', value: user.userName, primary: true }] : [],
    groups: groupsOf(user.id),
  });
  const spResource = (sp: ScimServicePrincipal) => ({
    schemas: [SP_SCHEMA],
    id: sp.id,
    applicationId: sp.applicationId,
    displayName: sp.displayName,
    active: sp.active,
    groups: groupsOf(sp.id),
  });
  const groupResource = (group: ScimGroup) => ({
    schemas: [GROUP_SCHEMA],
    id: group.id,
    displayName: group.displayName,
    members: group.members.flatMap((value) => {
      const member = governance.resolveId(value);
      return member ? [{ value, display: member.display, $ref: `${member.type}/${value}` }] : [];
    }),
    meta: { resourceType: 'Group' },
  });

  /** Changes are for workspace admins; a refused caller gets SCIM's 403. */
  const asAdmin = (req: ApiRequest, change: () => unknown) =>
    governance.isAdmin(req.principal.userName)
      ? change()
      : scimError(403, 'Only workspace admins can change identities.');

  const matching = <T>(items: readonly T[], req: ApiRequest, attributes: Record<string, (item: T) => string>) => {
    const filter = filterOf(req);
    if (!filter) return [...items];
    const read = attributes[filter.attribute];
    return read ? items.filter((item) => read(item) === filter.value) : [];
  };

  const membersIn = (value: unknown) =>
    (Array.isArray(value) ? value : []).map((member) => String((member as { value?: unknown }).value ?? ''));

  return [
    {
      method: 'GET',
      path: `${BASE}/Me`,
      handler: (req) => {
        const { userName } = req.principal;
        const displayName = displayNameOf(userName);
        const [givenName, ...family] = displayName.split(' ');
        return {
          schemas: USER_SCHEMAS,
          id: scimId(userName),
          userName,
          displayName,
          name: { givenName, familyName: family.join(' ') },
          active: true,
          emails: userName.includes('@') ? [{ type: 'work', value: userName, primary: true }] : [],
          groups: [
            { display: 'users', type: 'direct', value: scimId('group:users'), $ref: `Groups/${scimId('group:users')}` },
          ],
          entitlements: [{ value: 'workspace-access' }, { value: 'databricks-sql-access' }],
        };
      },
    },
    {
      method: 'GET',
      path: `${BASE}/Users`,
      handler: (req) =>
        listResponse(matching(governance.users, req, { userName: (u) => u.userName }).map(userResource)),
    },
    {
      method: 'POST',
      path: `${BASE}/Users`,
      handler: (req) =>
        asAdmin(req, () => {
          const userName = String(req.body.userName ?? '').trim();
          if (!userName) return scimError(400, 'userName is required.');
          if (governance.users.some((u) => u.userName === userName)) {
            return scimError(409, `User with username ${userName} already exists.`);
          }
          const displayName = typeof req.body.displayName === 'string' ? req.body.displayName : displayNameOf(userName);
          return userResource(governance.ensureUser(userName, displayName));
        }),
    },
    {
      method: 'GET',
      path: `${BASE}/ServicePrincipals`,
      handler: (req) =>
        listResponse(
          matching(governance.servicePrincipals, req, {
            applicationId: (sp) => sp.applicationId,
            displayName: (sp) => sp.displayName,
          }).map(spResource),
        ),
    },
    {
      method: 'POST',
      path: `${BASE}/ServicePrincipals`,
      handler: (req) =>
        asAdmin(req, () => {
          const displayName = String(req.body.displayName ?? '').trim();
          if (!displayName) return scimError(400, 'displayName is required.');
          const applicationId = typeof req.body.applicationId === 'string' ? req.body.applicationId : undefined;
          return spResource(governance.createServicePrincipal(displayName, applicationId));
        }),
    },
    {
      method: 'GET',
      path: `${BASE}/Groups`,
      handler: (req) =>
        listResponse(matching(governance.groups, req, { displayName: (g) => g.displayName }).map(groupResource)),
    },
    {
      method: 'POST',
      path: `${BASE}/Groups`,
      handler: (req) =>
        asAdmin(req, () => {
          const displayName = String(req.body.displayName ?? '').trim();
          if (!displayName) return scimError(400, 'displayName is required.');
          if (governance.groups.some((g) => g.displayName === displayName)) {
            return scimError(409, `Group with name ${displayName} already exists.`);
          }
          const group = governance.ensureGroup(displayName);
          governance.changeMembers(
            group.id,
            membersIn(req.body.members).filter((id) => governance.resolveId(id)),
            [],
          );
          return groupResource(group);
        }),
    },
    {
      method: 'GET',
      path: `${BASE}/Groups/:id`,
      handler: ({ params }) => {
        const group = governance.groups.find((g) => g.id === params.id);
        return group ? groupResource(group) : scimError(404, `Group with id ${params.id} not found.`);
      },
    },
    {
      method: 'PATCH',
      path: `${BASE}/Groups/:id`,
      handler: (req) =>
        asAdmin(req, () => {
          const group = governance.groups.find((g) => g.id === req.params.id);
          if (!group) return scimError(404, `Group with id ${req.params.id} not found.`);
          const operations = Array.isArray(req.body.Operations) ? req.body.Operations : [];
          for (const operation of operations as { op?: string; path?: string; value?: unknown }[]) {
            const op = String(operation.op ?? '').toLowerCase();
            const path = operation.path ?? 'members';
            // `members[value eq "<id>"]` names one member; `members` takes a list of `{ value }`.
            const one = /^members\[value eq "([^"]+)"\]$/.exec(path)?.[1];
            const ids = one ? [one] : membersIn(operation.value);
            if (!one && path !== 'members') return scimError(400, `Unsupported path ${path}.`);
            const unknown = ids.find((id) => !governance.resolveId(id));
            if (op === 'add' && unknown) return scimError(404, `Member with id ${unknown} not found.`);
            if (op === 'add') governance.changeMembers(group.id, ids, []);
            else if (op === 'remove') governance.changeMembers(group.id, [], ids);
            else return scimError(400, `Unsupported operation ${operation.op}.`);
          }
          return groupResource(group);
        }),
    },
    {
      method: 'DELETE',
      path: `${BASE}/Groups/:id`,
      handler: (req) =>
        asAdmin(req, () =>
          governance.removeGroup(req.params.id)
            ? new RawResponse(204, '')
            : scimError(404, `Group with id ${req.params.id} not found.`),
        ),
    },
    {
      method: 'POST',
      path: '/api/2.0/token-management/on-behalf-of/tokens',
      handler: (req) => {
        if (!governance.isAdmin(req.principal.userName)) {
          throw new DatabricksApiError(403, 'PERMISSION_DENIED', 'Only admins can create tokens on behalf of others.');
        }
        const applicationId = String(req.body.application_id ?? '');
        const sp = governance.servicePrincipals.find((s) => s.applicationId === applicationId);
        if (!sp) {
          throw new DatabricksApiError(
            404,
            'RESOURCE_DOES_NOT_EXIST',
            `Service principal ${applicationId} does not exist.`,
          );
        }
        const lifetime = typeof req.body.lifetime_seconds === 'number' ? req.body.lifetime_seconds : undefined;
        const { value, info } = governance.issueToken(applicationId, String(req.body.comment ?? ''), lifetime);
        return {
          token_value: value,
          token_info: {
            token_id: info.tokenId,
            creation_time: info.creationTime,
            expiry_time: info.expiryTime,
            comment: info.comment,
            owner_id: Number(sp.id),
            created_by_username: req.principal.userName,
          },
        };
      },
    },
  ];
}

/** SCIM 2.0 `Me`: the caller (from its token) as a workspace user. */
import { createHash } from 'node:crypto';
import type { Route } from '../http/types.js';

const USER_SCHEMAS = [
  'urn:ietf:params:scim:schemas:core:2.0:User',
  'urn:ietf:params:scim:schemas:extension:workspace:2.0:User',
];

/** A stable 16-digit id per user name, the shape Databricks uses for SCIM ids. */
const scimId = (userName: string) =>
  (
    (BigInt(`0x${createHash('sha256').update(userName).digest('hex').slice(0, 15)}`) % 9_000_000_000_000_000n) +
    1_000_000_000_000_000n
  ).toString();

function displayNameOf(userName: string): string {
  const local = userName.split('@')[0];
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' ');
}

export function createScimService(): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/2.0/preview/scim/v2/Me',
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
  ];
}

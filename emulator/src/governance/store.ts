/**
 * Unity Catalog governance of one workspace: the SCIM principals (users, groups, service principals), the
 * tokens issued on behalf of service principals, securables' owners and their privilege grants. Privileges
 * inherit downwards (a grant on a catalog covers its schemas and tables) and reach a principal directly or
 * through its groups; workspace admins (the default PAT's user, the configured OAuth client, members of
 * `admins`) hold every privilege, as a metastore admin does. Kept in memory, and in a JSON file when the
 * workspace has a data directory, so that grants survive a restart as the catalogs do.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type SecurableType = 'catalog' | 'schema' | 'table' | 'volume';

/** A catalog, schema, table or volume by its lower-cased full name (`c`, `c.s`, `c.s.t`). */
export interface Securable {
  type: SecurableType;
  fullName: string;
}

/** Unity Catalog privileges as the REST API spells them (SQL writes them with spaces). */
export const PRIVILEGES = [
  'ALL_PRIVILEGES',
  'USE_CATALOG',
  'USE_SCHEMA',
  'SELECT',
  'MODIFY',
  'CREATE_SCHEMA',
  'CREATE_TABLE',
  'CREATE_VOLUME',
  'CREATE_FUNCTION',
  'READ_VOLUME',
  'WRITE_VOLUME',
  'EXECUTE',
  'BROWSE',
  'MANAGE',
  'APPLY_TAG',
  'REFRESH',
] as const;
export type Privilege = (typeof PRIVILEGES)[number];

/** Where each privilege may be granted (Unity Catalog refuses e.g. USE CATALOG on a schema). */
const APPLIES_TO: Record<Privilege, readonly SecurableType[]> = {
  ALL_PRIVILEGES: ['catalog', 'schema', 'table', 'volume'],
  USE_CATALOG: ['catalog'],
  USE_SCHEMA: ['catalog', 'schema'],
  SELECT: ['catalog', 'schema', 'table'],
  MODIFY: ['catalog', 'schema', 'table'],
  CREATE_SCHEMA: ['catalog'],
  CREATE_TABLE: ['catalog', 'schema'],
  CREATE_VOLUME: ['catalog', 'schema'],
  CREATE_FUNCTION: ['catalog', 'schema'],
  READ_VOLUME: ['catalog', 'schema', 'volume'],
  WRITE_VOLUME: ['catalog', 'schema', 'volume'],
  EXECUTE: ['catalog', 'schema'],
  BROWSE: ['catalog'],
  MANAGE: ['catalog', 'schema', 'table', 'volume'],
  APPLY_TAG: ['catalog', 'schema', 'table', 'volume'],
  REFRESH: ['catalog', 'schema', 'table'],
};

export const isPrivilege = (name: string): name is Privilege => (PRIVILEGES as readonly string[]).includes(name);
export const appliesTo = (privilege: Privilege, type: SecurableType) => APPLIES_TO[privilege].includes(type);

/** "USE_CATALOG" → "USE CATALOG", as SQL and Databricks' messages write it. */
export const privilegeWords = (privilege: string) => privilege.replaceAll('_', ' ');

/** A stable 16-digit id per name, the shape Databricks uses for SCIM ids. */
export const scimId = (name: string) =>
  (
    (BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 15)}`) % 9_000_000_000_000_000n) +
    1_000_000_000_000_000n
  ).toString();

export interface ScimUser {
  id: string;
  userName: string;
  displayName: string;
  active: boolean;
}
export interface ScimServicePrincipal {
  id: string;
  applicationId: string;
  displayName: string;
  active: boolean;
}
export interface ScimGroup {
  id: string;
  displayName: string;
  /** Member ids: users, service principals or groups. */
  members: string[];
}
export interface IssuedToken {
  tokenId: string;
  /** The service principal's application id (the principal the token authenticates as). */
  applicationId: string;
  comment: string;
  creationTime: number;
  /** Epoch ms; -1: never. */
  expiryTime: number;
}

interface State {
  users: ScimUser[];
  servicePrincipals: ScimServicePrincipal[];
  groups: ScimGroup[];
  tokens: Record<string, IssuedToken>;
  /** `type:full_name` → principal → privileges. */
  grants: Record<string, Record<string, Privilege[]>>;
  owners: Record<string, string>;
  /** Comments DuckDB cannot keep (on schemas), by securable key. */
  comments: Record<string, string>;
}

const keyOf = (securable: Securable) => `${securable.type}:${securable.fullName.toLowerCase()}`;

/** The securable and those above it, nearest first: a table's schema and catalog. */
export function ancestry(securable: Securable): Securable[] {
  const parts = securable.fullName.toLowerCase().split('.');
  const chain: Securable[] = [{ type: securable.type, fullName: parts.join('.') }];
  if (parts.length >= 3) chain.push({ type: 'schema', fullName: parts.slice(0, 2).join('.') });
  if (parts.length >= 2) chain.push({ type: 'catalog', fullName: parts[0] });
  return chain;
}

/** Groups every principal belongs to, as in Databricks. */
const IMPLICIT_GROUPS = ['account users', 'users'];
const ADMINS_GROUP = 'admins';

export class Governance {
  private readonly state: State;

  constructor(
    private readonly options: {
      /** Principals with every privilege (the workspace's admin identities). */
      admins: string[];
      /** Where the state is kept; in memory only without it. */
      file?: string;
    },
  ) {
    this.state = load(options.file);
    for (const userName of options.admins.filter((name) => name.includes('@'))) this.ensureUser(userName);
    const admins = this.ensureGroup(ADMINS_GROUP);
    for (const user of this.state.users)
      if (options.admins.includes(user.userName) && !admins.members.includes(user.id)) admins.members.push(user.id);
  }

  // —— principals ——

  get users(): readonly ScimUser[] {
    return this.state.users;
  }
  get servicePrincipals(): readonly ScimServicePrincipal[] {
    return this.state.servicePrincipals;
  }
  get groups(): readonly ScimGroup[] {
    return this.state.groups;
  }

  ensureUser(userName: string, displayName = userName): ScimUser {
    const existing = this.state.users.find((user) => user.userName === userName);
    if (existing) return existing;
    const user = { id: scimId(userName), userName, displayName, active: true };
    this.state.users.push(user);
    this.save();
    return user;
  }

  createServicePrincipal(displayName: string, applicationId: string = randomUUID()): ScimServicePrincipal {
    const sp = { id: scimId(`sp:${applicationId}`), applicationId, displayName, active: true };
    this.state.servicePrincipals.push(sp);
    this.save();
    return sp;
  }

  ensureGroup(displayName: string): ScimGroup {
    const existing = this.state.groups.find((group) => group.displayName === displayName);
    if (existing) return existing;
    const group = { id: scimId(`group:${displayName}`), displayName, members: [] };
    this.state.groups.push(group);
    this.save();
    return group;
  }

  removeGroup(id: string): boolean {
    const before = this.state.groups.length;
    this.state.groups = this.state.groups.filter((group) => group.id !== id);
    for (const group of this.state.groups) group.members = group.members.filter((member) => member !== id);
    this.save();
    return this.state.groups.length < before;
  }

  /** Adds and removes members of a group (ids); unknown ids are ignored by the caller's validation. */
  changeMembers(groupId: string, add: string[], remove: string[]): void {
    const group = this.state.groups.find((g) => g.id === groupId);
    if (!group) return;
    group.members = [...new Set([...group.members.filter((id) => !remove.includes(id)), ...add])];
    this.save();
  }

  /** The id of a user, service principal or group, with its SCIM resource type. */
  resolveId(id: string): { type: 'Users' | 'ServicePrincipals' | 'Groups'; display: string } | undefined {
    const user = this.state.users.find((u) => u.id === id);
    if (user) return { type: 'Users', display: user.displayName };
    const sp = this.state.servicePrincipals.find((s) => s.id === id);
    if (sp) return { type: 'ServicePrincipals', display: sp.displayName };
    const group = this.state.groups.find((g) => g.id === id);
    return group && { type: 'Groups', display: group.displayName };
  }

  /** Whether a principal name (user name, service principal application id, group name) exists. */
  principalExists(name: string): boolean {
    return (
      IMPLICIT_GROUPS.includes(name) ||
      this.options.admins.includes(name) ||
      this.state.users.some((u) => u.userName === name) ||
      this.state.servicePrincipals.some((s) => s.applicationId === name) ||
      this.state.groups.some((g) => g.displayName === name)
    );
  }

  /** The principal and every group it belongs to, directly or through other groups. */
  identitiesOf(principal: string): Set<string> {
    const ids = new Set<string>();
    for (const user of this.state.users) if (user.userName === principal) ids.add(user.id);
    for (const sp of this.state.servicePrincipals) if (sp.applicationId === principal) ids.add(sp.id);
    const names = new Set([principal, ...IMPLICIT_GROUPS]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const group of this.state.groups) {
        if (!ids.has(group.id) && group.members.some((member) => ids.has(member))) {
          ids.add(group.id);
          names.add(group.displayName);
          grew = true;
        }
      }
    }
    return names;
  }

  isAdmin(principal: string): boolean {
    return this.options.admins.includes(principal) || this.identitiesOf(principal).has(ADMINS_GROUP);
  }

  // —— tokens on behalf of service principals ——

  issueToken(applicationId: string, comment: string, lifetimeSeconds?: number): { value: string; info: IssuedToken } {
    const value = `dapi${randomBytes(16).toString('hex')}`;
    const now = Date.now();
    const info = {
      tokenId: randomBytes(16).toString('hex'),
      applicationId,
      comment,
      creationTime: now,
      expiryTime: lifetimeSeconds ? now + lifetimeSeconds * 1000 : -1,
    };
    this.state.tokens[value] = info;
    this.save();
    return { value, info };
  }

  /** The principal a token issued here authenticates as, while it is valid. */
  principalOfToken(token: string): string | undefined {
    const info = this.state.tokens[token];
    if (!info || (info.expiryTime !== -1 && info.expiryTime <= Date.now())) return undefined;
    return this.state.servicePrincipals.some((sp) => sp.applicationId === info.applicationId && sp.active)
      ? info.applicationId
      : undefined;
  }

  // —— ownership and grants ——

  setOwner(securable: Securable, owner: string): void {
    this.state.owners[keyOf(securable)] = owner;
    this.save();
  }

  ownerOf(securable: Securable): string | undefined {
    return this.state.owners[keyOf(securable)];
  }

  setComment(securable: Securable, comment: string): void {
    this.state.comments[keyOf(securable)] = comment;
    this.save();
  }

  commentOf(securable: Securable): string | undefined {
    return this.state.comments[keyOf(securable)];
  }

  /** Forgets the grants and owners of a dropped securable and of everything inside it. */
  forget(securable: Securable): void {
    const name = securable.fullName.toLowerCase();
    const inside = (key: string) => {
      const full = key.slice(key.indexOf(':') + 1);
      return full === name || full.startsWith(`${name}.`);
    };
    for (const key of Object.keys(this.state.grants)) if (inside(key)) delete this.state.grants[key];
    for (const key of Object.keys(this.state.owners)) if (inside(key)) delete this.state.owners[key];
    for (const key of Object.keys(this.state.comments)) if (inside(key)) delete this.state.comments[key];
    this.save();
  }

  /** The direct grants on a securable, by principal, in a stable order. */
  assignments(securable: Securable): { principal: string; privileges: Privilege[] }[] {
    const grants = this.state.grants[keyOf(securable)] ?? {};
    return Object.entries(grants)
      .filter(([, privileges]) => privileges.length > 0)
      .map(([principal, privileges]) => ({ principal, privileges: [...privileges].sort() }))
      .sort((a, b) => a.principal.localeCompare(b.principal));
  }

  /** Applies grants (`add`) and revokes (`remove`) on a securable. */
  change(securable: Securable, principal: string, add: Privilege[], remove: Privilege[]): void {
    const key = keyOf(securable);
    this.state.grants[key] ??= {};
    const grants = this.state.grants[key];
    const next = new Set(grants[principal] ?? []);
    for (const privilege of remove) next.delete(privilege);
    for (const privilege of add) next.add(privilege);
    if (next.size) grants[principal] = [...next];
    else delete grants[principal];
    this.save();
  }

  /** Whether `principal` holds `privilege` on the securable: as admin, owner, or by a grant on it or above it. */
  can(principal: string, privilege: Privilege, securable: Securable): boolean {
    if (this.isAdmin(principal)) return true;
    const identities = this.identitiesOf(principal);
    return ancestry(securable).some((level) => {
      const owner = this.ownerOf(level);
      if (owner && identities.has(owner)) return true;
      const grants = this.state.grants[keyOf(level)] ?? {};
      return [...identities].some((identity) => {
        const held = grants[identity] ?? [];
        return held.includes(privilege) || (privilege !== 'MANAGE' && held.includes('ALL_PRIVILEGES'));
      });
    });
  }

  /** Whether `principal` may change the securable's grants or drop it: admin, owner, or MANAGE on or above it. */
  manages(principal: string, securable: Securable): boolean {
    return this.can(principal, 'MANAGE', securable);
  }

  private save(): void {
    if (!this.options.file) return;
    mkdirSync(dirname(this.options.file), { recursive: true });
    writeFileSync(this.options.file, JSON.stringify(this.state));
  }
}

function load(file: string | undefined): State {
  const empty: State = {
    users: [],
    servicePrincipals: [],
    groups: [],
    tokens: {},
    grants: {},
    owners: {},
    comments: {},
  };
  if (!file) return empty;
  try {
    return { ...empty, ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<State>) };
  } catch {
    return empty;
  }
}

/**
 * Databricks' governance statements, answered from the governance store rather than DuckDB:
 * `GRANT <privileges> ON <CATALOG|SCHEMA|TABLE|VOLUME> <name> TO <principal>`, `REVOKE … FROM …` and
 * `SHOW GRANTS [<principal>] ON …` (columns `Principal`, `ActionType`, `ObjectType`, `ObjectKey`), and
 * `COMMENT ON SCHEMA … IS '…'` (DuckDB keeps no schema comments; the metastore does).
 */
import type { SqlResult } from '../contracts.js';
import {
  appliesTo,
  type Governance,
  isPrivilege,
  type Privilege,
  privilegeWords,
  type Securable,
  type SecurableType,
} from '../governance/store.js';
import { InsufficientPermissionsError, type Namespace } from './privileges.js';
import { databricksCatalogName } from './translate.js';

const IDENT = String.raw`(?:\x60(?:[^\x60]|\x60\x60)+\x60|"(?:[^"]|"")+"|[\w$]+)`;
const NAME = String.raw`${IDENT}(?:\s*\.\s*${IDENT}){0,2}`;
const PRINCIPAL = String.raw`(\x60(?:[^\x60]|\x60\x60)+\x60|'(?:[^']|'')+'|"(?:[^"]|"")+"|[\w.@-]+)`;
const ON = String.raw`on\s+(catalog|schema|database|table|view|volume)\s+(${NAME})`;
const GRANT = new RegExp(String.raw`^\s*grant\s+(.+?)\s+${ON}\s+to\s+${PRINCIPAL}\s*$`, 'is');
const REVOKE = new RegExp(String.raw`^\s*revoke\s+(.+?)\s+${ON}\s+from\s+${PRINCIPAL}\s*$`, 'is');
const COMMENT = new RegExp(
  String.raw`^\s*comment\s+on\s+(schema|database)\s+(${NAME})\s+is\s+'((?:[^']|'')*)'\s*$`,
  'is',
);
const SHOW = new RegExp(String.raw`^\s*show\s+grants?(?:\s+${PRINCIPAL})?\s+${ON}\s*$`, 'is');

/** A principal or identifier without its quotes. */
const unquote = (text: string) => {
  const quote = text[0];
  if (quote === '`' || quote === '"' || quote === "'") return text.slice(1, -1).replaceAll(quote + quote, quote);
  return text;
};
const partsOf = (name: string) => (name.match(new RegExp(IDENT, 'g')) ?? []).map((part) => unquote(part).toLowerCase());

function securableOf(kind: string, name: string, ns: Namespace): Securable {
  const parts = partsOf(name);
  const lower = kind.toLowerCase();
  const type: SecurableType =
    lower === 'catalog'
      ? 'catalog'
      : lower === 'schema' || lower === 'database'
        ? 'schema'
        : lower === 'volume'
          ? 'volume'
          : 'table';
  const depth = { catalog: 1, schema: 2, table: 3, volume: 3 }[type];
  const full = [ns.catalog, ns.schema, ...parts].slice(-depth);
  if (type === 'catalog') full.splice(0, full.length, parts[0]);
  full[0] = databricksCatalogName(full[0]);
  return { type, fullName: full.join('.') };
}

function privilegesOf(list: string, securable: Securable): Privilege[] {
  return list.split(',').map((word) => {
    const name = word.trim().toUpperCase().replace(/\s+/g, '_');
    const privilege = name === 'ALL' ? 'ALL_PRIVILEGES' : name;
    if (!isPrivilege(privilege)) throw new Error(`[INVALID_PRIVILEGE] Privilege ${word.trim()} is not valid.`);
    if (!appliesTo(privilege, securable.type)) {
      throw new Error(
        `[INVALID_PRIVILEGE] Privilege ${privilegeWords(privilege)} is not applicable to this entity [${securable.type}].`,
      );
    }
    return privilege;
  });
}

async function mustExist(securable: Securable, exists: (securable: Securable) => Promise<boolean>) {
  if (!(await exists(securable))) {
    throw new Error(
      `[${securable.type.toUpperCase()}_NOT_FOUND] The ${securable.type} \`${securable.fullName}\` cannot be found.`,
    );
  }
}

const notOwner = (securable: Securable) =>
  new InsufficientPermissionsError(
    `User does not have MANAGE on ${securable.type[0].toUpperCase()}${securable.type.slice(1)} '${securable.fullName}'.`,
  );

const EMPTY: SqlResult = { columns: [], rows: [] };

/**
 * Runs a governance statement as `principal` against securables that `exists` confirms; undefined when the
 * statement is not one. Granting needs ownership or MANAGE, as in Unity Catalog.
 */
export async function governanceStatement(
  statement: string,
  context: {
    governance: Governance;
    principal: string;
    namespace: Namespace;
    exists: (securable: Securable) => Promise<boolean>;
  },
): Promise<SqlResult | undefined> {
  const { governance, principal, namespace } = context;
  const comment = COMMENT.exec(statement);
  if (comment) {
    const schema = securableOf('schema', comment[2], namespace);
    await mustExist(schema, context.exists);
    if (!governance.manages(principal, schema)) throw notOwner(schema);
    governance.setComment(schema, comment[3].replaceAll("''", "'"));
    return EMPTY;
  }
  const change = GRANT.exec(statement) ?? REVOKE.exec(statement);
  const show = change ? undefined : SHOW.exec(statement);
  if (!change && !show) return undefined;
  const [kind, name] = change ? [change[2], change[3]] : [show![2], show![3]];
  const securable = securableOf(kind, name, namespace);
  await mustExist(securable, context.exists);
  if (show) {
    const only = show[1] ? unquote(show[1]) : undefined;
    const rows = governance
      .assignments(securable)
      .filter((assignment) => !only || assignment.principal === only)
      .flatMap(({ principal: grantee, privileges }) =>
        privileges.map((privilege) => [
          grantee,
          privilegeWords(privilege),
          securable.type.toUpperCase(),
          securable.fullName,
        ]),
      );
    const columns = ['Principal', 'ActionType', 'ObjectType', 'ObjectKey'].map((column) => ({
      name: column,
      type: 'STRING',
    }));
    return { columns, rows };
  }
  if (!governance.manages(principal, securable)) throw notOwner(securable);
  const grantee = unquote(change![4]);
  if (!governance.principalExists(grantee)) {
    throw new Error(`[PRINCIPAL_DOES_NOT_EXIST] Could not find principal with name ${grantee}.`);
  }
  const privileges = privilegesOf(change![1], securable);
  const granting = /^\s*grant/i.test(statement);
  governance.change(securable, grantee, granting ? privileges : [], granting ? [] : privileges);
  return EMPTY;
}

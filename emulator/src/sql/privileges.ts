/**
 * What a Databricks statement needs of Unity Catalog, and the warehouse's refusal when the caller lacks it:
 * reading a table takes USE CATALOG, USE SCHEMA and SELECT; writing takes MODIFY; creating takes CREATE
 * TABLE / SCHEMA / VOLUME; dropping or altering takes ownership (or MANAGE). Tables a query reads come from
 * DuckDB's parser (`json_serialize_sql`), the targets of other statements from their head.
 */
import { type Governance, type Privilege, privilegeWords, type Securable } from '../governance/store.js';
import { databricksCatalogName, splitSegments } from './translate.js';

/** The catalog and schema unqualified names resolve against (`USE` changes it within a script). */
export interface Namespace {
  catalog: string;
  schema: string;
}

type Requirement = { privilege: Privilege; securable: Securable } | { owns: Securable } | { admin: string };

export interface StatementAccess {
  requirements: Requirement[];
  /** What the statement creates: its creator owns it. */
  creates?: Securable;
  /** What the statement drops: its grants go with it. */
  drops?: Securable;
  /** The namespace after a `USE`. */
  namespace?: Namespace;
}

/** A table reference as DuckDB's parser reports it. */
export interface TableReference {
  catalog?: string;
  schema?: string;
  table: string;
}

/** The warehouse's answer to a statement whose caller lacks a privilege (SQLSTATE 42501, as in Databricks). */
export class InsufficientPermissionsError extends Error {
  readonly sqlState = '42501';
  constructor(detail: string) {
    super(`[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\n${detail} SQLSTATE: 42501`);
    this.name = 'InsufficientPermissionsError';
  }
}

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const NAME = String.raw`(${IDENT}(?:\s*\.\s*${IDENT}){0,2})`;
const head = (pattern: string) => new RegExp(String.raw`^\s*${pattern}`, 'i');

const CREATE_TABLE = head(
  String.raw`create\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+)?(table|view)\s+(?:if\s+not\s+exists\s+)?${NAME}`,
);
const CREATE_SCHEMA = head(String.raw`create\s+(?:schema|database)\s+(?:if\s+not\s+exists\s+)?${NAME}`);
const CREATE_VOLUME = head(String.raw`create\s+(?:external\s+)?volume\s+(?:if\s+not\s+exists\s+)?${NAME}`);
const CREATE_CATALOG = head(String.raw`create\s+catalog\s+(?:if\s+not\s+exists\s+)?${NAME}`);
const DROP = head(String.raw`drop\s+(table|view|schema|database|volume|catalog)\s+(?:if\s+exists\s+)?${NAME}`);
const ALTER = head(String.raw`alter\s+(table|view|schema|database|volume|catalog)\s+${NAME}`);
const INSERT = head(String.raw`insert\s+(?:into|overwrite)\s+(?:table\s+)?${NAME}`);
const COPY = head(String.raw`copy\s+into\s+${NAME}`);
const CHANGE = head(String.raw`(?:update|delete\s+from|merge\s+into)\s+${NAME}`);
const DESCRIBE = head(String.raw`(?:describe|desc)\s+(?:table\s+|history\s+|detail\s+|extended\s+)*${NAME}`);
const SHOW_IN = head(String.raw`show\s+(schemas|databases|tables|views|volumes)\s+(?:in|from)\s+${NAME}`);
const USE = head(String.raw`use\s+(catalog\s+|schema\s+|database\s+)?${NAME}\s*$`);
const THREE_PART = new RegExp(
  String.raw`(?<![\w."$])(${IDENT}\s*\.\s*${IDENT}\s*\.\s*${IDENT})(?![\w"$]|\s*[.(])`,
  'g',
);
/** Statements a principal other than an admin may run (DuckDB's own, like ATTACH or COPY … TO, are the engine's). */
const PRINCIPAL_STATEMENTS = new Set(
  'select with values from table insert update delete merge create replace drop alter describe desc show use copy comment'.split(
    ' ',
  ),
);
const VOLUME_PATH = /^'\/Volumes\/([^/']+)\/([^/']+)\/([^/']+)/i;

/** The statement with literals and comments blanked (quoted identifiers kept, backticks as double quotes). */
function codeOf(statement: string): { code: string; literals: string[] } {
  const literals: string[] = [];
  const code = splitSegments(statement)
    .map((segment) => {
      if (segment.code || segment.text.startsWith('"')) return segment.text;
      if (segment.text.startsWith("'")) literals.push(segment.text);
      return ' '.repeat(segment.text.length);
    })
    .join('');
  return { code, literals };
}

const unquote = (part: string) => (part.startsWith('"') ? part.slice(1, -1).replaceAll('""', '"') : part).toLowerCase();
const partsOf = (name: string) => (name.match(new RegExp(IDENT, 'g')) ?? []).map(unquote);

/** A table-like name resolved against the namespace: `t`, `s.t` or `c.s.t`. */
function objectIn(ns: Namespace, parts: string[]): string {
  const full = [ns.catalog, ns.schema, ...parts].slice(-3);
  full[0] = databricksCatalogName(full[0]);
  return full.join('.');
}
function schemaIn(ns: Namespace, parts: string[]): string {
  return [databricksCatalogName(parts.length > 1 ? parts[0] : ns.catalog), parts.at(-1) ?? ns.schema].join('.');
}

const useOf = (fullName: string): Requirement[] => {
  const [catalog, schema] = fullName.split('.');
  const needs: Requirement[] = [{ privilege: 'USE_CATALOG', securable: { type: 'catalog', fullName: catalog } }];
  if (schema !== undefined)
    needs.push({ privilege: 'USE_SCHEMA', securable: { type: 'schema', fullName: `${catalog}.${schema}` } });
  return needs;
};
const onTable = (fullName: string, ...privileges: Privilege[]): Requirement[] => [
  ...useOf(fullName),
  ...privileges.map((privilege) => ({ privilege, securable: { type: 'table' as const, fullName } })),
];
const inSchema = (schema: string, privilege: Privilege): Requirement[] => [
  ...useOf(schema),
  { privilege, securable: { type: 'schema', fullName: schema } },
];

/**
 * The privileges a statement needs, its target and effects. `readTables` are the tables a query reads (from
 * the parser), or undefined when the statement is not a query: then every three-part name it mentions besides
 * its target counts as a table it reads (INSERT … SELECT, MERGE … USING, CREATE TABLE … AS).
 */
export function accessOf(statement: string, ns: Namespace, readTables?: TableReference[]): StatementAccess {
  const { code, literals } = codeOf(statement);
  const requirements: Requirement[] = [];
  const volumes = literals.flatMap((literal) => {
    const match = VOLUME_PATH.exec(literal);
    return match ? [[match[1], match[2], match[3]].map((p) => p.toLowerCase()).join('.')] : [];
  });
  for (const volume of volumes) {
    requirements.push(...useOf(volume), { privilege: 'READ_VOLUME', securable: { type: 'volume', fullName: volume } });
  }
  if (readTables) {
    for (const ref of readTables) {
      requirements.push(...onTable(objectIn(ns, [ref.catalog, ref.schema, ref.table].filter(isText)), 'SELECT'));
    }
    return { requirements };
  }
  const keyword = /^\s*(\w+)/.exec(code)?.[1]?.toLowerCase() ?? '';
  if (!PRINCIPAL_STATEMENTS.has(keyword) || /^\s*copy\s+(?!into\b)/i.test(code)) {
    requirements.push({ admin: `User does not have the privilege to run ${keyword.toUpperCase()} statements.` });
  }
  let target: string | undefined;
  const access = targetAccess(code, ns);
  if (access) {
    target = access.target;
    requirements.push(...access.requirements);
  }
  for (const [, name] of code.matchAll(THREE_PART)) {
    const table = objectIn(ns, partsOf(name));
    if (table !== target) requirements.push(...onTable(table, 'SELECT'));
  }
  return { ...access, requirements };
}

const isText = (value: string | undefined): value is string => Boolean(value);

type TargetAccess = StatementAccess & { target?: string };

const schemaOfTable = (table: string) => table.split('.').slice(0, 2).join('.');
const ownsNamed = (m: RegExpExecArray, ns: Namespace, drops: boolean): TargetAccess => {
  const securable = securableNamed(m[1], partsOf(m[2]), ns);
  return { target: securable.fullName, requirements: [{ owns: securable }], drops: drops ? securable : undefined };
};

/** Statement heads and what each needs of its target; the first that matches decides. */
const TARGET_RULES: [RegExp, (m: RegExpExecArray, ns: Namespace) => TargetAccess][] = [
  [
    CREATE_TABLE,
    (m, ns) => {
      const target = objectIn(ns, partsOf(m[2]));
      return {
        target,
        requirements: inSchema(schemaOfTable(target), 'CREATE_TABLE'),
        creates: { type: 'table', fullName: target },
      };
    },
  ],
  [
    CREATE_SCHEMA,
    (m, ns) => {
      const target = schemaIn(ns, partsOf(m[1]));
      const catalog = target.split('.')[0];
      return {
        target,
        requirements: [
          ...useOf(catalog),
          { privilege: 'CREATE_SCHEMA', securable: { type: 'catalog', fullName: catalog } },
        ],
        creates: { type: 'schema', fullName: target },
      };
    },
  ],
  [
    CREATE_VOLUME,
    (m, ns) => {
      const target = objectIn(ns, partsOf(m[1]));
      return {
        target,
        requirements: inSchema(schemaOfTable(target), 'CREATE_VOLUME'),
        creates: { type: 'volume', fullName: target },
      };
    },
  ],
  [
    CREATE_CATALOG,
    (m) => {
      const target = databricksCatalogName(partsOf(m[1])[0]);
      return {
        target,
        requirements: [{ admin: 'User does not have CREATE CATALOG on Metastore.' }],
        creates: { type: 'catalog', fullName: target },
      };
    },
  ],
  [DROP, (m, ns) => ownsNamed(m, ns, true)],
  [ALTER, (m, ns) => ownsNamed(m, ns, false)],
  [INSERT, (m, ns) => modifies(objectIn(ns, partsOf(m[1])), 'MODIFY')],
  [COPY, (m, ns) => modifies(objectIn(ns, partsOf(m[1])), 'MODIFY')],
  [CHANGE, (m, ns) => modifies(objectIn(ns, partsOf(m[1])), 'SELECT', 'MODIFY')],
  [DESCRIBE, (m, ns) => modifies(objectIn(ns, partsOf(m[1])), 'SELECT')],
  [
    SHOW_IN,
    (m, ns) => {
      const parts = partsOf(m[2]);
      const target = /^(schemas|databases)$/i.test(m[1]) ? databricksCatalogName(parts[0]) : schemaIn(ns, parts);
      return { target, requirements: useOf(target) };
    },
  ],
  [
    USE,
    (m, ns) => {
      const parts = partsOf(m[2]);
      const kind = m[1]?.trim().toLowerCase();
      const namespace =
        kind === 'catalog'
          ? { catalog: parts[0], schema: 'default' }
          : parts.length > 1
            ? { catalog: parts[0], schema: parts[1] }
            : { catalog: ns.catalog, schema: parts[0] };
      return {
        requirements: useOf(`${databricksCatalogName(namespace.catalog)}.${namespace.schema}`),
        namespace,
      };
    },
  ],
];

const modifies = (target: string, ...privileges: Privilege[]): TargetAccess => ({
  target,
  requirements: onTable(target, ...privileges),
});

function targetAccess(code: string, ns: Namespace): TargetAccess | undefined {
  for (const [pattern, rule] of TARGET_RULES) {
    const m = pattern.exec(code);
    if (m) return rule(m, ns);
  }
  return undefined;
}

function securableNamed(kind: string, parts: string[], ns: Namespace): Securable {
  const type = kind.toLowerCase();
  if (type === 'catalog') return { type: 'catalog', fullName: databricksCatalogName(parts[0]) };
  if (type === 'schema' || type === 'database') return { type: 'schema', fullName: schemaIn(ns, parts) };
  return { type: type === 'volume' ? 'volume' : 'table', fullName: objectIn(ns, parts) };
}

const OBJECT_WORDS = { catalog: 'Catalog', schema: 'Schema', table: 'Table', volume: 'Volume' } as const;

/** Throws the warehouse's INSUFFICIENT_PERMISSIONS for the first requirement `principal` does not meet. */
export function authorize(governance: Governance, principal: string, requirements: Requirement[]): void {
  if (governance.isAdmin(principal)) return;
  for (const need of requirements) {
    if ('admin' in need) throw new InsufficientPermissionsError(need.admin);
    if ('owns' in need) {
      if (!governance.manages(principal, need.owns)) {
        throw new InsufficientPermissionsError(
          `User is not an owner of ${OBJECT_WORDS[need.owns.type]} '${need.owns.fullName}'.`,
        );
      }
      continue;
    }
    if (!governance.can(principal, need.privilege, need.securable)) {
      throw new InsufficientPermissionsError(
        `User does not have ${privilegeWords(need.privilege)} on ${OBJECT_WORDS[need.securable.type]} '${need.securable.fullName}'.`,
      );
    }
  }
}

/**
 * Rewrites the Databricks SQL dialect the api sends into SQL DuckDB understands.
 * Only code is rewritten: string literals, quoted identifiers and comments pass through untouched.
 */

/** DuckDB reserves the catalog names `system` and `main`: Databricks' catalogs of those names live under others. */
const reservedCatalogs: Record<string, string> = { system: 'databricks_system', main: 'databricks_main' };
export const SYSTEM_CATALOG_ALIAS = reservedCatalogs.system;
export const MAIN_CATALOG_ALIAS = reservedCatalogs.main;

export const DEFAULT_SCHEMA = 'default';

/** DuckDB keeps `information_schema` for its own: Unity Catalog's `system.information_schema` lives under this. */
export const INFORMATION_SCHEMA_ALIAS = 'uc_information_schema';

/** The DuckDB database name for a Databricks catalog name. */
export const duckCatalogName = (name: string) => reservedCatalogs[name.toLowerCase()] ?? name;

/** The Databricks catalog name for a DuckDB database name. */
export const databricksCatalogName = (duckName: string) =>
  Object.keys(reservedCatalogs).find((name) => reservedCatalogs[name] === duckName) ?? duckName;

interface Segment {
  code: boolean;
  text: string;
}

/** Splits SQL into code and non-code (literals, quoted identifiers, comments); backticks become double quotes. */
export function splitSegments(sql: string): Segment[] {
  const segments: Segment[] = [];
  let code = '';
  let i = 0;
  const flushCode = () => {
    if (code) segments.push({ code: true, text: code });
    code = '';
  };
  while (i < sql.length) {
    const ch = sql[i];
    const closer = ch === "'" ? "'" : ch === '"' ? '"' : ch === '`' ? '`' : undefined;
    if (closer) {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === closer && sql[j + 1] === closer) j += 2;
        else if (sql[j] === closer) break;
        else j++;
      }
      flushCode();
      const body = sql.slice(i + 1, j);
      const text = ch === '`' ? `"${body.replaceAll('``', '`').replaceAll('"', '""')}"` : sql.slice(i, j + 1);
      segments.push({ code: false, text });
      i = j + 1;
    } else if (sql.startsWith('--', i) || sql.startsWith('/*', i)) {
      const end = sql.startsWith('--', i) ? sql.indexOf('\n', i) : sql.indexOf('*/', i) + 2;
      const stop = end <= 1 ? sql.length : end;
      flushCode();
      segments.push({ code: false, text: sql.slice(i, stop) });
      i = stop;
    } else {
      code += ch;
      i++;
    }
  }
  flushCode();
  return segments;
}

/** Splits a script on top-level semicolons (outside literals and comments). */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  for (const segment of splitSegments(sql)) {
    if (!segment.code) {
      current += segment.text;
      continue;
    }
    const parts = segment.text.split(';');
    current += parts[0];
    for (const part of parts.slice(1)) {
      statements.push(current);
      current = part;
    }
  }
  statements.push(current);
  return statements.map((s) => s.trim()).filter((s) => s.length > 0);
}

const codeRewrites: [RegExp, string | ((...groups: string[]) => string)][] = [
  [
    /(^|[^.\w"$])system\s*\.\s*information_schema\s*\./gi,
    (_m: string, pre: string) => `${pre}${SYSTEM_CATALOG_ALIAS}.${INFORMATION_SCHEMA_ALIAS}.`,
  ],
  // Reserved catalog names in first position of a qualified name (quoted names: see translateStatement).
  [
    /(^|[^.\w"$])(system|main)(\s*\.)/gi,
    (_m: string, pre: string, name: string, dot: string) => `${pre}${duckCatalogName(name)}${dot}`,
  ],
  // Databricks' two-argument day arithmetic clashes with DuckDB's built-ins of the same name.
  [/\bdate_sub\s*\(/gi, 'dbx_date_sub('],
  [/\bdate_add\s*\(/gi, 'dbx_date_add('],
  // DuckDB knows `current_timestamp` only without parentheses, as TIMESTAMP WITH TIME ZONE; Databricks' is UTC.
  [/\bcurrent_timestamp\s*\(\s*\)/gi, "(now() AT TIME ZONE 'UTC')"],
  // A generator in a select list: DuckDB's is `unnest`.
  [/\bexplode\s*\(/gi, 'unnest('],
  // Delta is the only table format here: the clause carries no meaning for DuckDB.
  [/\busing\s+delta\b/gi, ''],
  // Databricks' angle-bracket type syntax.
  [/\bARRAY\s*<\s*([\w(), ]+?)\s*>/gi, '$1[]'],
  [/\bMAP\s*<\s*([\w(), ]+?)\s*,\s*([\w(), ]+?)\s*>/gi, 'MAP($1, $2)'],
];

/** Databricks' `CREATE CATALOG` becomes an attached in-memory database. */
const createCatalog = /^\s*create\s+catalog\s+(if\s+not\s+exists\s+)?("?[\w]+"?)\s*(?:comment\s+'.*')?\s*$/is;
const dropCatalog = /^\s*drop\s+catalog\s+(if\s+exists\s+)?("?[\w]+"?)(\s+cascade)?\s*$/is;
const showSchemas = /^\s*show\s+(?:schemas|databases)\s+(?:in|from)\s+("?[\w]+"?)\s*$/is;
const useNamespace = /^\s*use\s+(?:catalog\s+|schema\s+|database\s+)?("?[\w]+"?(?:\."?[\w]+"?)?)\s*$/is;

export interface TranslateOptions {
  /** Where a new catalog's database file goes; catalogs live in memory without it. */
  catalogFile?: (duckName: string) => string;
}

/**
 * Translates one Databricks statement into one or more DuckDB statements (a table `COMMENT` becomes a
 * following `COMMENT ON TABLE`).
 */
export function translateStatement(sql: string, options: TranslateOptions = {}): string[] {
  const segments = splitSegments(sql);
  for (let k = 0; k < segments.length; k++) {
    const segment = segments[k];
    if (segment.code) {
      for (const [pattern, replacement] of codeRewrites) {
        segment.text = segment.text.replace(pattern, replacement as (...groups: string[]) => string);
      }
    } else if (
      /^"(system|main)"$/i.test(segment.text) &&
      /^\s*\./.test(segments[k + 1]?.text ?? '') &&
      // Only a catalog name (first in its qualified name): `x."main".t` names a schema called main.
      !/\.\s*$/.test(segments[k - 1]?.text ?? '')
    ) {
      segment.text = `"${duckCatalogName(segment.text.slice(1, -1))}"`;
    }
  }
  rewriteFromJson(segments);
  const translated = segments.map((s) => s.text).join('');
  const keyless = stripKeyConstraints(translated);
  return [...(rewriteCatalogStatements(translated, options) ?? moveTableClauses(keyless, splitSegments(keyless)))];
}

const fromJsonHead = /\bfrom_json\s*\(\s*([^,()]+?)\s*,\s*$/i;

/** Splits `a: T, b: STRUCT<c: U, d: V>` on its top-level commas. */
function topLevelItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
      continue;
    }
    if (ch === '<') depth++;
    if (ch === '>') depth--;
    current += ch;
  }
  return [...items, current.trim()].filter(Boolean);
}

/** A Databricks DDL type (`ARRAY<STRUCT<a: STRING, `date`: DATE>>`) as DuckDB's (`STRUCT("a" STRING, …)[]`). */
function duckType(type: string): string | undefined {
  const array = /^ARRAY\s*<(.*)>$/is.exec(type.trim());
  if (array) {
    const element = duckType(array[1]);
    return element && `${element}[]`;
  }
  const struct = /^STRUCT\s*<(.*)>$/is.exec(type.trim());
  if (struct) {
    const fields = topLevelItems(struct[1]).map((item) => {
      const field = /^`?(\w+)`?\s*:?\s+(.+)$/s.exec(item) ?? /^`?(\w+)`?\s*:\s*(.+)$/s.exec(item);
      const fieldType = field && duckType(field[2]);
      return field && fieldType ? `"${field[1]}" ${fieldType}` : undefined;
    });
    return fields.every(Boolean) ? `STRUCT(${fields.join(', ')})` : undefined;
  }
  return /^\w+(\(\d+(,\s*\d+)?\))?$/.test(type.trim()) ? type.trim() : undefined;
}

/**
 * `from_json(x, '<schema>')` (its schema is a literal, so no code rewrite sees it) as DuckDB's cast of JSON,
 * `CAST(CAST(x AS JSON) AS <type>)`: how a list of values or of rows travels as one parameter.
 */
function rewriteFromJson(segments: Segment[]): void {
  for (let k = 1; k + 1 < segments.length; k++) {
    const [before, literal, after] = [segments[k - 1], segments[k], segments[k + 1]];
    const head = before.code ? fromJsonHead.exec(before.text) : null;
    const type = !head || literal.code ? undefined : duckType(literal.text.slice(1, -1).replaceAll("''", "'"));
    if (!head || !type || !after.code || !/^\s*\)/.test(after.text)) continue;
    before.text = `${before.text.slice(0, head.index)}CAST(CAST(${head[1]} AS JSON) AS ${type}`;
    literal.text = '';
  }
}

/** A SQL string literal (for values the emulator itself puts into SQL: file paths, resolved names). */
export const sqlLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The unquoted, lower-cased form of an identifier as DuckDB stores it. */
export const unquoteIdentifier = (name: string) =>
  name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name.toLowerCase();

function rewriteCatalogStatements(sql: string, options: TranslateOptions): string[] | undefined {
  const create = createCatalog.exec(sql);
  // Databricks creates every catalog with a `default` schema.
  if (create) {
    const file = options.catalogFile ? sqlLiteral(options.catalogFile(unquoteIdentifier(create[2]))) : "':memory:'";
    return [
      `ATTACH ${create[1] ? 'IF NOT EXISTS ' : ''}${file} AS ${create[2]}`,
      `CREATE SCHEMA IF NOT EXISTS ${create[2]}.${DEFAULT_SCHEMA}`,
    ];
  }
  const drop = dropCatalog.exec(sql);
  if (drop) return [`DETACH ${drop[1] ? 'IF EXISTS ' : ''}${drop[2]}`];
  // Databricks' SHOW SCHEMAS answers one column, databaseName.
  const show = showSchemas.exec(sql);
  if (show) {
    const db = sqlLiteral(duckCatalogName(unquoteIdentifier(show[1])));
    return [
      `SELECT schema_name AS "databaseName" FROM duckdb_schemas() WHERE database_name = ${db} AND NOT internal AND schema_name NOT IN ('main', 'pg_catalog') ORDER BY 1`,
    ];
  }
  const use = useNamespace.exec(sql);
  if (use) return [`USE ${use[1]}`];
  return undefined;
}

const keyConstraint = /^\s*(?:constraint\s+(?:"(?:[^"]|"")+"|\w+)\s+)?(?:primary|foreign)\s+key\b/i;
const inlinePrimaryKey = /\s+primary\s+key(?:\s+not\s+enforced)?(?:\s+rely)?\b/gi;

/**
 * Databricks' primary and foreign keys are informational (never enforced), so a CREATE TABLE drops them:
 * DuckDB would enforce them (and refuse foreign keys across catalogs).
 */
export function stripKeyConstraints(sql: string): string {
  if (!createTableHead.test(sql) || !/\bkey\b/i.test(sql)) return sql;
  const segments = splitSegments(sql);
  // Column-list elements at depth 1, each as its segments' text.
  const out: string[] = [];
  let element = '';
  let depth = 0;
  const flush = (separator: string) => {
    if (keyConstraint.test(element)) {
      // The element goes with its comma: the one after it, or before it when it is the last.
      if (separator === ')' && out.at(-1) === ',') out.pop();
    } else {
      out.push(element.replace(inlinePrimaryKey, ''));
      if (separator === ',') out.push(',');
    }
    if (separator === ')') out.push(')');
    element = '';
  };
  for (const segment of segments) {
    if (!segment.code) {
      element += segment.text;
      continue;
    }
    for (const ch of segment.text) {
      if (ch === '(' && depth++ === 0) {
        out.push(element, ch);
        element = '';
      } else if (ch === ')' && --depth === 0) flush(')');
      else if (ch === ',' && depth === 1) flush(',');
      else element += ch;
    }
  }
  out.push(element);
  return out.join('');
}

const createTableHead = /^\s*create\s+(?:or\s+replace\s+)?table\s+(?:if\s+not\s+exists\s+)?([\w."]+)/i;

/**
 * Strips `TBLPROPERTIES (...)`, `PARTITIONED BY (...)`, `LOCATION '...'` and turns the table `COMMENT '...'` of a
 * CREATE TABLE into a `COMMENT ON TABLE`. Column comments become `COMMENT ON COLUMN`.
 */
function moveTableClauses(sql: string, segments: Segment[]): string[] {
  const head = createTableHead.exec(sql);
  if (!head) return [sql];
  const table = head[1];
  const comments: string[] = [];
  let text = '';
  let depth = 0;
  let columnStart = 0;
  let pendingComment: 'table' | 'column' | undefined;
  let skipGroup = false;
  let skipNextLiteral = false;
  for (const segment of segments) {
    if (!segment.code) {
      if (pendingComment) {
        const column = pendingComment === 'column' ? /^\s*([\w"]+)/.exec(text.slice(columnStart))?.[1] : undefined;
        comments.push(
          column
            ? `COMMENT ON COLUMN ${table}.${column} IS ${segment.text}`
            : `COMMENT ON TABLE ${table} IS ${segment.text}`,
        );
        pendingComment = undefined;
      } else if (skipNextLiteral) {
        skipNextLiteral = false;
      } else if (!skipGroup) {
        text += segment.text;
      }
      continue;
    }
    for (const token of segment.text.split(
      /(\(|\)|,|\bcomment\b|\btblproperties\b|\bpartitioned\s+by\b|\blocation\b)/i,
    )) {
      const lower = token.toLowerCase();
      if (skipGroup) {
        if (token === '(') depth++;
        if (token === ')' && --depth === 0) skipGroup = false;
        continue;
      }
      if (pendingComment && token.trim()) {
        // `comment` followed by code, not by a literal: a column named comment.
        text += 'comment';
        pendingComment = undefined;
      }
      if (lower === 'comment') pendingComment = depth > 0 ? 'column' : 'table';
      else if (lower === 'tblproperties' || /^partitioned\s+by$/.test(lower)) skipGroup = true;
      else if (lower === 'location' && depth === 0) skipNextLiteral = true;
      else {
        if (token === '(') depth++;
        if (token === ')') depth--;
        text += token;
        if ((token === ',' || token === '(') && depth === 1) columnStart = text.length;
      }
    }
  }
  return [text.trim(), ...comments];
}

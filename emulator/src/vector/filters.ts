/**
 * `filters_json` of vector search queries (standard endpoints): `{"col": value}` equality, `{"col": [..]}`
 * IN, and the key suffixes `NOT`, `<`, `<=`, `>`, `>=`, `LIKE`, plus `"a OR b"` keys.
 */
import { invalidParameter } from '../http/types.js';

export type Row = Record<string, unknown>;
type Predicate = (row: Row) => boolean;

const equalsAny = (actual: unknown, expected: unknown) =>
  Array.isArray(expected) ? expected.some((value) => value === actual) : expected === actual;

function compare(operator: string, actual: unknown, expected: unknown): boolean {
  if (actual === undefined || actual === null) return false;
  const [a, b] = typeof expected === 'number' ? [Number(actual), expected] : [String(actual), String(expected)];
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function predicateOf(key: string, expected: unknown): Predicate {
  const match = /^(.+?)\s+(NOT|<=|>=|<|>|LIKE|OR\s+.+)$/i.exec(key.trim());
  if (!match) return (row) => equalsAny(row[key.trim()], expected);
  const [, column, operator] = match;
  if (/^OR\s/i.test(operator)) {
    const columns = [column, ...operator.replace(/^OR\s+/i, '').split(/\s+OR\s+/i)].map((name) => name.trim());
    return (row) => columns.some((name) => equalsAny(row[name], expected));
  }
  switch (operator.toUpperCase()) {
    case 'NOT':
      return (row) => !equalsAny(row[column], expected);
    case 'LIKE':
      return (row) =>
        String(row[column] ?? '')
          .toLowerCase()
          .includes(String(expected).toLowerCase());
    default:
      return (row) => compare(operator, row[column], expected);
  }
}

/** A predicate for the rows that pass every filter; everything passes when there are none. */
export function parseFilters(filtersJson: unknown): Predicate {
  if (filtersJson === undefined || filtersJson === null || filtersJson === '') return () => true;
  let filters: unknown;
  try {
    filters = typeof filtersJson === 'string' ? JSON.parse(filtersJson) : filtersJson;
  } catch {
    throw invalidParameter('filters_json is not valid JSON.');
  }
  if (!filters || typeof filters !== 'object' || Array.isArray(filters)) {
    throw invalidParameter('filters_json must be a JSON object.');
  }
  const predicates = Object.entries(filters).map(([key, value]) => predicateOf(key, value));
  return (row) => predicates.every((predicate) => predicate(row));
}

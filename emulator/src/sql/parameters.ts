/**
 * Databricks' `:name` parameter markers as DuckDB prepared-statement parameters. Values arrive as strings
 * (or already typed): strings shaped like a date or a timestamp are bound as DATE / TIMESTAMP so that they
 * compare with date columns, as Databricks' implicit casts allow.
 */
import {
  DATE,
  type DuckDBPreparedStatement,
  type DuckDBType,
  type DuckDBValue,
  dateValue,
  TIMESTAMP,
  timestampValue,
} from '@duckdb/node-api';
import type { SqlParams } from '../contracts.js';
import { splitSegments } from './translate.js';

/** Replaces `:name` markers (not `::` casts) for names in `params` with DuckDB's `$name`. */
export function markParameters(sql: string, params: SqlParams): string {
  const names = new Set(Object.keys(params));
  if (names.size === 0) return sql;
  return splitSegments(sql)
    .map((segment) =>
      segment.code
        ? segment.text.replace(/(?<![:\w]):([A-Za-z_]\w*)/g, (marker, name: string) =>
            names.has(name) ? `$${name}` : marker,
          )
        : segment.text,
    )
    .join('');
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timestampPattern = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The DuckDB value and type for one parameter value. */
export function parameterValue(value: string | number | boolean | null): { value: DuckDBValue; type?: DuckDBType } {
  if (typeof value !== 'string')
    return { value: typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : value };
  const date = datePattern.exec(value);
  if (date) return { value: dateValue({ year: +date[1], month: +date[2], day: +date[3] }), type: DATE };
  if (timestampPattern.test(value)) {
    const ms = Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
    if (!Number.isNaN(ms)) return { value: timestampValue(BigInt(ms) * 1000n), type: TIMESTAMP };
  }
  return { value };
}

/** Binds the parameters the prepared statement declares. */
export function bindParameters(prepared: DuckDBPreparedStatement, params: SqlParams): void {
  for (let index = 1; index <= prepared.parameterCount; index++) {
    const name = prepared.parameterName(index);
    if (!(name in params)) throw new Error(`[UNBOUND_SQL_PARAMETER] Found the unbound parameter: ${name}.`);
    const { value, type } = parameterValue(params[name]);
    prepared.bindValue(index, value, type);
  }
}

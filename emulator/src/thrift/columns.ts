/**
 * Query results as a column-based `TRowSet`, for a client that does not ask for Arrow (`canReadArrowResult`
 * false): one `TColumn` per column, its values in the typed list of its kind and a bitmap of nulls (bit i of the
 * buffer set when row i is null). Dates, timestamps and decimals travel as strings, complex types as JSON text,
 * as a warehouse sends them; the driver hands them out so.
 */
import Int64 from 'node-int64';
import type { SqlColumn } from '../contracts.js';
import { baseTypeName } from './arrow.js';

type Kind = 'boolVal' | 'byteVal' | 'i16Val' | 'i32Val' | 'i64Val' | 'doubleVal' | 'stringVal';

const kinds: Record<string, Kind> = {
  BOOLEAN: 'boolVal',
  TINYINT: 'byteVal',
  SMALLINT: 'i16Val',
  INT: 'i32Val',
  BIGINT: 'i64Val',
  FLOAT: 'doubleVal',
  DOUBLE: 'doubleVal',
};

const placeholders: Record<Kind, unknown> = {
  boolVal: false,
  byteVal: 0,
  i16Val: 0,
  i32Val: 0,
  i64Val: new Int64(0),
  doubleVal: 0,
  stringVal: '',
};

/** `2026-12-04 18:30:00.123`: a timestamp as a warehouse writes it in text (UTC, no zone). */
const timestampText = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

function columnValue(value: unknown, base: string, kind: Kind): unknown {
  switch (kind) {
    case 'boolVal':
      return Boolean(value);
    case 'i64Val':
      // Two's complement in hex: node-int64 takes the full 64 bits that way.
      return new Int64(
        BigInt.asUintN(64, BigInt(value as number | bigint))
          .toString(16)
          .padStart(16, '0'),
      );
    case 'stringVal':
      break;
    default:
      return Number(value);
  }
  if (value instanceof Date) return base === 'DATE' ? value.toISOString().slice(0, 10) : timestampText(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object') return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? Number(v) : v));
  return String(value);
}

/** The `TColumn`s of `rows`. */
export function columnBatch(columns: SqlColumn[], rows: unknown[][]) {
  return columns.map((column, i) => {
    const base = baseTypeName(column.type);
    const kind = kinds[base] ?? 'stringVal';
    const nulls = Buffer.alloc(Math.ceil(rows.length / 8));
    const values = rows.map((row, r) => {
      const value = row[i];
      if (value !== null && value !== undefined) return columnValue(value, base, kind);
      nulls[r >> 3]! |= 1 << (r & 7);
      return placeholders[kind];
    });
    return { [kind]: { values, nulls } };
  });
}

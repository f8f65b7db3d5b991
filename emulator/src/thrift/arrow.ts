/**
 * Query results as Arrow IPC, the way a Databricks warehouse sends them to the driver: one schema message
 * (in the result-set metadata) and record-batch messages (in each fetched page). DATE and TIMESTAMP are
 * native Arrow types (the driver hands them out as JS `Date`); decimals travel as doubles and complex types
 * as JSON text, which the driver parses back into objects.
 */
import { createRequire } from 'node:module';
import type { SqlColumn } from '../contracts.js';

// The CommonJS build, the same module instance the driver loads (its ESM typings do not resolve under NodeNext).
type Arrow = typeof import('apache-arrow', { with: { 'resolution-mode': 'require' }});
type DataType = InstanceType<Arrow['DataType']>;
const {
  Bool,
  DateDay,
  Float32,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  Table,
  TimestampMillisecond,
  Utf8,
  tableToIPC,
  vectorFromArray,
} = createRequire(import.meta.url)('apache-arrow') as Arrow;

const arrowTypes: Record<string, () => DataType> = {
  BOOLEAN: () => new Bool(),
  TINYINT: () => new Int8(),
  SMALLINT: () => new Int16(),
  INT: () => new Int32(),
  BIGINT: () => new Int64(),
  FLOAT: () => new Float32(),
  DOUBLE: () => new Float64(),
  DECIMAL: () => new Float64(),
  DATE: () => new DateDay(),
  TIMESTAMP: () => new TimestampMillisecond('UTC'),
};

/** The base name of a Databricks type: `DECIMAL(38,18)` → `DECIMAL`, `STRUCT<…>` → `STRUCT`. */
export const baseTypeName = (type: string) => /^[A-Z]+/.exec(type.toUpperCase())?.[0] ?? 'STRING';

function arrowValue(value: unknown, base: string): unknown {
  if (value === null || value === undefined) return null;
  switch (base) {
    case 'BIGINT':
      return typeof value === 'bigint' ? value : BigInt(value as number);
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'FLOAT':
    case 'DOUBLE':
    case 'DECIMAL':
      return Number(value);
    case 'TIMESTAMP':
      return (value as Date).getTime();
    case 'DATE':
    case 'BOOLEAN':
      return value;
    case 'STRUCT':
    case 'MAP':
    case 'ARRAY':
      return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? Number(v) : v));
    default:
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : String(value);
  }
}

/** One IPC stream: the schema message, then the record batch messages, then the end-of-stream marker. */
function ipcStream(columns: SqlColumn[], rows: unknown[][]): Uint8Array {
  const vectors = Object.fromEntries(
    columns.map((column, i) => {
      const base = baseTypeName(column.type);
      const type = (arrowTypes[base] ?? (() => new Utf8()))();
      return [
        column.name,
        vectorFromArray(
          rows.map((row) => arrowValue(row[i], base)),
          type,
        ),
      ];
    }),
  );
  return tableToIPC(new Table(vectors), 'stream');
}

/** Length of the first (schema) message: continuation marker, length prefix, flatbuffer metadata. */
function schemaMessageLength(stream: Uint8Array): number {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  return 8 + view.getInt32(4, true);
}

const END_OF_STREAM_LENGTH = 8;

export function arrowSchema(columns: SqlColumn[]): Buffer {
  const stream = ipcStream(columns, []);
  return Buffer.from(stream.subarray(0, schemaMessageLength(stream)));
}

/** The record batch messages for `rows`, to follow the schema message. */
export function arrowBatch(columns: SqlColumn[], rows: unknown[][]): Buffer {
  const stream = ipcStream(columns, rows);
  return Buffer.from(stream.subarray(schemaMessageLength(stream), stream.length - END_OF_STREAM_LENGTH));
}

/**
 * Results in the Statement Execution API's `JSON_ARRAY` format: every value a string (or null), columns
 * described with Databricks' `type_text` / `type_name`.
 */
import type { SqlColumn } from '../contracts.js';

const typeNames: Record<string, string> = { BIGINT: 'LONG', SMALLINT: 'SHORT', TINYINT: 'BYTE', VOID: 'NULL' };

export function columnInfo(column: SqlColumn, position: number) {
  const base = /^[A-Z]+/.exec(column.type)?.[0] ?? 'STRING';
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)/.exec(column.type);
  return {
    name: column.name,
    type_text: column.type,
    type_name: typeNames[base] ?? base,
    position,
    ...(decimal ? { type_precision: Number(decimal[1]), type_scale: Number(decimal[2]) } : {}),
  };
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function jsonArrayValue(value: unknown, type: string): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return type === 'DATE' ? isoDate(value) : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object') return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? String(v) : v));
  return String(value);
}

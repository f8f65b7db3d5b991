/**
 * DuckDB's result types and values seen the way a Databricks warehouse reports them:
 * type names (`STRING`, `DECIMAL(38,18)`, `STRUCT<a: INT>`, …) and plain JS values (maps as objects).
 */
import {
  type DuckDBDecimalType,
  type DuckDBListType,
  type DuckDBMapType,
  type DuckDBStructType,
  type DuckDBType,
  DuckDBTypeId,
} from '@duckdb/node-api';

const simpleNames: Partial<Record<DuckDBTypeId, string>> = {
  [DuckDBTypeId.VARCHAR]: 'STRING',
  [DuckDBTypeId.UUID]: 'STRING',
  [DuckDBTypeId.ENUM]: 'STRING',
  [DuckDBTypeId.BOOLEAN]: 'BOOLEAN',
  [DuckDBTypeId.TINYINT]: 'TINYINT',
  [DuckDBTypeId.SMALLINT]: 'SMALLINT',
  [DuckDBTypeId.INTEGER]: 'INT',
  [DuckDBTypeId.BIGINT]: 'BIGINT',
  [DuckDBTypeId.UTINYINT]: 'SMALLINT',
  [DuckDBTypeId.USMALLINT]: 'INT',
  [DuckDBTypeId.UINTEGER]: 'BIGINT',
  [DuckDBTypeId.UBIGINT]: 'DECIMAL(20,0)',
  [DuckDBTypeId.HUGEINT]: 'DECIMAL(38,0)',
  [DuckDBTypeId.UHUGEINT]: 'DECIMAL(38,0)',
  [DuckDBTypeId.FLOAT]: 'FLOAT',
  [DuckDBTypeId.DOUBLE]: 'DOUBLE',
  [DuckDBTypeId.DATE]: 'DATE',
  [DuckDBTypeId.TIMESTAMP]: 'TIMESTAMP',
  [DuckDBTypeId.TIMESTAMP_S]: 'TIMESTAMP',
  [DuckDBTypeId.TIMESTAMP_MS]: 'TIMESTAMP',
  [DuckDBTypeId.TIMESTAMP_NS]: 'TIMESTAMP',
  [DuckDBTypeId.TIMESTAMP_TZ]: 'TIMESTAMP',
  [DuckDBTypeId.BLOB]: 'BINARY',
  [DuckDBTypeId.INTERVAL]: 'INTERVAL',
  [DuckDBTypeId.SQLNULL]: 'VOID',
};

export function databricksTypeName(type: DuckDBType): string {
  switch (type.typeId) {
    case DuckDBTypeId.DECIMAL: {
      const decimal = type as DuckDBDecimalType;
      return `DECIMAL(${decimal.width},${decimal.scale})`;
    }
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return `ARRAY<${databricksTypeName((type as DuckDBListType).valueType)}>`;
    case DuckDBTypeId.MAP: {
      const map = type as DuckDBMapType;
      return `MAP<${databricksTypeName(map.keyType)}, ${databricksTypeName(map.valueType)}>`;
    }
    case DuckDBTypeId.STRUCT: {
      const struct = type as DuckDBStructType;
      const fields = struct.entryNames.map((name, i) => `${name}: ${databricksTypeName(struct.entryTypes[i])}`);
      return `STRUCT<${fields.join(', ')}>`;
    }
    default:
      return simpleNames[type.typeId] ?? 'STRING';
  }
}

/** Converts a value from DuckDB's JS conversion: maps become plain objects, recursively. */
export function toPlainValue(value: unknown, type: DuckDBType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case DuckDBTypeId.MAP: {
      const map = type as DuckDBMapType;
      const entries = value as { key: unknown; value: unknown }[];
      return Object.fromEntries(entries.map((e) => [String(e.key), toPlainValue(e.value, map.valueType)]));
    }
    case DuckDBTypeId.STRUCT: {
      const struct = type as DuckDBStructType;
      const record = value as Record<string, unknown>;
      return Object.fromEntries(
        struct.entryNames.map((name, i) => [name, toPlainValue(record[name], struct.entryTypes[i])]),
      );
    }
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return (value as unknown[]).map((item) => toPlainValue(item, (type as DuckDBListType).valueType));
    default:
      return value;
  }
}

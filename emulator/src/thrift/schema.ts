/** Result columns as HiveServer2 `TTableSchema` (positions count from 1). */
import type { SqlColumn } from '../contracts.js';
import { baseTypeName } from './arrow.js';
import { TTypeId } from './generated.js';

const typeIds: Record<string, number> = {
  BOOLEAN: TTypeId.BOOLEAN_TYPE,
  TINYINT: TTypeId.TINYINT_TYPE,
  SMALLINT: TTypeId.SMALLINT_TYPE,
  INT: TTypeId.INT_TYPE,
  BIGINT: TTypeId.BIGINT_TYPE,
  FLOAT: TTypeId.FLOAT_TYPE,
  DOUBLE: TTypeId.DOUBLE_TYPE,
  DECIMAL: TTypeId.DECIMAL_TYPE,
  DATE: TTypeId.DATE_TYPE,
  TIMESTAMP: TTypeId.TIMESTAMP_TYPE,
  STRUCT: TTypeId.STRUCT_TYPE,
  MAP: TTypeId.MAP_TYPE,
  ARRAY: TTypeId.ARRAY_TYPE,
};

export function tableSchema(columns: SqlColumn[]) {
  return {
    columns: columns.map((column, i) => ({
      columnName: column.name,
      position: i + 1,
      comment: '',
      typeDesc: {
        types: [{ primitiveEntry: { type: typeIds[baseTypeName(column.type)] ?? TTypeId.STRING_TYPE } }],
      },
    })),
  };
}

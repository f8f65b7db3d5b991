import { StatementError } from '../sql/errors.js';
import { checkReadOnly, spliceTables } from '../sql/read-only.js';
import type { LocalDatasets, ParameterValue } from './local-engine.js';

/** The one table a dataset statement may read. */
export const DATASET_TABLE = 'dataset';

export interface CheckedStatement {
  /** The statement with DuckDB's `$name` markers, for the local copy. */
  local: string;
  /** The statement for the warehouse, `dataset` replaced by the Delta table's (quoted) three-part name. */
  remote(table: string): string;
  /** The parameters it uses, with their values. */
  parameters: Record<string, ParameterValue>;
}

const refuse = (message: string, refused: string) => new StatementError('STATEMENT_REFUSED', message, { refused });

/**
 * Checks a dataset statement: one read-only SELECT (`checkReadOnly`, on the parser of the engine the local copy
 * runs on) whose only table is `dataset`. Anything else is a `StatementError` naming what was refused.
 */
export async function checkStatement(
  local: LocalDatasets,
  statement: string,
  given: Record<string, unknown>,
): Promise<CheckedStatement> {
  const checked = await checkReadOnly((sql) => local.parse(sql), statement, given, 'query a dataset');
  if (checked.cteNames.has(DATASET_TABLE)) {
    throw refuse('A common table expression may not be named "dataset"; choose another name.', 'cte dataset');
  }
  for (const table of checked.tables) {
    const qualified = [table.catalog, table.schema, table.table].filter(Boolean).join('.');
    if (qualified.toLowerCase() !== DATASET_TABLE) {
      throw refuse(`Only the table "dataset" can be read; the table "${qualified}" was refused.`, qualified);
    }
  }
  return {
    local: checked.duckSql,
    remote: (table) => spliceTables(statement, checked.tables, () => table),
    parameters: checked.parameters,
  };
}

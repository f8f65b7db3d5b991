import { DatabricksError } from '../errors.js';
import type { DatabricksRestClient } from '../rest-client.js';

/** A named parameter's value; its SQL type is told to the warehouse alongside. */
export type StatementParameter = string | number | boolean | null;

export interface InlineStatement {
  warehouseId: string;
  sql: string;
  params?: Record<string, StatementParameter>;
  /** Rows wanted; one more is asked for to tell whether the answer was cut. */
  rowLimit: number;
}

export interface InlineRows {
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
}

interface StatementResponse {
  statement_id: string;
  status: { state: string; error?: { error_code?: string; message?: string } };
  manifest?: { schema?: { columns?: { name: string; type_name: string }[] } };
  result?: { data_array?: (string | null)[][]; next_chunk_internal_link?: string };
}

const NUMERIC_TYPES = new Set(['BYTE', 'SHORT', 'INT', 'LONG', 'FLOAT', 'DOUBLE', 'DECIMAL']);
/** The Statement Execution API waits 5–50 s in the first call; past that it is polled. */
const MAX_WAIT_SECONDS = 50;
const POLL_MS = 100;

const parameterType = (value: StatementParameter) => {
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isInteger(value) ? 'BIGINT' : 'DOUBLE';
  return 'STRING';
};

/** JSON_ARRAY results are strings: the manifest's types turn them back into numbers and booleans. */
function typedValue(value: string | null, type: string): unknown {
  if (value === null) return null;
  if (NUMERIC_TYPES.has(type)) return Number(value);
  if (type === 'BOOLEAN') return value === 'true';
  return value;
}

/**
 * One statement through the Statement Execution API (`POST /api/2.0/sql/statements`, INLINE JSON_ARRAY): for
 * small bounded reads it is one round trip without a session, where the Thrift driver needs several. Waits in
 * the call up to the deadline, then polls; a statement still running when the caller gives up is cancelled.
 */
export async function executeInline(
  rest: DatabricksRestClient,
  statement: InlineStatement,
  deadline: number,
): Promise<InlineRows> {
  const waitSeconds = Math.floor((deadline - Date.now()) / 1000);
  let answer = await rest.post<StatementResponse>(
    '/api/2.0/sql/statements',
    {
      warehouse_id: statement.warehouseId,
      statement: statement.sql,
      parameters: Object.entries(statement.params ?? {}).map(([name, value]) => ({
        name,
        value: value === null ? null : String(value),
        type: parameterType(value),
      })),
      row_limit: statement.rowLimit + 1,
      disposition: 'INLINE',
      format: 'JSON_ARRAY',
      wait_timeout: waitSeconds >= 5 ? `${Math.min(waitSeconds, MAX_WAIT_SECONDS)}s` : '0s',
      on_wait_timeout: 'CONTINUE',
    },
    { deadline },
  );
  while (answer.status.state === 'PENDING' || answer.status.state === 'RUNNING') {
    if (Date.now() + POLL_MS >= deadline) {
      await rest.post(`/api/2.0/sql/statements/${answer.statement_id}/cancel`).catch(() => {});
      throw new DatabricksError('TIMEOUT', 'The SQL warehouse did not answer in time');
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    answer = await rest.get<StatementResponse>(`/api/2.0/sql/statements/${answer.statement_id}`, {}, { deadline });
  }
  if (answer.status.state !== 'SUCCEEDED') {
    const message = answer.status.error?.message ?? `The statement ended ${answer.status.state}`;
    throw new DatabricksError(answer.status.state === 'FAILED' ? 'BAD_REQUEST' : 'UNAVAILABLE', message);
  }
  const columns = answer.manifest?.schema?.columns ?? [];
  const rows: unknown[][] = [];
  let chunk = answer.result;
  for (;;) {
    for (const row of chunk?.data_array ?? [])
      rows.push(row.map((value, i) => typedValue(value, columns[i]?.type_name)));
    if (!chunk?.next_chunk_internal_link || rows.length > statement.rowLimit) break;
    chunk = await rest.get<NonNullable<StatementResponse['result']>>(chunk.next_chunk_internal_link, {}, { deadline });
  }
  return {
    columns: columns.map((column) => column.name),
    rows: rows.slice(0, statement.rowLimit),
    truncated: rows.length > statement.rowLimit,
  };
}
